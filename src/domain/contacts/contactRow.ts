/**
 * A contact as one row of an import file describes it: first the raw text
 * the column mapping picked out (ContactInput), then the checked and
 * normalised result (ContactRow) that the repository will store. The
 * repository's own table row will be a separate type.
 */
import { z } from 'zod';

/** Fields a column can be mapped to, besides custom attributes. */
export const CONTACT_FIELDS = [
  'externalId',
  'phone',
  'email',
  'firstName',
  'middleName', // отчество: Russian invitations address people by first name and patronymic
  'lastName',
  'fullName',
  'language',
  'timezone',
  'region',
  'consentEmail',
  'consentSms',
  'consentVoice',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The fields by which we can find a person again; a row needs at least one. */
export const IDENTIFYING_FIELDS = ['externalId', 'phone', 'email'] as const satisfies readonly ContactField[];

/** Custom attributes are the dimensions of reports (service_type, department, employee, branch …). */
export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,62}$/;
export const ATTRIBUTE_PREFIX = 'attributes.';

/** Where a column goes: a contact field, or `attributes.<key>`. */
export type ContactTarget = ContactField | `attributes.${string}`;

export function isContactTarget(value: string): value is ContactTarget {
  if ((CONTACT_FIELDS as readonly string[]).includes(value)) return true;
  return value.startsWith(ATTRIBUTE_PREFIX) && ATTRIBUTE_KEY.test(value.slice(ATTRIBUTE_PREFIX.length));
}

/** Raw text per target, as the mapping took it from the file. Nothing is checked yet. */
export type ContactInput = Partial<Record<ContactField, string>> & { attributes?: Record<string, string> };

/** Lengths the store will enforce too; a longer value is reported, never cut. */
export const LIMITS = { externalId: 200, name: 200, region: 200, attribute: 500 } as const;

const text = (max: number) => z.string().min(1).max(max);

export const ContactRow = z
  .object({
    externalId: text(LIMITS.externalId).optional(),
    /** E.164, e.g. +79991234567. */
    phone: z.string().regex(/^\+[1-9]\d{5,14}$/).optional(),
    phoneCountry: z.string().regex(/^[A-Z]{2}$/).optional(),
    /** libphonenumber's type (MOBILE, FIXED_LINE …) when its metadata knows it. */
    phoneType: z.string().optional(),
    phoneExtension: z.string().regex(/^\d+$/).optional(),
    email: z.string().max(254).optional(),
    firstName: text(LIMITS.name).optional(),
    middleName: text(LIMITS.name).optional(),
    lastName: text(LIMITS.name).optional(),
    fullName: text(LIMITS.name).optional(),
    language: z.string().regex(/^[a-z]{2}$/).optional(),
    timezone: z.string().min(1),
    timezoneSource: z.enum(['column', 'region', 'phone', 'tenant', 'country_default']),
    region: text(LIMITS.region).optional(),
    /** Absent means "not stated in the file"; the import decides what that means for existing contacts. */
    consent: z.object({ email: z.boolean().optional(), sms: z.boolean().optional(), voice: z.boolean().optional() }),
    attributes: z.record(z.string().regex(ATTRIBUTE_KEY), text(LIMITS.attribute)),
  })
  .refine((c) => c.externalId !== undefined || c.phone !== undefined || c.email !== undefined, {
    message: 'A contact needs an external id, a phone or an email',
  });
export type ContactRow = z.infer<typeof ContactRow>;

/** The stable codes of per-row problems; messages are for people, clients switch on these. */
export const CONTACT_PROBLEM_CODES = [
  'missing_required',
  'phone_invalid',
  'email_invalid',
  'timezone_invalid',
  'language_invalid',
  'consent_invalid',
  'value_too_long',
] as const;
export type ContactProblemCode = (typeof CONTACT_PROBLEM_CODES)[number];

export interface ContactProblem {
  /** A ContactTarget, or '*' when the problem is the row as a whole. */
  field: ContactTarget | '*';
  code: ContactProblemCode;
  message: string;
  /** The offending text, shortened, so a person recognises the cell. */
  value?: string;
  /** Finer reason for phone and email (too_short, letters …), for the UI to phrase in the reader's language. */
  reason?: string;
}
