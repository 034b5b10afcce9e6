import { DomainError } from '../../domain/errors.ts';
import { findContactImport, updateContactImport } from '../../store/repos/contactImports.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import type { AppContext } from '../context.ts';
import { stageImportFile, type CheckSummary } from './stageImport.ts';

export type { CheckSummary } from './stageImport.ts';

/**
 * The dry run, as a job: reads the whole file once with the stored mapping,
 * reports problems by line and how many valid rows are people the tenant
 * already has, and leaves the valid rows staged for the confirm. Writes no
 * contact; safe to run any number of times (each run replaces the staging).
 */
export async function runContactImportCheck(ctx: AppContext, tenantId: string, importId: string): Promise<void> {
  const row = await findContactImport(ctx.db, tenantId, importId);
  if (!row || row.status !== 'checking') return; // discarded, or re-checked and already done
  const tenant = await findTenant(ctx.db, tenantId, null);
  if (!tenant) return;
  let summary: CheckSummary;
  try {
    const staged = await stageImportFile(ctx, tenant, row);
    if (staged === 'superseded') return; // re-checked with another mapping, or discarded, while this ran
    summary = staged;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error; // the queue retries
    await finishCheck(ctx, tenantId, importId, row.mapping, { status: 'failed', error: error.message });
    return;
  }
  await finishCheck(ctx, tenantId, importId, row.mapping, { status: 'checked', summary: summary as unknown as Record<string, unknown> });
}

/** Writes the outcome only if nobody re-checked with another mapping meanwhile (that check has its own job). */
async function finishCheck(
  ctx: AppContext,
  tenantId: string,
  importId: string,
  mapping: unknown,
  outcome: { status: 'checked' | 'failed'; summary?: Record<string, unknown>; error?: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findContactImport(tx, tenantId, importId, { forUpdate: true });
    if (!current || current.status !== 'checking' || JSON.stringify(current.mapping) !== JSON.stringify(mapping)) return;
    await updateContactImport(tx, tenantId, importId, { status: outcome.status, summary: outcome.summary ?? null, error: outcome.error ?? null });
  });
}
