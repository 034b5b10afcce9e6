/**
 * Finding the contacts outcomes are about, many at a time, the way the rest
 * of Voxpop finds a person: by external id, then phone (E.164 with the
 * tenant's default region, as contact imports read it), then email
 * (without case). Nobody is created: an outcome for an unknown person is reported.
 */
import { normalizeEmail } from '../../domain/contacts/email.ts';
import { normalizePhone } from '../../domain/contacts/phone.ts';
import type { Queryable } from '../../store/db.ts';
import { findContactIdsBy, type IdentifierKind } from '../../store/repos/contactOutcomes.ts';

export interface ContactIdentifiers {
  externalId?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
}

export type MatchProblem = 'empty_identifier' | 'bad_phone' | 'bad_email' | 'unknown_contact' | 'ambiguous_contact';
export type MatchResult = { ok: true; contactId: string } | { ok: false; problem: MatchProblem };

const ORDER: readonly IdentifierKind[] = ['externalId', 'phone', 'email'];

export const MATCH_PROBLEM_TEXT: Record<MatchProblem, string> = {
  empty_identifier: 'The row gives no external id, phone or email',
  bad_phone: 'The phone is not a phone number',
  bad_email: 'The email is not an email address',
  unknown_contact: 'No contact of the organisation has this identifier',
  ambiguous_contact: 'Several contacts share this phone or email; identify the person by external id',
};

type Normalised = { ok: true; keys: Partial<Record<IdentifierKind, string>> } | { ok: false; problem: MatchProblem };

function normalise(ids: ContactIdentifiers, defaultRegion: string): Normalised {
  const keys: Partial<Record<IdentifierKind, string>> = {};
  const externalId = ids.externalId?.trim();
  if (externalId) keys.externalId = externalId;
  if (ids.phone?.trim()) {
    const phone = normalizePhone(ids.phone, defaultRegion);
    if (!phone.ok) return { ok: false, problem: 'bad_phone' };
    keys.phone = phone.e164;
  }
  if (ids.email?.trim()) {
    const email = normalizeEmail(ids.email);
    if (!email.ok) return { ok: false, problem: 'bad_email' };
    keys.email = email.email.toLowerCase();
  }
  return Object.keys(keys).length === 0 ? { ok: false, problem: 'empty_identifier' } : { ok: true, keys };
}

/** One result per input, in order; three queries whatever the number of inputs. */
export async function matchContacts(q: Queryable, tenantId: string, defaultRegion: string, inputs: readonly ContactIdentifiers[]): Promise<MatchResult[]> {
  const normalised = inputs.map((ids) => normalise(ids, defaultRegion));
  const lookups = new Map<IdentifierKind, Map<string, string[]>>();
  for (const kind of ORDER) {
    const values = new Set(normalised.flatMap((n) => (n.ok && n.keys[kind] !== undefined ? [n.keys[kind]] : [])));
    lookups.set(kind, await findContactIdsBy(q, tenantId, kind, [...values]));
  }
  return normalised.map((n): MatchResult => {
    if (!n.ok) return n;
    let ambiguous = false;
    for (const kind of ORDER) {
      const value = n.keys[kind];
      if (value === undefined) continue;
      const ids = lookups.get(kind)!.get(value) ?? [];
      // External ids are unique per tenant; a shared phone or email does not say which person is meant.
      if (ids.length === 1) return { ok: true, contactId: ids[0]! };
      if (ids.length > 1) ambiguous = true;
    }
    return { ok: false, problem: ambiguous ? 'ambiguous_contact' : 'unknown_contact' };
  });
}
