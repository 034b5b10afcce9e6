import { z } from 'zod';
import type { ContactExport } from '../../../app/contacts/exportContact.ts';
import type { ContactChangeRow, ContactRow } from '../../../store/repos/contacts.ts';
import type { DoNotContactRow } from '../../../store/repos/doNotContact.ts';

export const ContactView = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  lastName: z.string().nullable(),
  fullName: z.string().nullable(),
  language: z.string().nullable(),
  timezone: z.string().nullable(),
  region: z.string().nullable(),
  consent: z.object({ email: z.boolean().nullable(), sms: z.boolean().nullable(), voice: z.boolean().nullable() }),
  attributes: z.record(z.string(), z.string()),
  /** This person's own cap (at most one survey per N days); null = the tenant's rule. */
  frequencyCapDays: z.number().int().nullable(),
  lastInvitedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  erased: z.boolean(),
});
export type ContactView = z.infer<typeof ContactView>;

export const ContactChangeView = z.object({
  at: z.string(),
  /** `{ field: [before, after] }`; attributes as `attributes.<key>`. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  importId: z.uuid().nullable(),
  changedBy: z.uuid().nullable(),
});

export const ContactDetailView = ContactView.extend({
  history: z.array(ContactChangeView),
  /** Whether this person's phone and email are on the tenant's do-not-contact list. */
  doNotContact: z.object({ phone: z.boolean(), email: z.boolean() }),
});

export const presentContact = (c: ContactRow): ContactView => ({
  id: c.id,
  externalId: c.externalId,
  phone: c.phone,
  email: c.email,
  firstName: c.firstName,
  middleName: c.middleName,
  lastName: c.lastName,
  fullName: c.fullName,
  language: c.language,
  timezone: c.timezone,
  region: c.region,
  consent: { email: c.consentEmail, sms: c.consentSms, voice: c.consentVoice },
  attributes: c.attributes,
  frequencyCapDays: c.frequencyCapDays,
  lastInvitedAt: c.lastInvitedAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  erased: c.erasedAt !== null,
});

export const presentChange = (h: ContactChangeRow) => ({ at: h.at.toISOString(), changes: h.changes, importId: h.importId, changedBy: h.changedBy });

/** The export is everything held, so it is deliberately wide: rows as stored, dates as ISO text. */
export const ContactExportView = z.object({
  exportedAt: z.string(),
  contact: ContactView,
  history: z.array(ContactChangeView),
  invitations: z.array(z.record(z.string(), z.unknown())),
  responses: z.array(z.record(z.string(), z.unknown())),
  messages: z.array(z.record(z.string(), z.unknown())).describe('Campaign messages: channel, address, status, when sent and delivered'),
  outcomes: z.array(z.object({ key: z.string(), value: z.number(), observedOn: z.string().nullable(), updatedAt: z.string() })).describe('Behavioural outcomes uploaded for the person (churned, revenue …)'),
});

const plain = (row: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));

export const presentExport = (data: ContactExport, at: Date): z.infer<typeof ContactExportView> => ({
  exportedAt: at.toISOString(),
  contact: presentContact(data.contact),
  history: data.history.map(presentChange),
  // The token hash is a credential of the link, not information about the person.
  invitations: data.invitations.map(({ tokenHash: _tokenHash, ...invitation }) => plain(invitation)),
  responses: data.responses.map(plain),
  messages: data.messages.map(plain),
  outcomes: data.outcomes.map((o) => ({ key: o.outcomeKey, value: o.value, observedOn: o.observedOn, updatedAt: o.updatedAt.toISOString() })),
});

export const DoNotContactView = z.object({ kind: z.enum(['phone', 'email']), value: z.string(), reason: z.string(), createdAt: z.string() });

export const presentDoNotContact = (row: DoNotContactRow): z.infer<typeof DoNotContactView> => ({
  kind: row.kind as 'phone' | 'email',
  value: row.value,
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
});
