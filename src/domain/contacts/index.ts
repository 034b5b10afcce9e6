/**
 * Contacts: the pure rules of who a person is and how to reach them —
 * phones, emails, time zones, consent, one import row's validation and
 * deduplication. No I/O; the import readers live in src/app/contacts/import.
 */
export * from './contactRow.ts';
export { normalizePhone, describePhoneRejection, isPhoneRegion, DEFAULT_PHONE_REGION, type PhoneResult, type PhoneRejection } from './phone.ts';
export { normalizeEmail, describeEmailRejection, type EmailResult, type EmailRejection } from './email.ts';
export {
  timezoneFor,
  parseTimeZone,
  parseTimeZoneColumn,
  PRODUCT_DEFAULT_TIMEZONE,
  type TimezoneEvidence,
  type TimezoneResolution,
  type TimezoneSource,
} from './timezone.ts';
export { zoneForRussianRegion, RUSSIAN_SUBJECT_COUNT } from './russianRegions.ts';
export { normalizeLanguage, DEFAULT_LANGUAGES } from './language.ts';
export { parseConsent } from './consent.ts';
export { validateContactRow, type ContactRowOptions, type ContactRowResult } from './validateContactRow.ts';
export { dedupKeys, createDuplicateTracker, detectDuplicatesInFile, type DedupKey, type DedupKind, type DuplicateMatch, type DuplicateTracker } from './dedup.ts';
export { foldText } from './text.ts';
export { fieldsFromRow, isPersonalZone, mergeContact, diffContact, pickContactFields, type ContactFields, type ContactChanges } from './merge.ts';
export { anonymizeAnswers, type QuestionKinds } from './anonymizeAnswers.ts';
