import { z } from 'zod';
import type { UserWithMemberships } from '../../../app/users/manageUsers.ts';

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(['ru', 'en']),
  installationRole: z.enum(['owner', 'admin']).nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  memberships: z.array(z.object({ tenantId: z.uuid(), tenantName: z.string(), role: z.string() })),
});
export type UserView = z.infer<typeof UserView>;

export function presentUser({ user, memberships }: UserWithMemberships): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale as 'ru' | 'en',
    installationRole: user.installationRole as 'owner' | 'admin' | null,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    memberships: memberships.map((m) => ({ tenantId: m.tenantId, tenantName: m.tenantName, role: m.role })),
  };
}
