import { describe, expect, it } from 'vitest';
import { parseInboundSms } from '../../../src/channels/sms/httpGatewayInbound.ts';
import { HttpGatewaySender } from '../../../src/channels/sms/httpGatewaySender.ts';
import type { IncomingSms } from '../../../src/channels/sms/port.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { isOptOutReply } from '../../../src/domain/sms/optOut.ts';

const NOW = new Date('2026-03-01T10:00:00Z');
const now = () => NOW;
const JSON_TYPE = 'application/json; charset=utf-8';
const FORM_TYPE = 'application/x-www-form-urlencoded';

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('parseInboundSms: JSON bodies', () => {
  const mapping = { from: 'message.from', to: 'message.to', text: 'message.body', at: 'message.received_at' };

  it('reads nested fields from a raw JSON string and normalises numbers to E.164', () => {
    const body = JSON.stringify({ message: { from: '79161234567', to: '+7 (495) 123-45-67', body: 'СТОП', received_at: '2026-02-28T21:15:00+03:00' } });
    const sms = parseInboundSms(body, JSON_TYPE, mapping, { now });
    expect(sms).toEqual({ from: '+79161234567', to: '+74951234567', text: 'СТОП', at: new Date('2026-02-28T18:15:00Z') });
    expect(isOptOutReply(sms.text)).toBe(true);
  });

  it('accepts an object a body parser made, octets, and paths through arrays', () => {
    const parsed = { messages: [{ msisdn: 447911123456, shortcode: '4444', text: 'Stop!', ts: 1772359200 }] };
    const m = { from: 'messages.0.msisdn', to: 'messages.0.shortcode', text: 'messages.0.text', at: 'messages.0.ts' };
    const expected = { from: '+447911123456', to: '4444', text: 'Stop!', at: new Date(1772359200 * 1000) };
    expect(parseInboundSms(parsed, 'application/json', m, { now })).toEqual(expected);
    expect(parseInboundSms(Buffer.from(JSON.stringify(parsed)), 'application/json', m, { now })).toEqual(expected);
    expect(parseInboundSms(new TextEncoder().encode(JSON.stringify(parsed)), 'application/vnd.gateway+json', m, { now })).toEqual(expected);
  });

  it('prefers a key that itself contains dots over a path', () => {
    const sms = parseInboundSms({ 'sms.from': '+79161234567', 'sms.text': 'hi' }, JSON_TYPE, { from: 'sms.from', text: 'sms.text' }, { now });
    expect(sms).toEqual({ from: '+79161234567', to: '', text: 'hi', at: NOW });
  });

  it('reads national numbers with the default region and keeps short codes and sender names as given', () => {
    const m = { from: 'from', to: 'to', text: 'text' };
    expect(parseInboundSms({ from: '8 916 123-45-67', to: 'Voxpop', text: '' }, JSON_TYPE, m, { now })).toMatchObject({ from: '+79161234567', to: 'Voxpop', text: '' });
    expect(parseInboundSms({ from: '07911 123456', to: '60777', text: 'STOP' }, JSON_TYPE, m, { now, defaultRegion: 'GB' })).toMatchObject({ from: '+447911123456', to: '60777' });
  });

  it('reads times as seconds, milliseconds, ISO with a zone, and zone-less date-times as UTC; falls back to now when absent', () => {
    const at = (value: unknown) => parseInboundSms({ f: '+79161234567', t: 'x', a: value }, JSON_TYPE, { from: 'f', text: 't', at: 'a' }, { now }).at;
    expect(at(1772359200)).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(at('1772359200')).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(at(1772359200123)).toEqual(new Date('2026-03-01T10:00:00.123Z'));
    expect(at('2026-03-01 13:00:00')).toEqual(new Date('2026-03-01T13:00:00Z'));
    expect(at('2026-03-01T13:00:00+03:00')).toEqual(new Date('2026-03-01T10:00:00Z'));
    expect(at(undefined)).toEqual(NOW);
    expect(at('')).toEqual(NOW);
  });

  it('names the missing or unreadable field in a validation error', () => {
    const missingText = failure(() => parseInboundSms({ message: { from: '+79161234567', to: '4444' } }, JSON_TYPE, mapping));
    expect(missingText).toMatchObject({ code: 'validation', details: { field: 'text', path: 'message.body' } });
    expect(missingText.message).toContain('message.body');

    expect(failure(() => parseInboundSms({ message: { to: '4444', body: 'STOP' } }, JSON_TYPE, mapping))).toMatchObject({ code: 'validation', details: { field: 'from' } });
    expect(failure(() => parseInboundSms({ message: { from: '  ', to: '1', body: 'STOP' } }, JSON_TYPE, mapping))).toMatchObject({ details: { field: 'from' } });
    expect(failure(() => parseInboundSms({ message: { from: '+79161234567', body: 'STOP' } }, JSON_TYPE, mapping))).toMatchObject({ details: { field: 'to' } });
    expect(failure(() => parseInboundSms({ message: { from: { n: 1 }, to: '1', body: 'STOP' } }, JSON_TYPE, mapping))).toMatchObject({ details: { field: 'from' } });
    expect(failure(() => parseInboundSms({ message: { from: '+79161234567', to: '1', body: 'x', received_at: 'yesterday' } }, JSON_TYPE, mapping))).toMatchObject({
      details: { field: 'at' },
    });
  });

  it('refuses malformed JSON, a non-object body and an unsupported content type', () => {
    expect(failure(() => parseInboundSms('{"from":', JSON_TYPE, mapping))).toMatchObject({ code: 'validation', details: { field: 'body' } });
    expect(failure(() => parseInboundSms('"STOP"', JSON_TYPE, mapping))).toMatchObject({ code: 'validation', details: { field: 'body' } });
    expect(failure(() => parseInboundSms('from=1&text=2', 'text/plain', mapping))).toMatchObject({ code: 'validation', details: { field: 'contentType' } });
  });
});

describe('parseInboundSms: form-encoded bodies', () => {
  const mapping = { from: 'msisdn', to: 'to', text: 'text', at: 'message-timestamp' };

  it('reads a raw form body, UTF-8 percent-encoded Cyrillic and "+" as space', () => {
    const body = 'msisdn=79161234567&to=4444&text=%D0%A1%D0%A2%D0%9E%D0%9F+%D0%BF%D0%BE%D0%B6%D0%B0%D0%BB%D1%83%D0%B9%D1%81%D1%82%D0%B0&message-timestamp=2026-03-01+10%3A00%3A00';
    const sms = parseInboundSms(body, `${FORM_TYPE}; charset=UTF-8`, mapping, { now });
    expect(sms).toEqual({ from: '+79161234567', to: '4444', text: 'СТОП пожалуйста', at: new Date('2026-03-01T10:00:00Z') });
    expect(isOptOutReply(sms.text)).toBe(true);
  });

  it('reads an unencoded "+" in the number (a space once decoded) as the same number', () => {
    expect(parseInboundSms('msisdn=+79161234567&to=4444&text=STOP', FORM_TYPE, mapping, { now }).from).toBe('+79161234567');
  });

  it('reads octets, URLSearchParams and an object a form parser made (a repeated field gives its first value)', () => {
    const expected = { from: '+79161234567', to: '4444', text: 'stop', at: NOW };
    expect(parseInboundSms(Buffer.from('msisdn=%2B79161234567&to=4444&text=stop'), FORM_TYPE, mapping, { now })).toEqual(expected);
    expect(parseInboundSms(new URLSearchParams({ msisdn: '+79161234567', to: '4444', text: 'stop' }), FORM_TYPE, mapping, { now })).toEqual(expected);
    expect(parseInboundSms({ msisdn: ['+79161234567', '+70000000000'], to: '4444', text: 'stop' }, FORM_TYPE, mapping, { now })).toEqual(expected);
  });

  it('reads nested fields a form parser made from a[b]=… by dotted path', () => {
    const sms = parseInboundSms({ sms: { sender: '79161234567', body: 'Стоп' } }, FORM_TYPE, { from: 'sms.sender', text: 'sms.body' }, { now });
    expect(sms).toEqual({ from: '+79161234567', to: '', text: 'Стоп', at: NOW });
  });

  it('names the missing form field', () => {
    const error = failure(() => parseInboundSms('msisdn=79161234567&to=4444', FORM_TYPE, mapping));
    expect(error).toMatchObject({ code: 'validation', details: { field: 'text', path: 'text' } });
    expect(failure(() => parseInboundSms(42, FORM_TYPE, mapping))).toMatchObject({ code: 'validation', details: { field: 'body' } });
  });
});

describe('HttpGatewaySender.emitIncoming', () => {
  it('hands a parsed incoming SMS to the listeners and rejects when one throws, so the route can make the gateway retry', async () => {
    const sender = new HttpGatewaySender({ template: { method: 'POST', url: 'http://127.0.0.1:9/send', contentType: 'json', body: '{"to":"{to}","text":"{text}"}' } });
    const received: IncomingSms[] = [];
    sender.onIncoming((sms) => void received.push(sms));
    const sms = parseInboundSms('msisdn=79161234567&text=STOP', FORM_TYPE, { from: 'msisdn', text: 'text' }, { now });
    await sender.emitIncoming(sms);
    expect(received).toEqual([{ from: '+79161234567', to: '', text: 'STOP', at: NOW }]);

    sender.onIncoming(() => {
      throw new Error('database down');
    });
    await expect(sender.emitIncoming(sms)).rejects.toThrow('database down');
    await sender.close();
  });
});
