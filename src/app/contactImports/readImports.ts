import type { Actor } from '../../domain/access.ts';
import { findContactImport, listContactImports, type ContactImportRow } from '../../store/repos/contactImports.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getContactImport(ctx: AppContext, actor: Actor, tenantId: string, importId: string): Promise<ContactImportRow> {
  requireTenantPermission(actor, tenantId, 'contacts.read');
  const row = await findContactImport(ctx.db, tenantId, importId);
  if (!row) throw notFound('Import');
  return row;
}

/** Newest first; the last 100 (imports are a few a day, not a list to page through). */
export async function listContactImportsFor(ctx: AppContext, actor: Actor, tenantId: string): Promise<ContactImportRow[]> {
  requireTenantPermission(actor, tenantId, 'contacts.read');
  return listContactImports(ctx.db, tenantId, 100);
}
