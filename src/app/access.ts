import { canSeeTenant, hasPermission, isInstallationAdmin, type Actor, type Permission } from '../domain/access.ts';
import { forbidden, notFound } from './errors.ts';

/**
 * The tenant wall for use cases: a tenant the actor cannot see does not exist
 * for them (404, never 403, so ids of other clients cannot be probed); a visible
 * tenant without the permission is a 403.
 */
export function requireTenantPermission(actor: Actor, tenantId: string, permission: Permission): void {
  if (!canSeeTenant(actor, tenantId)) throw notFound('Organisation');
  if (!hasPermission(actor, tenantId, permission)) throw forbidden();
}

export function requireInstallationAdmin(actor: Actor): void {
  if (!isInstallationAdmin(actor)) throw forbidden('Only administrators of the installation can do this');
}
