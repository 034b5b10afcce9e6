import { visibleTenantIds, type Actor } from '../../domain/access.ts';
import { findTenant, updateTenant as updateTenantRow, type TenantPatch } from '../../store/repos/tenants.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

export interface TenantChanges {
  name?: string;
  locale?: 'ru' | 'en';
  timezone?: string;
  defaultRegion?: string;
  archived?: boolean;
}

export async function updateTenant(ctx: AppContext, actor: Actor, tenantId: string, changes: TenantChanges, meta: RequestMeta) {
  requireTenantPermission(actor, tenantId, 'tenant.manage');
  const { archived, ...rest } = changes;
  const patch: TenantPatch = { ...rest };
  return ctx.db.transaction(async (tx) => {
    const current = await findTenant(tx, tenantId, visibleTenantIds(actor));
    if (!current) throw notFound('Organisation');
    if (archived !== undefined) patch.archivedAt = archived ? (current.archivedAt ?? ctx.clock.now()) : null;
    const tenant = await updateTenantRow(tx, tenantId, patch);
    if (!tenant) throw notFound('Organisation');
    await recordAudit(tx, actor, meta, { action: 'tenant.updated', tenantId, targetType: 'tenant', targetId: tenantId, details: { changed: Object.keys(changes) } });
    return tenant;
  });
}
