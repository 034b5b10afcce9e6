import type { AppContext } from '../../../app/context.ts';
import { notFound } from '../../../app/errors.ts';
import { findUserById, membershipsOf } from '../../../store/repos/users.ts';
import { presentUser, type UserView } from '../users/present.ts';

export async function loadUserView(ctx: AppContext, userId: string): Promise<UserView> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw notFound('User');
  return presentUser({ user, memberships: await membershipsOf(ctx.db, [userId]) });
}
