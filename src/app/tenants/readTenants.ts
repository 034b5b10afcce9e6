import { visibleTenantIds, type Actor } from '../../domain/access.ts';
import { findTenant, listTenants } from '../../store/repos/tenants.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function listVisibleTenants(ctx: AppContext, actor: Actor) {
  return listTenants(ctx.db, visibleTenantIds(actor));
}

export async function getTenant(ctx: AppContext, actor: Actor, tenantId: string) {
  requireTenantPermission(actor, tenantId, 'tenant.read');
  const tenant = await findTenant(ctx.db, tenantId, visibleTenantIds(actor));
  if (!tenant) throw notFound('Organisation');
  return tenant;
}
