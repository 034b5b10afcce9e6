// The sections of the signed-in app: one table drives the nav, the routes' guards
// and where the tenant switcher lands. Rules mirror src/domain/access.ts.
import { PERMISSIONS, type Permission, type TenantRole } from '../../src/domain/access.ts';
import type { MessageKey } from './i18n/index.tsx';
import type { UserView } from './types.ts';

export type SectionId = 'surveys' | 'analytics' | 'campaigns' | 'contacts' | 'tenants' | 'users' | 'api-tokens' | 'audit' | 'nps-calculator';

export interface Section {
  id: SectionId;
  label: MessageKey;
  /** Lives only under /t/:tenantId. */
  needsTenant: boolean;
  allowed: (user: UserView, tenantId: string | null) => boolean;
}

const isStaff = (user: UserView) => user.installationRole !== null;

const roleIn = (user: UserView, tenantId: string | null) =>
  tenantId === null ? undefined : user.memberships.find((m) => m.tenantId === tenantId)?.role;

/** Mirrors hasPermission in src/domain/access.ts for the signed-in user. */
export const hasTenantPermission = (user: UserView, tenantId: string | null, permission: Permission) => {
  if (tenantId === null) return false;
  const role = roleIn(user, tenantId);
  return isStaff(user) || (role !== undefined && (PERMISSIONS[permission] as readonly TenantRole[]).includes(role));
};

const canManageTokens = (user: UserView, tenantId: string | null) => hasTenantPermission(user, tenantId, 'tokens.manage');

export const SECTIONS: readonly Section[] = [
  { id: 'surveys', label: 'nav.surveys', needsTenant: true, allowed: (user, tenantId) => hasTenantPermission(user, tenantId, 'surveys.read') },
  { id: 'analytics', label: 'nav.analytics', needsTenant: true, allowed: (user, tenantId) => hasTenantPermission(user, tenantId, 'responses.read') },
  { id: 'campaigns', label: 'nav.campaigns', needsTenant: true, allowed: (user, tenantId) => hasTenantPermission(user, tenantId, 'campaigns.read') },
  { id: 'contacts', label: 'nav.contacts', needsTenant: true, allowed: (user, tenantId) => hasTenantPermission(user, tenantId, 'contacts.read') },
  { id: 'tenants', label: 'nav.tenants', needsTenant: false, allowed: isStaff },
  { id: 'users', label: 'nav.users', needsTenant: false, allowed: isStaff },
  { id: 'api-tokens', label: 'nav.apiTokens', needsTenant: true, allowed: canManageTokens },
  { id: 'audit', label: 'nav.audit', needsTenant: false, allowed: isStaff },
  { id: 'nps-calculator', label: 'nav.nps', needsTenant: false, allowed: () => true },
];

export const sectionById = (id: SectionId): Section => SECTIONS.find((s) => s.id === id) as Section;

export const visibleSections = (user: UserView, tenantId: string | null) =>
  SECTIONS.filter((s) => (!s.needsTenant || tenantId !== null) && s.allowed(user, tenantId));

/** `/t/:tenantId/<section>` when a tenant is chosen, `/<section>` otherwise. */
export const sectionPath = (id: SectionId, tenantId: string | null) =>
  tenantId === null ? `/${id}` : `/t/${encodeURIComponent(tenantId)}/${id}`;

/** Where a user lands: the first section they may use. */
export const defaultSection = (user: UserView, tenantId: string | null): SectionId =>
  visibleSections(user, tenantId)[0]?.id ?? 'nps-calculator';

/** Which section a pathname shows, if any. */
export function sectionOfPath(pathname: string): SectionId | null {
  const last = pathname.replace(/^\/t\/[^/]+/, '').split('/').find(Boolean);
  return SECTIONS.find((s) => s.id === last)?.id ?? null;
}
