import type { Actor } from '../../domain/access.ts';
import { updateUser } from '../../store/repos/users.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function updateProfile(ctx: AppContext, actor: Extract<Actor, { kind: 'user' }>, patch: { name?: string; locale?: 'ru' | 'en' }) {
  const user = await updateUser(ctx.db, actor.userId, patch);
  if (!user) throw notFound('User');
  return user;
}
