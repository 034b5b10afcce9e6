import { DomainError } from '../../domain/errors.ts';
import { countExistingContacts } from '../../store/repos/contactBatches.ts';
import { findContactImport, updateContactImport } from '../../store/repos/contactImports.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import { startImport, type ImportSummary, type ValidContact } from '../contacts/import/index.ts';
import type { AppContext } from '../context.ts';
import { keysOf } from './applyBatch.ts';
import { importFilePath, readImportRows, type ImportFormat } from './files.ts';
import { inBatches } from './inBatches.ts';
import { IMPORT_BATCH_ROWS, pipelineOptions, storedSettings } from './importSettings.ts';

export type CheckSummary = Omit<ImportSummary, 'counts'> & { counts: ImportSummary['counts'] & { new: number; existing: number } };

/**
 * The dry run, as a job: reads the whole file with the stored mapping,
 * reports problems by line and how many valid rows are people the tenant
 * already has. Writes nothing but the summary; safe to run any number of times.
 */
export async function runContactImportCheck(ctx: AppContext, tenantId: string, importId: string): Promise<void> {
  const row = await findContactImport(ctx.db, tenantId, importId);
  if (!row || row.status !== 'checking') return; // discarded, or re-checked and already done
  const tenant = await findTenant(ctx.db, tenantId, null);
  if (!tenant) return;
  const settings = storedSettings(row);
  let summary: CheckSummary;
  try {
    const run = startImport(readImportRows(importFilePath(ctx.config, tenantId, importId), row.format as ImportFormat), settings.mapping, pipelineOptions(settings, tenant));
    let existing = 0;
    await inBatches<ValidContact>(run.contacts, IMPORT_BATCH_ROWS, async (batch) => {
      existing += await countExistingContacts(ctx.db, tenantId, batch.map(keysOf));
    });
    const result = run.summary();
    summary = { ...result, counts: { ...result.counts, existing, new: result.counts.valid - existing } };
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
