import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../src/domain/contacts/index.ts';

describe('normalizePhone', () => {
  it.each([
    ['8 (999) 123-45-67', '+79991234567'],
    ['+7 999 123 45 67', '+79991234567'],
    ['79991234567', '+79991234567'],
    ['9991234567', '+79991234567'],
    ['  8-999-123-45-67 ', '+79991234567'],
  ])('reads the Russian way of writing %s as %s', (raw, e164) => {
    expect(normalizePhone(raw, 'RU')).toMatchObject({ ok: true, e164, country: 'RU', type: 'MOBILE' });
  });

  it('defaults to Russia', () => {
    expect(normalizePhone('8 (999) 123-45-67')).toMatchObject({ ok: true, e164: '+79991234567' });
  });

  it('keeps the type the metadata knows: landline, toll free, mobile', () => {
    expect(normalizePhone('8 (495) 123-45-67', 'RU')).toMatchObject({ ok: true, type: 'FIXED_LINE' });
    expect(normalizePhone('8 800 555-35-35', 'RU')).toMatchObject({ ok: true, type: 'TOLL_FREE' });
  });

  it('splits off an extension, which E.164 cannot carry', () => {
    expect(normalizePhone('+7 (495) 123-45-67 доб. 123', 'RU')).toEqual({ ok: true, e164: '+74951234567', country: 'RU', type: 'FIXED_LINE', extension: '123' });
    expect(normalizePhone('8 495 123 45 67 ext. 45', 'RU')).toMatchObject({ ok: true, extension: '45' });
  });

  it('reads numbers of other countries written internationally, whatever the default region', () => {
    expect(normalizePhone('+375 29 123-45-67', 'RU')).toMatchObject({ ok: true, e164: '+375291234567', country: 'BY' });
    expect(normalizePhone('+44 20 7946 0958', 'RU')).toMatchObject({ ok: true, country: 'GB', type: 'FIXED_LINE' });
    expect(normalizePhone('020 7946 0958', 'GB')).toMatchObject({ ok: true, e164: '+442079460958' });
  });

  it('tells Kazakhstan from Russia inside +7', () => {
    expect(normalizePhone('+7 701 123 45 67', 'RU')).toMatchObject({ ok: true, country: 'KZ' });
  });

  it.each([
    ['', 'empty'],
    ['8999ABC4567', 'letters'],
    ['+7 999 123 45 67 (моб)', 'letters'],
    ['Tel: 8 999 123 45 67', 'letters'],
    ['12345', 'too_short'],
    ['+79991234567890', 'wrong_length'],
    ['+999 123 456 789', 'invalid_country_code'],
    ['+7 000 000 00 00', 'invalid'],
    ['8 999 123 45 67, 8 495 123 45 67', 'several_numbers'],
    ['7,9991E+10', 'scientific_notation'],
    ['7.9991234567E+10', 'scientific_notation'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(normalizePhone(raw, 'RU')).toEqual({ ok: false, reason });
  });

  it('reads only international numbers when the default region is unknown', () => {
    expect(normalizePhone('8 999 123 45 67', 'XX')).toMatchObject({ ok: false });
    expect(normalizePhone('+7 999 123 45 67', 'XX')).toMatchObject({ ok: true, e164: '+79991234567' });
  });
});
