import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { contactImportRunJob } from '../../jobs/definitions/contactImports.ts';
import { enqueue } from '../../jobs/queue.ts';
import { findContactImport, updateContactImport, type ContactImportRow } from '../../store/repos/contactImports.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

/** Step 3: the checked file imported, as checked (same mapping, same options), by a job. */
export async function confirmContactImport(ctx: AppContext, actor: Actor, tenantId: string, importId: string, meta: RequestMeta): Promise<ContactImportRow> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findContactImport(tx, tenantId, importId, { forUpdate: true });
    if (!row) throw notFound('Import');
    if (row.status === 'importing' || row.status === 'done') return row; // a repeated click changes nothing
    if (row.status !== 'checked') throw new DomainError('contacts.import_state', 'Check the file (dry run) before importing it');
    const summary = row.summary as { finished?: boolean; counts?: { valid?: number } } | null;
    if (!summary?.finished) throw new DomainError('contacts.import_state', 'The file could not be read to the end; fix it and upload it again');
    const updated = await updateContactImport(tx, tenantId, importId, { status: 'importing', progressLine: 0, inserted: 0, updated: 0, unchanged: 0 });
    await enqueue(tx, contactImportRunJob, { tenantId, importId }, { jobKey: `contacts.import.run:${importId}` });
    await recordAudit(tx, actor, meta, {
      action: 'contacts.import.confirmed',
      tenantId,
      targetType: 'contact_import',
      targetId: importId,
      details: { rows: summary.counts?.valid ?? null },
    });
    return updated!;
  });
}
