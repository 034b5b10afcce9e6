import { DomainError } from '../../domain/errors.ts';
import { lockTenantContacts } from '../../store/repos/contactBatches.ts';
import { deleteStagedRowsOf, hasStagedRows } from '../../store/repos/contactImportRows.ts';
import { findContactImport, recordImportProgress, updateContactImport } from '../../store/repos/contactImports.ts';
import { applyStagedChunk, type ChunkResult } from '../../store/repos/stagedContacts.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import type { AppContext } from '../context.ts';
import { removeImportFile } from './files.ts';
import { IMPORT_BATCH_ROWS, storedSettings } from './importSettings.ts';
import { stageImportFile } from './stageImport.ts';

/** A safety net: each round settles at least one row, so this is never reached with real data. */
const MAX_ROUNDS = 50;

/**
 * The confirmed import, as a job: the rows the check staged go into the
 * contacts chunk by chunk, in SQL (stagedContacts.ts). Each chunk commits
 * with the line it reached, so a run that crashed resumes after the last
 * committed chunk; and since every row is matched against the contacts
 * first, even a chunk applied twice would update, never duplicate. If the
 * staged rows are gone (an UNLOGGED table is emptied by a database crash)
 * the file is staged again first. The file and the staged rows are removed at the end.
 */
export async function runContactImport(ctx: AppContext, tenantId: string, importId: string): Promise<void> {
  const row = await findContactImport(ctx.db, tenantId, importId);
  if (!row || row.status !== 'importing') return; // done already, or discarded
  const tenant = await findTenant(ctx.db, tenantId, null);
  if (!tenant) return;
  const { options } = storedSettings(row);
  try {
    if (!(await hasStagedRows(ctx.db, tenantId, importId))) await stageImportFile(ctx, tenant, row);
    for (let afterLine = row.progressLine; ; ) {
      const reached = await ctx.db.transaction(async (tx) => {
        await lockTenantContacts(tx, tenantId);
        const first = await applyStagedChunk(tx, tenantId, importId, { afterLine, limit: IMPORT_BATCH_ROWS }, options);
        if (first.lastLine === null) return null;
        const counts = { inserted: first.inserted, updated: first.updated, unchanged: first.unchanged };
        let chunk = first;
        for (let round = 1; chunk.retry.length > 0; round += 1) {
          if (round === MAX_ROUNDS) throw new Error(`contact import chunk did not settle after ${MAX_ROUNDS} rounds`);
          chunk = await applyStagedChunk(tx, tenantId, importId, { only: chunk.retry }, options);
          add(counts, chunk);
        }
        await recordImportProgress(tx, tenantId, importId, { ...counts, lastLine: first.lastLine });
        return first.lastLine;
      });
      if (reached === null) break;
      afterLine = reached;
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error; // the queue retries, resuming after the last chunk
    await updateContactImport(ctx.db, tenantId, importId, { status: 'failed', error: error.message, finishedAt: ctx.clock.now() });
    await cleanUp(ctx, tenantId, importId);
    return;
  }
  await updateContactImport(ctx.db, tenantId, importId, { status: 'done', finishedAt: ctx.clock.now() });
  await cleanUp(ctx, tenantId, importId);
}

function add(counts: Pick<ChunkResult, 'inserted' | 'updated' | 'unchanged'>, more: ChunkResult): void {
  counts.inserted += more.inserted;
  counts.updated += more.updated;
  counts.unchanged += more.unchanged;
}

async function cleanUp(ctx: AppContext, tenantId: string, importId: string): Promise<void> {
  await deleteStagedRowsOf(ctx.db, tenantId, importId);
  await removeImportFile(ctx.config, tenantId, importId);
}
