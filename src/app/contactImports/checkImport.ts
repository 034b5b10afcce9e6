import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { enqueue } from '../../jobs/queue.ts';
import { contactImportCheckJob } from '../../jobs/definitions/contactImports.ts';
import { findContactImport, updateContactImport, type ContactImportRow } from '../../store/repos/contactImports.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { isPhoneRegion } from '../../domain/contacts/index.ts';
import { mapColumns, type ColumnMapping } from '../contacts/import/index.ts';
import type { ImportCheckOptions } from './importSettings.ts';

const CHECKABLE = new Set(['uploaded', 'checking', 'checked', 'failed']);

/** Step 2: the mapping and options fixed, the dry run queued. Nothing is imported. */
export async function checkContactImport(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  importId: string,
  input: { mapping: ColumnMapping; options: ImportCheckOptions },
): Promise<ContactImportRow> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  if (input.options.defaultRegion !== undefined && !isPhoneRegion(input.options.defaultRegion)) {
    throw new DomainError('contacts.invalid_phone_region', `"${input.options.defaultRegion}" is not a country code libphonenumber knows`, { field: 'options.defaultRegion' });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await findContactImport(tx, tenantId, importId, { forUpdate: true });
    if (!row) throw notFound('Import');
    if (!CHECKABLE.has(row.status)) throw new DomainError('contacts.import_state', `An import that is ${row.status} cannot be checked again`);
    const mapped = mapColumns(row.headers ?? [], input.mapping);
    if (!mapped.ok) {
      throw new DomainError('contacts.mapping_invalid', mapped.problems.map((p) => p.message).join('; '), {
        errors: mapped.problems.map((p) => ({ path: p.column ? `mapping.columns.${p.column}` : 'mapping', message: p.message })),
      });
    }
    const updated = await updateContactImport(tx, tenantId, importId, {
      status: 'checking',
      mapping: { columns: input.mapping.columns, required: input.mapping.required ?? [] },
      options: input.options,
      summary: null,
      error: null,
    });
    // The key replaces a check still waiting with this one: the newest mapping wins.
    await enqueue(tx, contactImportCheckJob, { tenantId, importId }, { jobKey: `contacts.import.check:${importId}` });
    return updated!;
  });
}
