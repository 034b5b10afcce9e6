/**
 * Who may do what. Pure: takes an actor and answers; the app layer turns a
 * "no" into a DomainError (404 when the tenant is invisible to the actor, 403
 * when it is visible but the action is not allowed).
 */
export const INSTALLATION_ROLES = ['owner', 'admin'] as const;
export type InstallationRole = (typeof INSTALLATION_ROLES)[number];

export const TENANT_ROLES = ['project_manager', 'operator', 'analyst', 'client_viewer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Scopes an API token can carry. Later capabilities add theirs here, with a description. */
export const API_SCOPES = {
  'tenant:read': 'Read the organisation’s settings',
  'surveys:read': 'Read surveys and their versions',
  'surveys:write': 'Create and change surveys',
  'contacts:read': 'Read contacts',
  'contacts:write': 'Import, change and erase contacts',
  'campaigns:read': 'Read campaigns and delivery status',
  'campaigns:write': 'Create, launch and stop campaigns',
  'events:write': 'Send service events that trigger surveys',
  'responses:read': 'Read answers',
  'responses:write': 'Submit answers',
  'webhooks:write': 'Manage webhook endpoints and their deliveries',
} as const;
export type ApiScope = keyof typeof API_SCOPES;
export const isApiScope = (s: string): s is ApiScope => Object.hasOwn(API_SCOPES, s);

/** Tenant-level permissions. Each maps to the roles that hold it. */
export const PERMISSIONS = {
  'tenant.read': ['project_manager', 'operator', 'analyst', 'client_viewer'],
  'tenant.manage': [],
  'tokens.manage': ['project_manager'],
  'members.read': ['project_manager'],
  'surveys.read': ['project_manager', 'operator', 'analyst', 'client_viewer'],
  'surveys.manage': ['project_manager'],
  // Contacts are personal data: only the people who run campaigns and calls see them.
  'contacts.read': ['project_manager', 'operator'],
  'contacts.manage': ['project_manager'],
  'invitations.manage': ['project_manager'],
  'responses.read': ['project_manager', 'operator', 'analyst', 'client_viewer'],
  'responses.write': ['project_manager', 'operator'],
  'webhooks.manage': ['project_manager'],
  'campaigns.read': ['project_manager', 'operator', 'analyst'],
  'campaigns.manage': ['project_manager'],
  'events.write': ['project_manager'],
  // Correcting a comment's topics and sentiment is analysts' daily work; it touches no personal data.
  'comments.correct': ['project_manager', 'analyst'],
} as const satisfies Record<string, readonly TenantRole[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Which token scope grants a permission (tokens never manage tokens or the tenant). */
const SCOPE_FOR: Partial<Record<Permission, ApiScope>> = {
  'tenant.read': 'tenant:read',
  'surveys.read': 'surveys:read',
  'surveys.manage': 'surveys:write',
  'contacts.read': 'contacts:read',
  'contacts.manage': 'contacts:write',
  'invitations.manage': 'campaigns:write',
  'responses.read': 'responses:read',
  'responses.write': 'responses:write',
  'webhooks.manage': 'webhooks:write',
  'campaigns.read': 'campaigns:read',
  'campaigns.manage': 'campaigns:write',
  'events.write': 'events:write',
};

export type Actor =
  | {
      kind: 'user';
      userId: string;
      label: string;
      installationRole: InstallationRole | null;
      memberships: ReadonlyArray<{ tenantId: string; role: TenantRole }>;
    }
  | { kind: 'token'; tokenId: string; label: string; tenantId: string; scopes: readonly string[] }
  | { kind: 'system'; label: string };

export const isInstallationAdmin = (actor: Actor): boolean =>
  actor.kind === 'system' || (actor.kind === 'user' && actor.installationRole !== null);

export const isOwner = (actor: Actor): boolean =>
  actor.kind === 'system' || (actor.kind === 'user' && actor.installationRole === 'owner');

/** Can the actor see that this tenant exists at all? */
export function canSeeTenant(actor: Actor, tenantId: string): boolean {
  if (isInstallationAdmin(actor)) return true;
  if (actor.kind === 'token') return actor.tenantId === tenantId;
  return actor.kind === 'user' && actor.memberships.some((m) => m.tenantId === tenantId);
}

export function hasPermission(actor: Actor, tenantId: string, permission: Permission): boolean {
  if (!canSeeTenant(actor, tenantId)) return false;
  if (isInstallationAdmin(actor)) return true;
  if (actor.kind === 'token') {
    const scope = SCOPE_FOR[permission];
    return scope !== undefined && actor.scopes.includes(scope);
  }
  if (actor.kind !== 'user') return false;
  const role = actor.memberships.find((m) => m.tenantId === tenantId)?.role;
  return role !== undefined && (PERMISSIONS[permission] as readonly TenantRole[]).includes(role);
}

/** Tenants a user-actor may see; `null` means all (installation staff). */
export function visibleTenantIds(actor: Actor): string[] | null {
  if (isInstallationAdmin(actor)) return null;
  if (actor.kind === 'token') return [actor.tenantId];
  if (actor.kind === 'user') return actor.memberships.map((m) => m.tenantId);
  return [];
}
