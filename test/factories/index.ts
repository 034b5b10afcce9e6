import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../src/app/context.ts';
import { hashPassword } from '../../src/app/secrets.ts';
import type { InstallationRole, TenantRole } from '../../src/domain/access.ts';
import { insertTenant } from '../../src/store/repos/tenants.ts';
import { insertUser, upsertMembership } from '../../src/store/repos/users.ts';

export { makeSurvey } from './surveys.ts';

const unique = () => randomBytes(4).toString('hex');
export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | null = null;
// argon2 is deliberately slow; factories hash the shared test password once.
const testPasswordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export async function makeTenant(ctx: AppContext, overrides: Partial<{ name: string; slug: string }> = {}) {
  const id = unique();
  const tenant = await insertTenant(ctx.db, {
    name: overrides.name ?? `Client ${id}`,
    slug: overrides.slug ?? `client-${id}`,
    locale: 'ru',
    timezone: 'Europe/Moscow',
    defaultRegion: 'RU',
  });
  if (!tenant) throw new Error('tenant not created');
  return tenant;
}

export async function makeUser(
  ctx: AppContext,
  opts: { installationRole?: InstallationRole | null; memberships?: Array<{ tenantId: string; role: TenantRole }>; email?: string; password?: string | null } = {},
) {
  const email = opts.email ?? `user-${unique()}@example.test`;
  const passwordHash = opts.password === null ? null : opts.password ? await hashPassword(opts.password) : await testPasswordHash();
  const user = await insertUser(ctx.db, { email, name: `User ${email}`, locale: 'en', installationRole: opts.installationRole ?? null, passwordHash });
  if (!user) throw new Error('user not created');
  for (const m of opts.memberships ?? []) await upsertMembership(ctx.db, m.tenantId, user.id, m.role);
  return { ...user, password: opts.password ?? TEST_PASSWORD };
}

export { makeContact } from './contacts.ts';
export { makeLaunchedSurvey, setSurveyStatus } from './responses.ts';
