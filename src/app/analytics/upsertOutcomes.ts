import type { Actor } from '../../domain/access.ts';
import { OUTCOMES_PER_CALL_MAX } from '../../domain/analytics/outcomes.ts';
import { upsertOutcomes, type OutcomeValue } from '../../store/repos/contactOutcomes.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { MATCH_PROBLEM_TEXT, matchContacts, type ContactIdentifiers, type MatchProblem } from './outcomeContacts.ts';

export interface OutcomeInput {
  contact: ContactIdentifiers;
  /** Validated as an outcome key by the route's schema. */
  key: string;
  /** true/false are stored as 1/0. */
  value: number | boolean;
  /** YYYY-MM-DD. */
  observedOn?: string | undefined;
}

export interface UnmatchedOutcome {
  /** Position in the request's `outcomes` array, from 0. */
  index: number;
  code: MatchProblem;
  message: string;
}

export interface OutcomeUpsertResult {
  received: number;
  applied: number;
  notFound: number;
  unmatched: UnmatchedOutcome[];
}

/**
 * Outcomes for known contacts, from a CRM or a script: each value is written
 * (or replaces the one held for the contact and key); an item whose contact
 * is unknown is reported by its index, never created. Within one call the
 * last item for a contact and key wins.
 */
export async function upsertOutcomesFor(ctx: AppContext, actor: Actor, tenantId: string, items: readonly OutcomeInput[], meta: RequestMeta): Promise<OutcomeUpsertResult> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  if (items.length > OUTCOMES_PER_CALL_MAX) throw invalid('validation', `At most ${OUTCOMES_PER_CALL_MAX} outcomes per call`, { field: 'outcomes' });
  return ctx.db.transaction(async (tx) => {
    const tenant = await findTenant(tx, tenantId, null);
    if (!tenant) throw notFound('Organisation');
    const matches = await matchContacts(tx, tenantId, tenant.defaultRegion, items.map((i) => i.contact));
    const unmatched: UnmatchedOutcome[] = [];
    const values = new Map<string, OutcomeValue>();
    matches.forEach((match, index) => {
      if (!match.ok) {
        unmatched.push({ index, code: match.problem, message: MATCH_PROBLEM_TEXT[match.problem] });
        return;
      }
      const item = items[index]!;
      const value = typeof item.value === 'boolean' ? Number(item.value) : item.value;
      values.set(`${match.contactId}\u0000${item.key}`, { contactId: match.contactId, key: item.key, value, observedOn: item.observedOn ?? null });
    });
    await upsertOutcomes(tx, tenantId, [...values.values()], ctx.clock.now());
    const applied = items.length - unmatched.length;
    const notFoundCount = unmatched.filter((u) => u.code === 'unknown_contact').length;
    await recordAudit(tx, actor, meta, {
      action: 'analytics.outcomes.upserted',
      tenantId,
      targetType: 'contact_outcomes',
      details: { source: 'api', received: items.length, applied, unmatched: unmatched.length, keys: new Set(items.map((i) => i.key)).size },
    });
    return { received: items.length, applied, notFound: notFoundCount, unmatched };
  });
}
