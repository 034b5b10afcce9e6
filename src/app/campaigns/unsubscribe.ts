import { eq, sql } from 'drizzle-orm';
import { contacts, invitations } from '../../store/schema/index.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../../domain/errors.ts';
import { unsubscribeAddress } from './deliveryStatus.ts';
import { readUnsubscribeToken } from './links.ts';

/** What the unsubscribe page shows before the click: the address, partly hidden, and the language to speak. */
export async function describeUnsubscribe(ctx: AppContext, token: string): Promise<{ language: string; maskedEmail: string | null }> {
  const found = await findByToken(ctx, token);
  return { language: found.language, maskedEmail: found.email ? maskEmail(found.email) : null };
}

/**
 * The email's unsubscribe link, clicked on the page or POSTed by the mail
 * client (RFC 8058 one-click): the person's address goes on do-not-contact.
 * Repeats are harmless. A test invitation unsubscribes nobody.
 */
export async function unsubscribeByToken(ctx: AppContext, token: string): Promise<{ language: string }> {
  const found = await findByToken(ctx, token);
  if (found.email && !found.test) {
    await ctx.db.transaction((tx) =>
      unsubscribeAddress(tx, found.tenantId, 'email', found.email!, { via: 'email_link', contactId: found.contactId, invitationId: found.invitationId }, ctx.clock.now()),
    );
  }
  return { language: found.language };
}

async function findByToken(ctx: AppContext, token: string) {
  const invitationId = readUnsubscribeToken(ctx.config.secretKey, token);
  if (!invitationId) throw new DomainError('not_found', 'This unsubscribe link is not valid');
  const [row] = await ctx.db
    .select({ tenantId: invitations.tenantId, contactId: invitations.contactId, language: invitations.language, test: invitations.test, email: contacts.email })
    .from(invitations)
    .leftJoin(contacts, eq(contacts.id, invitations.contactId))
    .where(eq(invitations.id, invitationId))
    .limit(1);
  if (!row) throw new DomainError('not_found', 'This unsubscribe link is not valid');
  // The address the message went to, when the contact no longer has one (changed or erased since).
  const sent = row.email
    ? null
    : await ctx.db.execute<{ address: string }>(sql`select address from campaign_attempts where invitation_id = ${invitationId} and channel = 'email' and address is not null limit 1`);
  return { ...row, invitationId, language: row.language ?? 'ru', email: row.email ?? sent?.rows[0]?.address ?? null };
}

const maskEmail = (email: string) => email.replace(/^(.)[^@]*(@.*)$/, (_m, first: string, domain: string) => `${first}•••${domain}`);
