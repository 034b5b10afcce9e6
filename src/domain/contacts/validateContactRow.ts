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

type Draft = Partial<ContactRow> & Pick<ContactRow, 'consent' | 'attributes'>;

const NAME_FIELDS = ['firstName', 'middleName', 'lastName', 'fullName'] as const;
const CONSENT_FIELDS = [
  ['consentEmail', 'email'],
  ['consentSms', 'sms'],
  ['consentVoice', 'voice'],
] as const;

// The helpers below are module functions, not closures over each row: an import calls this a million times,
// and a closure (with the name tsx attaches to it) per helper per row was a measurable share of its CPU.
const valueOf = (input: ContactInput, field: ContactField): string => input[field]?.trim() ?? '';

function keepText(
  input: ContactInput,
  contact: Draft,
  problems: ContactProblem[],
  field: 'externalId' | 'firstName' | 'middleName' | 'lastName' | 'fullName' | 'region',
  max: number,
): void {
  const text = valueOf(input, field);
  if (text === '') return;
  if (text.length > max) problems.push(tooLong(field, text, max));
  else contact[field] = text;
}

export function validateContactRow(input: ContactInput, options: ContactRowOptions = {}): ContactRowResult {
  const problems: ContactProblem[] = [];
  const contact: Draft = { consent: {}, attributes: {} };

  keepText(input, contact, problems, 'externalId', LIMITS.externalId);
  for (const field of NAME_FIELDS) keepText(input, contact, problems, field, LIMITS.name);
  keepText(input, contact, problems, 'region', LIMITS.region);

  const phoneText = valueOf(input, 'phone');
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

  const emailText = valueOf(input, 'email');
  if (emailText !== '') {
    const email = normalizeEmail(emailText);
    if (email.ok) contact.email = email.email;
    else problems.push({ field: 'email', code: 'email_invalid', message: describeEmailRejection(email.reason), value: preview(emailText), reason: email.reason });
  }

  const languageText = valueOf(input, 'language');
  if (languageText !== '') {
    const languages = options.languages ?? DEFAULT_LANGUAGES;
    const language = normalizeLanguage(languageText, languages);
    if (language) contact.language = language;
    else problems.push({ field: 'language', code: 'language_invalid', message: `Language is not one of ${languages.join(', ')}`, value: preview(languageText) });
  }

  const timezoneText = valueOf(input, 'timezone');
  const timezoneColumn = timezoneText === '' ? null : parseTimeZoneColumn(timezoneText);
  if (timezoneText !== '' && timezoneColumn === null) {
    problems.push({ field: 'timezone', code: 'timezone_invalid', message: 'Time zone is not a zone such as Europe/Moscow, UTC+3 or МСК+4', value: preview(timezoneText) });
  }

  for (const [field, channel] of CONSENT_FIELDS) {
    const verdict = consentProblem(field, valueOf(input, field));
    if (verdict.problem) problems.push(verdict.problem);
    else if (verdict.consent !== null) contact.consent[channel] = verdict.consent;
  }

  if (input.attributes) {
    for (const key in input.attributes) {
      const text = input.attributes[key]!.trim();
      if (text === '') continue;
      if (text.length > LIMITS.attribute) problems.push(tooLong(`attributes.${key}`, text, LIMITS.attribute));
      else contact.attributes[key] = text;
    }
  }

  addMissing(input, options.required ?? [], problems);
  if (problems.length > 0) return { ok: false, contact: null, problems };

  const zone = timezoneFor({ column: timezoneColumn, region: contact.region, phoneCountry: contact.phoneCountry, tenantDefault: options.tenantTimezone });
  contact.timezone = zone.timezone;
  contact.timezoneSource = zone.source;
  return { ok: true, contact: contact as ContactRow, problems: [] };
}

function present(input: ContactInput, target: ContactTarget): boolean {
  const text = target.startsWith('attributes.') ? input.attributes?.[target.slice('attributes.'.length)] : input[target as ContactField];
  return text !== undefined && text.trim() !== '';
}

function addMissing(input: ContactInput, required: readonly ContactTarget[], problems: ContactProblem[]): void {
  let identified = false;
  for (const field of IDENTIFYING_FIELDS) if (present(input, field)) identified = true;
  if (!identified) {
    problems.push({ field: '*', code: 'missing_required', message: 'The row has no external id, phone or email: there is no way to reach or find this person' });
  }
  for (const target of required) {
    if (!present(input, target)) problems.push({ field: target, code: 'missing_required', message: `${target} is required and empty` });
  }
}

function tooLong(field: ContactTarget, text: string, max: number): ContactProblem {
  return { field, code: 'value_too_long', message: `${field} is longer than ${max} characters`, value: preview(text) };
}
