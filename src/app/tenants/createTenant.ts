import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { insertTenant, type NewTenant } from '../../store/repos/tenants.ts';
import { requireInstallationAdmin } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';

export async function createTenant(ctx: AppContext, actor: Actor, input: NewTenant, meta: RequestMeta) {
  requireInstallationAdmin(actor);
  return ctx.db.transaction(async (tx) => {
    const tenant = await insertTenant(tx, input);
    if (!tenant) throw new DomainError('tenant.slug_taken', `The short name "${input.slug}" is already used by another organisation`, { field: 'slug' });
    await recordAudit(tx, actor, meta, { action: 'tenant.created', tenantId: tenant.id, targetType: 'tenant', targetId: tenant.id, details: { name: tenant.name, slug: tenant.slug } });
    return tenant;
  });
}
