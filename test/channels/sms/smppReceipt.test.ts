import { describe, expect, it } from 'vitest';
import { isDeliveryReceipt, parseReceipt } from '../../../src/channels/sms/smppReceipt.ts';
import { bindError, submitError } from '../../../src/channels/sms/smppStatus.ts';

describe('parseReceipt', () => {
  it('reads the Appendix B text', () => {
    expect(parseReceipt({ text: 'id:0A1B2C sub:001 dlvrd:001 submit date:2501011200 done date:2501011201 stat:DELIVRD err:000 text:Hi' })).toEqual({
      messageId: '0A1B2C',
      status: 'delivered',
    });
    expect(parseReceipt({ text: 'id:7 stat:EXPIRED err:000' })).toMatchObject({ status: 'expired' });
    expect(parseReceipt({ text: 'id:7 stat:REJECTD err:0b1' })).toEqual({ messageId: '7', status: 'rejected', errorCode: '0b1' });
    expect(parseReceipt({ text: 'id:7 stat:WHATEVER' })).toMatchObject({ status: 'unknown' });
  });

  it('prefers the TLVs over the text', () => {
    expect(
      parseReceipt({ text: 'id:123 stat:DELIVRD err:000', receiptedMessageId: '7b', messageState: 5, networkErrorCode: Uint8Array.of(1, 0, 34) }),
    ).toEqual({ messageId: '7b', status: 'undeliverable', errorCode: '1:34' });
  });

  it('returns null when nothing names the message', () => {
    expect(parseReceipt({ text: 'hello' })).toBeNull();
  });

  it('recognises receipts by esm_class', () => {
    expect(isDeliveryReceipt(0x04)).toBe(true);
    expect(isDeliveryReceipt(0x00)).toBe(false);
    expect(isDeliveryReceipt(0x40)).toBe(false);
  });
});

describe('SMPP status classification', () => {
  it.each([
    [0x58, 'temporary', 'throttled'],
    [0x14, 'temporary', 'queue_full'],
    [0x08, 'temporary', 'smsc_error'],
    [0x0b, 'permanent', 'invalid_destination'],
    [0x0a, 'permanent', 'invalid_sender'],
    [0x104, 'permanent', 'invalid_message'],
    [0x466, 'permanent', 'rejected'],
  ] as const)('submit status %i is %s %s', (status, kind, code) => {
    expect(submitError(status)).toMatchObject({ kind, code, status });
  });

  it('treats wrong credentials as permanent and a generic bind failure as temporary', () => {
    expect(bindError(0x0e)).toMatchObject({ kind: 'permanent', code: 'bind_refused' });
    expect(bindError(0x0f)).toMatchObject({ kind: 'permanent' });
    expect(bindError(0x0d)).toMatchObject({ kind: 'temporary', code: 'bind_refused' });
  });
});
