/**
 * One mapped row in, a normalised contact or the list of what is wrong with
 * it out. Every problem is reported at once (not the first only), so a
 * person fixes a row in one go. No zod parse per row: the checks below are
 * the validation, and ContactRow describes their result (the tests hold the
 * two together); a million rows should not pay for it twice.
 */
import { consentProblem } from './consent.ts';
import {
  IDENTIFYING_FIELDS,
  LIMITS,
  type ContactField,
  type ContactInput,
  type ContactProblem,
  type ContactRow,
  type ContactTarget,
} from './contactRow.ts';
import { describeEmailRejection, normalizeEmail } from './email.ts';
import { DEFAULT_LANGUAGES, normalizeLanguage } from './language.ts';
import { DEFAULT_PHONE_REGION, describePhoneRejection, normalizePhone } from './phone.ts';
import { preview } from './text.ts';
import { parseTimeZoneColumn, timezoneFor } from './timezone.ts';

export interface ContactRowOptions {
  /** The tenant's phone region: how "8 999 …" is read. */
  defaultRegion?: string;
  /** The tenant's time zone, used when nothing about the person tells theirs. */
  tenantTimezone?: string;
  /** Languages the tenant surveys in. */
  languages?: readonly string[];
  /** Targets the mapping marks as required, on top of "one of external id, phone, email". */
  required?: readonly ContactTarget[];
}

export type ContactRowResult = { ok: true; contact: ContactRow; problems: [] } | { ok: false; contact: null; problems: ContactProblem[] };

export function validateContactRow(input: ContactInput, options: ContactRowOptions = {}): ContactRowResult {
  const problems: ContactProblem[] = [];
  const value = (field: ContactField) => input[field]?.trim() ?? '';
  const contact: Partial<ContactRow> & Pick<ContactRow, 'consent' | 'attributes'> = { consent: {}, attributes: {} };

  const keepText = (field: 'externalId' | 'firstName' | 'middleName' | 'lastName' | 'fullName' | 'region', max: number) => {
    const text = value(field);
    if (text === '') return;
    if (text.length > max) problems.push(tooLong(field, text, max));
    else contact[field] = text;
  };
  keepText('externalId', LIMITS.externalId);
  for (const field of ['firstName', 'middleName', 'lastName', 'fullName'] as const) keepText(field, LIMITS.name);
  keepText('region', LIMITS.region);

  const phoneText = value('phone');
  if (phoneText !== '') {
    const phone = normalizePhone(phoneText, options.defaultRegion ?? DEFAULT_PHONE_REGION);
    if (phone.ok) {
      contact.phone = phone.e164;
      if (phone.country) contact.phoneCountry = phone.country;
      if (phone.type) contact.phoneType = phone.type;
      if (phone.extension) contact.phoneExtension = phone.extension;
    } else {
      problems.push({ field: 'phone', code: 'phone_invalid', message: describePhoneRejection(phone.reason), value: preview(phoneText), reason: phone.reason });
    }
  }

  const emailText = value('email');
  if (emailText !== '') {
    const email = normalizeEmail(emailText);
    if (email.ok) contact.email = email.email;
    else problems.push({ field: 'email', code: 'email_invalid', message: describeEmailRejection(email.reason), value: preview(emailText), reason: email.reason });
  }

  const languageText = value('language');
  if (languageText !== '') {
    const languages = options.languages ?? DEFAULT_LANGUAGES;
    const language = normalizeLanguage(languageText, languages);
    if (language) contact.language = language;
    else problems.push({ field: 'language', code: 'language_invalid', message: `Language is not one of ${languages.join(', ')}`, value: preview(languageText) });
  }

  const timezoneText = value('timezone');
  const timezoneColumn = timezoneText === '' ? null : parseTimeZoneColumn(timezoneText);
  if (timezoneText !== '' && timezoneColumn === null) {
    problems.push({ field: 'timezone', code: 'timezone_invalid', message: 'Time zone is not a zone such as Europe/Moscow, UTC+3 or МСК+4', value: preview(timezoneText) });
  }

  for (const [field, channel] of [['consentEmail', 'email'], ['consentSms', 'sms'], ['consentVoice', 'voice']] as const) {
    const verdict = consentProblem(field, value(field));
    if (verdict.problem) problems.push(verdict.problem);
    else if (verdict.consent !== null) contact.consent[channel] = verdict.consent;
  }

  for (const [key, raw] of Object.entries(input.attributes ?? {})) {
    const text = raw.trim();
    if (text === '') continue;
    if (text.length > LIMITS.attribute) problems.push(tooLong(`attributes.${key}`, text, LIMITS.attribute));
    else contact.attributes[key] = text;
  }

  problems.push(...missing(input, options.required ?? []));
  if (problems.length > 0) return { ok: false, contact: null, problems };

  const zone = timezoneFor({ column: timezoneColumn, region: contact.region, phoneCountry: contact.phoneCountry, tenantDefault: options.tenantTimezone });
  return { ok: true, contact: { ...contact, timezone: zone.timezone, timezoneSource: zone.source }, problems: [] };
}

function missing(input: ContactInput, required: readonly ContactTarget[]): ContactProblem[] {
  const present = (target: ContactTarget) =>
    (target.startsWith('attributes.') ? input.attributes?.[target.slice('attributes.'.length)] : input[target as ContactField])?.trim();
  const problems: ContactProblem[] = [];
  if (!IDENTIFYING_FIELDS.some((field) => present(field))) {
    problems.push({ field: '*', code: 'missing_required', message: 'The row has no external id, phone or email: there is no way to reach or find this person' });
  }
  for (const target of required) {
    if (!present(target)) problems.push({ field: target, code: 'missing_required', message: `${target} is required and empty` });
  }
  return problems;
}

function tooLong(field: ContactTarget, text: string, max: number): ContactProblem {
  return { field, code: 'value_too_long', message: `${field} is longer than ${max} characters`, value: preview(text) };
}
