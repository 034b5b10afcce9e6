import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../src/app/context.ts';
import { contacts } from '../../src/store/schema/index.ts';

type NewContact = Partial<Omit<typeof contacts.$inferInsert, 'tenantId'>>;

/** A contact of the tenant, with a unique phone, email and external id unless given. */
export async function makeContact(ctx: AppContext, tenantId: string, overrides: NewContact = {}) {
  const n = randomBytes(4).readUInt32BE(0) % 10_000_000;
  const rows = await ctx.db
    .insert(contacts)
    .values({
      tenantId,
      externalId: `EXT-${n}`,
      phone: `+7916${String(n).padStart(7, '0')}`,
      email: `person${n}@example.test`,
      fullName: `Person ${n}`,
      timezone: 'Europe/Moscow',
      ...overrides,
    })
    .returning();
  return rows[0]!;
}
