import { describe, expect, it } from 'vitest';
import {
  ContactRow,
  normalizeLanguage,
  parseConsent,
  validateContactRow,
  type ContactInput,
} from '../../../src/domain/contacts/index.ts';

const options = { defaultRegion: 'RU', tenantTimezone: 'Europe/Moscow' };

describe('validateContactRow', () => {
  it('normalises a complete row into a ContactRow', () => {
    const input: ContactInput = {
      externalId: ' A1 ',
      phone: '8 (999) 123-45-67',
      email: 'Ivan@Example.RU',
      firstName: 'Иван',
      middleName: 'Иванович',
      lastName: 'Иванов',
      language: 'Русский',
      region: 'Свердловская обл.',
      consentSms: 'да',
      consentEmail: 'нет',
      consentVoice: '',
      attributes: { service_type: 'Ипотека', department: ' Розница ', employee: '' },
    };
    const result = validateContactRow(input, options);
    expect(result).toEqual({
      ok: true,
      problems: [],
      contact: {
        externalId: 'A1',
        phone: '+79991234567',
        phoneCountry: 'RU',
        phoneType: 'MOBILE',
        email: 'Ivan@example.ru',
        firstName: 'Иван',
        middleName: 'Иванович',
        lastName: 'Иванов',
        language: 'ru',
        region: 'Свердловская обл.',
        timezone: 'Asia/Yekaterinburg',
        timezoneSource: 'region',
        consent: { sms: true, email: false },
        attributes: { service_type: 'Ипотека', department: 'Розница' },
      },
    });
    expect(ContactRow.safeParse(result.contact).success).toBe(true);
  });

  it('falls back to the tenant time zone for a Russian number with no region', () => {
    const result = validateContactRow({ phone: '+7 999 123 45 67' }, { tenantTimezone: 'Asia/Novosibirsk' });
    expect(result.contact).toMatchObject({ timezone: 'Asia/Novosibirsk', timezoneSource: 'tenant' });
  });

  it('reports every problem of a row at once, with its code, field and the value a person recognises', () => {
    const result = validateContactRow(
      { phone: '8 999 ABC', email: 'not-an-email', language: 'klingon', timezone: 'Луна/Море', consentSms: 'может быть', fullName: 'x'.repeat(201) },
      options,
    );
    expect(result.ok).toBe(false);
    expect(result.contact).toBeNull();
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['fullName', 'value_too_long'],
      ['phone', 'phone_invalid'],
      ['email', 'email_invalid'],
      ['language', 'language_invalid'],
      ['timezone', 'timezone_invalid'],
      ['consentSms', 'consent_invalid'],
    ]);
    expect(result.problems.find((p) => p.field === 'phone')).toMatchObject({ value: '8 999 ABC', reason: 'letters', message: 'Phone number contains letters' });
    expect(result.problems.find((p) => p.field === 'fullName')?.value).toHaveLength(100);
  });

  it('requires one of external id, phone or email', () => {
    const result = validateContactRow({ firstName: 'Аноним', phone: '  ' }, options);
    expect(result.problems).toEqual([expect.objectContaining({ field: '*', code: 'missing_required' })]);
  });

  it('does not call a present but invalid phone "missing"', () => {
    const result = validateContactRow({ phone: '123' }, options);
    expect(result.problems.map((p) => p.code)).toEqual(['phone_invalid']);
  });

  it('requires what the mapping marks required, attributes included', () => {
    const result = validateContactRow({ email: 'a@b.ru', attributes: { employee: ' ' } }, { ...options, required: ['firstName', 'attributes.employee'] });
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['firstName', 'missing_required'],
      ['attributes.employee', 'missing_required'],
    ]);
  });

  it('accepts only the languages the tenant surveys in', () => {
    expect(validateContactRow({ email: 'a@b.ru', language: 'kk' }, options).ok).toBe(false);
    expect(validateContactRow({ email: 'a@b.ru', language: 'kk' }, { ...options, languages: ['ru', 'en', 'kk'] }).contact?.language).toBe('kk');
  });
});

describe('normalizeLanguage', () => {
  it.each([
    ['ru', 'ru'],
    ['RU', 'ru'],
    ['ru-RU', 'ru'],
    ['ru_RU', 'ru'],
    ['rus', 'ru'],
    ['Русский', 'ru'],
    ['English', 'en'],
    ['en-GB', 'en'],
    ['англ.', 'en'],
  ])('%s → %s', (text, code) => {
    expect(normalizeLanguage(text)).toBe(code);
  });

  it('refuses what it cannot name or the tenant does not offer', () => {
    expect(normalizeLanguage('klingon')).toBeNull();
    expect(normalizeLanguage('de')).toBeNull();
    expect(normalizeLanguage('de', ['ru', 'de'])).toBe('de');
  });
});

describe('parseConsent', () => {
  it.each(['да', 'Да', 'yes', 'Y', '1', 'true', 'ИСТИНА', '+', '✓', 'x', 'согласен'])('%s is yes', (text) => {
    expect(parseConsent(text)).toBe(true);
  });
  it.each(['нет', 'No', '0', 'false', 'ЛОЖЬ', '-', 'отказ'])('%s is no', (text) => {
    expect(parseConsent(text)).toBe(false);
  });
  it('empty is unknown, anything else is an error, never a guess', () => {
    expect(parseConsent('  ')).toBeNull();
    expect(parseConsent('может быть')).toBe('invalid');
    expect(parseConsent('2')).toBe('invalid');
  });
});
