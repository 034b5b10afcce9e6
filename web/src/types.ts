// Shapes of the JSON the API returns (see the HTTP contract). Roles come from the
// domain so a new role shows up here, and in the i18n tables, as a type error.
import type { InstallationRole, TenantRole } from '../../src/domain/access.ts';

export type { InstallationRole, TenantRole };
export type Locale = 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['ru', 'en'];

export interface MembershipView {
  tenantId: string;
  tenantName: string;
  role: TenantRole;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  installationRole: InstallationRole | null;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  memberships: MembershipView[];
}

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  locale: Locale;
  timezone: string;
  defaultRegion: string;
  createdAt: string;
  archivedAt: string | null;
}

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface AuditEventView {
  id: string;
  at: string;
  actor: { type: 'user' | 'token' | 'system'; id: string | null; label: string | null };
  action: string;
  tenantId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface ScopeView {
  scope: string;
  description: string;
}

export interface Items<T> {
  items: T[];
}
