import type { Actor } from '../../domain/access.ts';
import type { DatePeriod } from '../../domain/analytics/period.ts';
import { amountScale, compareOutcomeByGroup, isOutcomeKey, outcomeKind, type OutcomeComparison, type OutcomeKind } from '../../domain/analytics/outcomes.ts';
import { listOutcomeKeys, sumOutcomeByNpsScore, type OutcomeKeySummary } from '../../store/repos/contactOutcomes.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { checkedPeriod } from './headline.ts';

export interface OutcomeFilter {
  key: string;
  /** Inclusive local dates (YYYY-MM-DD) in the tenant's time zone. */
  from: string;
  to: string;
  surveyId?: string | undefined;
}

export interface OutcomesByGroup extends OutcomeComparison {
  key: string;
  period: DatePeriod;
  surveyId: string | null;
  /** Contacts holding a value for the key, in or out of the period. */
  contactsWithOutcome: number;
  smallSampleMin: number;
}

/**
 * An outcome (churn, repeat purchase, revenue) by NPS group: each contact's
 * latest completed NPS answer of the period puts them in a group, their
 * value for the key is counted there. Rates for 0/1 outcomes (Wilson),
 * means for amounts (t), and detractors − promoters with its test.
 */
export async function outcomesByGroup(ctx: AppContext, actor: Actor, tenantId: string, filter: OutcomeFilter): Promise<OutcomesByGroup> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const period = checkedPeriod(filter);
  if (!isOutcomeKey(filter.key)) throw invalid('validation', 'key must be an outcome key such as churned or revenue', { field: 'key' });
  const tenant = await findTenant(ctx.db, tenantId, null);
  if (!tenant) throw notFound('Organisation');
  // One snapshot: the key's kind and range must describe the very values that are summed.
  const { summary, byScore } = await ctx.db.transaction(
    async (tx) => ({
      summary: (await listOutcomeKeys(tx, tenantId, filter.key))[0],
      byScore: await sumOutcomeByNpsScore(tx, { tenantId, key: filter.key, from: period.from, to: period.to, timezone: tenant.timezone, surveyId: filter.surveyId }),
    }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const kind: OutcomeKind = outcomeKind(summary?.allZeroOrOne ?? true);
  const comparison = compareOutcomeByGroup(byScore, {
    kind,
    scale: amountScale(summary?.minValue ?? 0, summary?.maxValue ?? 1),
    smallSampleThreshold: ctx.config.metrics.smallSampleMin,
  });
  return {
    ...comparison,
    key: filter.key,
    period,
    surveyId: filter.surveyId ?? null,
    contactsWithOutcome: summary?.contacts ?? 0,
    smallSampleMin: ctx.config.metrics.smallSampleMin,
  };
}

export interface OutcomeKeyView extends OutcomeKeySummary {
  kind: OutcomeKind;
}

/** The outcome keys the organisation has uploaded, with how many contacts hold each. */
export async function outcomeKeys(ctx: AppContext, actor: Actor, tenantId: string): Promise<OutcomeKeyView[]> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  return (await listOutcomeKeys(ctx.db, tenantId)).map((k) => ({ ...k, kind: outcomeKind(k.allZeroOrOne) }));
}
