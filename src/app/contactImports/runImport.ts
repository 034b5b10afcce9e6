import { DomainError } from '../../domain/errors.ts';
import { lockTenantContacts } from '../../store/repos/contactBatches.ts';
import { findContactImport, recordImportProgress, updateContactImport } from '../../store/repos/contactImports.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import { startImport, type ValidContact } from '../contacts/import/index.ts';
import type { AppContext } from '../context.ts';
import { applyContactBatch } from './applyBatch.ts';
import { importFilePath, readImportRows, removeImportFile, type ImportFormat } from './files.ts';
import { inBatches } from './inBatches.ts';
import { IMPORT_BATCH_ROWS, pipelineOptions, storedSettings } from './importSettings.ts';

/**
 * The confirmed import, as a job. Each batch commits with the line it
 * reached, so a run that crashed resumes after the last committed batch;
 * and since every row is matched against the contacts first, even a batch
 * written twice would update, never duplicate. The file is removed at the end.
 */
export async function runContactImport(ctx: AppContext, tenantId: string, importId: string): Promise<void> {
  const row = await findContactImport(ctx.db, tenantId, importId);
  if (!row || row.status !== 'importing') return; // done already, or discarded
  const tenant = await findTenant(ctx.db, tenantId, null);
  if (!tenant) return;
  const settings = storedSettings(row);
  const run = startImport(readImportRows(importFilePath(ctx.config, tenantId, importId), row.format as ImportFormat), settings.mapping, pipelineOptions(settings, tenant));
  const resumeAfter = row.progressLine;
  try {
    await inBatches<ValidContact>(skipThrough(run.contacts, resumeAfter), IMPORT_BATCH_ROWS, (batch) =>
      ctx.db.transaction(async (tx) => {
        await lockTenantContacts(tx, tenantId);
        const counts = await applyContactBatch(tx, tenantId, importId, batch, { updateExisting: settings.options.updateExisting });
        await recordImportProgress(tx, tenantId, importId, { ...counts, lastLine: batch.at(-1)!.line });
      }),
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error; // the queue retries, resuming after the last batch
    await updateContactImport(ctx.db, tenantId, importId, { status: 'failed', error: error.message, finishedAt: ctx.clock.now() });
    await removeImportFile(ctx.config, tenantId, importId);
    return;
  }
  await updateContactImport(ctx.db, tenantId, importId, { status: 'done', finishedAt: ctx.clock.now() });
  await removeImportFile(ctx.config, tenantId, importId);
}

async function* skipThrough(items: AsyncIterable<ValidContact>, line: number): AsyncGenerator<ValidContact> {
  for await (const item of items) if (item.line > line) yield item;
}
