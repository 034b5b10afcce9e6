/**
 * What an import row does to a contact: the fields a new contact gets, and
 * for someone we already have, the fields that change and their history
 * entry. A field the file leaves empty keeps what we have (a blank cell is
 * "not stated", never "erase"); attributes are merged key by key.
 */
import type { ContactRow } from './contactRow.ts';

/** The stored, personal fields of a contact (the columns an import or an edit may change). */
export interface ContactFields {
  externalId: string | null;
  phone: string | null;
  email: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  fullName: string | null;
  language: string | null;
  timezone: string | null;
  region: string | null;
  consentEmail: boolean | null;
  consentSms: boolean | null;
  consentVoice: boolean | null;
  attributes: Record<string, string>;
}

/** `{ field: [before, after] }`; attributes appear as `attributes.<key>`. */
export type ContactChanges = Record<string, [unknown, unknown]>;

const SCALAR_FIELDS = [
  'externalId',
  'phone',
  'email',
  'firstName',
  'middleName',
  'lastName',
  'fullName',
  'language',
  'timezone',
  'region',
  'consentEmail',
  'consentSms',
  'consentVoice',
] as const satisfies ReadonlyArray<keyof ContactFields>;

/** Just the ContactFields of a larger record (a stored row). */
export function pickContactFields(record: ContactFields): ContactFields {
  const fields = { attributes: { ...record.attributes } } as ContactFields;
  for (const field of SCALAR_FIELDS) (fields as unknown as Record<string, unknown>)[field] = record[field];
  return fields;
}

/** Zones worked out from the person (column, region, phone) beat a fallback (tenant, country default). */
const PERSONAL_ZONE_SOURCES = new Set<ContactRow['timezoneSource']>(['column', 'region', 'phone']);

/** Whether the row's zone may replace a stored one (see mergeContact). */
export function isPersonalZone(source: ContactRow['timezoneSource']): boolean {
  return PERSONAL_ZONE_SOURCES.has(source);
}

export function fieldsFromRow(row: ContactRow): ContactFields {
  return {
    externalId: row.externalId ?? null,
    phone: row.phone ?? null,
    // Stored lower-cased, like the dedup key: one person, one mailbox, whatever the capitals.
    email: row.email?.toLowerCase() ?? null,
    firstName: row.firstName ?? null,
    middleName: row.middleName ?? null,
    lastName: row.lastName ?? null,
    fullName: row.fullName ?? null,
    language: row.language ?? null,
    timezone: row.timezone,
    region: row.region ?? null,
    consentEmail: row.consent.email ?? null,
    consentSms: row.consent.sms ?? null,
    consentVoice: row.consent.voice ?? null,
    attributes: { ...row.attributes },
  };
}

/** The contact after the row is applied, and what changed (empty when nothing did). */
export function mergeContact(existing: ContactFields, row: ContactRow): { next: ContactFields; changes: ContactChanges } {
  const incoming = fieldsFromRow(row);
  const next: ContactFields = { ...existing, attributes: { ...existing.attributes } };
  const changes: ContactChanges = {};
  for (const field of SCALAR_FIELDS) {
    const value = incoming[field];
    if (value === null) continue;
    if (field === 'timezone' && existing.timezone !== null && !isPersonalZone(row.timezoneSource)) continue;
    if (existing[field] !== value) {
      changes[field] = [existing[field], value];
      (next as unknown as Record<string, unknown>)[field] = value;
    }
  }
  for (const [key, value] of Object.entries(incoming.attributes)) {
    if (existing.attributes[key] !== value) {
      changes[`attributes.${key}`] = [existing.attributes[key] ?? null, value];
      next.attributes[key] = value;
    }
  }
  return { next, changes };
}

/** The history entry of an edit: the fields whose value differs. */
export function diffContact(before: ContactFields, after: ContactFields): ContactChanges {
  const changes: ContactChanges = {};
  for (const field of SCALAR_FIELDS) if (before[field] !== after[field]) changes[field] = [before[field], after[field]];
  const keys = new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)]);
  for (const key of keys) {
    const was = before.attributes[key] ?? null;
    const now = after.attributes[key] ?? null;
    if (was !== now) changes[`attributes.${key}`] = [was, now];
  }
  return changes;
}
