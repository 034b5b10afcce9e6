import { eq } from 'drizzle-orm';
import type { Queryable } from '../db.ts';
import { installationSecrets } from '../schema/index.ts';

/** The stored secret of this name, creating it from `candidate` if none exists; concurrent starts agree on one. */
export async function ensureInstallationSecret(q: Queryable, name: string, candidate: string): Promise<string> {
  await q.insert(installationSecrets).values({ name, value: candidate }).onConflictDoNothing({ target: installationSecrets.name });
  const rows = await q.select({ value: installationSecrets.value }).from(installationSecrets).where(eq(installationSecrets.name, name));
  return rows[0]!.value;
}
