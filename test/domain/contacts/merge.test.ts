import { describe, expect, it } from 'vitest';
import { anonymizeAnswers, diffContact, fieldsFromRow, mergeContact, type ContactRow } from '../../../src/domain/contacts/index.ts';

const row = (over: Partial<ContactRow> = {}): ContactRow => ({ timezone: 'Europe/Moscow', timezoneSource: 'region', consent: {}, attributes: {}, ...over });

describe('mergeContact', () => {
  const existing = fieldsFromRow(row({ externalId: 'C-1', phone: '+79161234567', email: 'a@example.ru', fullName: 'Old', consent: { sms: true }, attributes: { branch: 'Центр', tier: 'gold' } }));

  it('changes only what the row states, and says what changed', () => {
    const { next, changes } = mergeContact(existing, row({ externalId: 'C-1', fullName: 'New', consent: { sms: false }, attributes: { branch: 'Юг' } }));
    expect(changes).toEqual({ fullName: ['Old', 'New'], consentSms: [true, false], 'attributes.branch': ['Центр', 'Юг'] });
    expect(next).toMatchObject({ email: 'a@example.ru', phone: '+79161234567', attributes: { branch: 'Юг', tier: 'gold' } });
  });

  it('is a no-op for the same row, and a fallback time zone never overrides a known one', () => {
    expect(mergeContact(existing, row({ externalId: 'C-1', fullName: 'Old' })).changes).toEqual({});
    expect(mergeContact(existing, row({ timezone: 'Asia/Omsk', timezoneSource: 'tenant' })).changes).toEqual({});
    expect(mergeContact(existing, row({ timezone: 'Asia/Omsk', timezoneSource: 'column' })).changes).toEqual({ timezone: ['Europe/Moscow', 'Asia/Omsk'] });
  });

  it('stores emails lower-cased, like the dedup key', () => {
    expect(fieldsFromRow(row({ email: 'Ivan.Petrov@Example.RU' })).email).toBe('ivan.petrov@example.ru');
  });

  it('diffs edits including removed attributes', () => {
    expect(diffContact(existing, { ...existing, phone: null, attributes: { branch: 'Центр' } })).toEqual({ phone: ['+79161234567', null], 'attributes.tier': ['gold', null] });
  });
});

describe('anonymizeAnswers', () => {
  it('keeps scores, yes/no and chosen options; blanks words; drops voice', () => {
    const kinds = new Map([
      ['nps', 'nps'],
      ['fcr', 'fcr'],
      ['channel', 'single_choice'],
      ['topics', 'multiple_choice'],
      ['why', 'open_text'],
      ['voice', 'voice_comment'],
    ]);
    const answers = { nps: 3, fcr: false, channel: 'phone', topics: ['billing'], why: 'Позвоните мне', voice: { recordingId: 'r1', durationMs: 2000, transcript: 'мой номер' }, gone: 'unknown question text' };
    expect(anonymizeAnswers(answers, kinds)).toEqual({ nps: 3, fcr: false, channel: 'phone', topics: ['billing'], why: '', voice: null, gone: '' });
  });
});
