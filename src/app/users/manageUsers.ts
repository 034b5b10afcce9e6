import { sql } from 'drizzle-orm';
import { isInstallationAdmin, isOwner, visibleTenantIds, type Actor, type InstallationRole, type TenantRole } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Queryable } from '../../store/db.ts';
import { deleteSessionsOfUser } from '../../store/repos/sessions.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import {
  deleteMembership,
  findUserById,
  insertUser,
  listUsers as listUserRows,
  membershipsOf,
  updateUser as updateUserRow,
  upsertMembership,
  type UserRow,
} from '../../store/repos/users.ts';
import { forbidden, notFound } from '../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { issuePasswordLink } from '../auth/requestPasswordReset.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { hashPassword } from '../secrets.ts';

export type UserWithMemberships = { user: UserRow; memberships: Awaited<ReturnType<typeof membershipsOf>> };

async function withMemberships(q: Queryable, rows: UserRow[]): Promise<UserWithMemberships[]> {
  const all = await membershipsOf(q, rows.map((u) => u.id));
  return rows.map((user) => ({ user, memberships: all.filter((m) => m.userId === user.id) }));
}

/**
 * Users are managed by installation staff. Anyone else gets 404 for a user they
 * do not share an organisation with (so accounts of other clients cannot be
 * probed) and 403 for one they do.
 */
async function requireUserAdmin(q: Queryable, actor: Actor, userId: string): Promise<UserRow> {
  if (!isInstallationAdmin(actor)) {
    const visible = await listUserRows(q, visibleTenantIds(actor));
    if (!visible.some((u) => u.id === userId)) throw notFound('User');
    throw forbidden('Only administrators of the installation manage users');
  }
  const user = await findUserById(q, userId);
  if (!user) throw notFound('User');
  return user;
}

function requireOwnerFor(actor: Actor, role: InstallationRole | null | undefined, target?: UserRow) {
  const touchesStaff = (role !== undefined && role !== null) || (target?.installationRole ?? null) !== null;
  if (touchesStaff && !isOwner(actor)) throw forbidden('Only an owner can grant, change or remove administrator rights');
}

async function assertAnotherOwnerRemains(q: Queryable, userId: string) {
  const rows = await q.execute<{ n: number }>(
    sql`select count(*)::int as n from users where installation_role = 'owner' and disabled = false and id <> ${userId}`,
  );
  if ((rows.rows[0]?.n ?? 0) === 0) throw new DomainError('user.last_owner', 'The installation must keep at least one active owner');
}

export async function listUsers(ctx: AppContext, actor: Actor): Promise<UserWithMemberships[]> {
  if (!isInstallationAdmin(actor)) throw forbidden('Only administrators of the installation manage users');
  return withMemberships(ctx.db, await listUserRows(ctx.db, null));
}

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: {
    email: string;
    name: string;
    locale?: 'ru' | 'en';
    password?: string;
    installationRole?: InstallationRole | null;
    memberships?: Array<{ tenantId: string; role: TenantRole }>;
  },
  meta: RequestMeta,
): Promise<UserWithMemberships> {
  if (!isInstallationAdmin(actor)) throw forbidden('Only administrators of the installation manage users');
  requireOwnerFor(actor, input.installationRole);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return ctx.db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      email: input.email,
      name: input.name,
      locale: input.locale ?? 'ru',
      installationRole: input.installationRole ?? null,
      passwordHash,
    });
    if (!user) throw new DomainError('user.email_taken', 'A user with this email already exists', { field: 'email' });
    for (const m of input.memberships ?? []) {
      if (!(await findTenant(tx, m.tenantId, null))) throw notFound('Organisation');
      await upsertMembership(tx, m.tenantId, user.id, m.role);
    }
    await recordAudit(tx, actor, meta, {
      action: 'user.created',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, installationRole: user.installationRole, memberships: input.memberships ?? [] },
    });
    if (!passwordHash) await issuePasswordLink(ctx, tx, user, 'account_invite', meta);
    return (await withMemberships(tx, [user]))[0]!;
  });
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  patch: { name?: string; locale?: 'ru' | 'en'; installationRole?: InstallationRole | null; disabled?: boolean },
  meta: RequestMeta,
): Promise<UserWithMemberships> {
  return ctx.db.transaction(async (tx) => {
    const target = await requireUserAdmin(tx, actor, userId);
    if (patch.installationRole !== undefined || patch.disabled !== undefined) requireOwnerFor(actor, patch.installationRole, target);
    const losesOwner = target.installationRole === 'owner' && (patch.disabled === true || (patch.installationRole !== undefined && patch.installationRole !== 'owner'));
    if (losesOwner) await assertAnotherOwnerRemains(tx, userId);
    const user = await updateUserRow(tx, userId, patch);
    if (!user) throw notFound('User');
    if (patch.disabled === true) await deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, actor, meta, { action: 'user.updated', targetType: 'user', targetId: userId, details: { changed: patch } });
    return (await withMemberships(tx, [user]))[0]!;
  });
}

export async function setMembership(ctx: AppContext, actor: Actor, userId: string, tenantId: string, role: TenantRole, meta: RequestMeta) {
  return ctx.db.transaction(async (tx) => {
    const user = await requireUserAdmin(tx, actor, userId);
    if (!(await findTenant(tx, tenantId, visibleTenantIds(actor)))) throw notFound('Organisation');
    await upsertMembership(tx, tenantId, userId, role);
    await recordAudit(tx, actor, meta, { action: 'membership.set', tenantId, targetType: 'user', targetId: userId, details: { role } });
    return (await withMemberships(tx, [user]))[0]!;
  });
}

export async function removeMembership(ctx: AppContext, actor: Actor, userId: string, tenantId: string, meta: RequestMeta) {
  await ctx.db.transaction(async (tx) => {
    await requireUserAdmin(tx, actor, userId);
    if (!(await deleteMembership(tx, tenantId, userId))) throw notFound('Membership');
    await recordAudit(tx, actor, meta, { action: 'membership.removed', tenantId, targetType: 'user', targetId: userId });
  });
}
