import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { deleteStagedRowsOf } from '../../store/repos/contactImportRows.ts';
import { findContactImport, updateContactImport } from '../../store/repos/contactImports.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { removeImportFile } from './files.ts';

/** Drops an upload that will not be imported, file and all. Finished imports keep their record. */
export async function discardContactImport(ctx: AppContext, actor: Actor, tenantId: string, importId: string): Promise<void> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findContactImport(tx, tenantId, importId, { forUpdate: true });
    if (!current) throw notFound('Import');
    if (current.status === 'importing') throw new DomainError('contacts.import_state', 'The import is running; it cannot be discarded now');
    if (current.status === 'done' || current.status === 'discarded') return current;
    return updateContactImport(tx, tenantId, importId, { status: 'discarded', finishedAt: ctx.clock.now() });
  });
  if (!row) return;
  await deleteStagedRowsOf(ctx.db, tenantId, importId);
  await removeImportFile(ctx.config, tenantId, importId);
}
