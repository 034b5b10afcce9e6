import { findDirtyDays, listRollupTenants, lockWatermark, rebuildRollupDays, saveWatermark } from '../../store/repos/rollups.ts';
import type { AppContext } from '../context.ts';

/**
 * How far before the last change seen the next run looks again. A response's
 * updated_at is set before its transaction commits, so a slow transaction can
 * commit a change older than one already seen; looking back this far catches
 * it (and clock drift between app servers). Recomputing a day twice is harmless.
 */
export const ROLLUP_OVERLAP_MS = 5 * 60_000;

export interface RollupRunSummary {
  tenants: number;
  days: number;
  rows: number;
}

/**
 * Brings the metric rollups up to date: for each tenant, the local days whose
 * responses changed since the last run are rebuilt whole from the raw answers.
 * One transaction per tenant; the watermark row lock makes concurrent runs for
 * a tenant take turns. Safe to run any number of times.
 */
export async function refreshRollups(ctx: AppContext, opts: { tenantId?: string | undefined } = {}): Promise<RollupRunSummary> {
  const summary: RollupRunSummary = { tenants: 0, days: 0, rows: 0 };
  for (const tenant of await listRollupTenants(ctx.db, opts.tenantId)) {
    const { days, rows } = await ctx.db.transaction(async (tx) => {
      const seenThrough = await lockWatermark(tx, tenant.tenantId);
      const since = seenThrough ? new Date(seenThrough.getTime() - ROLLUP_OVERLAP_MS) : null;
      const dirty = await findDirtyDays(tx, tenant.tenantId, tenant.timezone, since);
      const rebuilt = await rebuildRollupDays(tx, tenant.tenantId, tenant.timezone, dirty.days);
      const latest = dirty.latest && (!seenThrough || dirty.latest > seenThrough) ? dirty.latest : seenThrough;
      await saveWatermark(tx, tenant.tenantId, latest, ctx.clock.now());
      return { days: dirty.days.length, rows: rebuilt };
    });
    summary.tenants += 1;
    summary.days += days;
    summary.rows += rows;
  }
  return summary;
}
