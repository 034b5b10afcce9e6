import type { Actor } from '../../domain/access.ts';
import { describeEmailRejection, describePhoneRejection, normalizeEmail, normalizePhone } from '../../domain/contacts/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { addDoNotContact, listDoNotContact, removeDoNotContact, type DoNotContactKind, type DoNotContactRow } from '../../store/repos/doNotContact.ts';
import { findTenant } from '../../store/repos/tenants.ts';
import type { Queryable } from '../../store/db.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

/** An address as the list stores it: E.164, or a lower-cased email. A value with "@" is an email when the kind is not given. */
async function normalizeAddress(q: Queryable, tenantId: string, kind: DoNotContactKind | undefined, value: string): Promise<{ kind: DoNotContactKind; value: string }> {
  const asKind = kind ?? (value.includes('@') ? 'email' : 'phone');
  if (asKind === 'email') {
    const email = normalizeEmail(value);
    if (!email.ok) throw new DomainError('contacts.email_invalid', describeEmailRejection(email.reason), { field: 'value' });
    return { kind: 'email', value: email.email.toLowerCase() };
  }
  const tenant = await findTenant(q, tenantId, null);
  const phone = normalizePhone(value, tenant?.defaultRegion);
  if (!phone.ok) throw new DomainError('contacts.phone_invalid', describePhoneRejection(phone.reason), { field: 'value' });
  return { kind: 'phone', value: phone.e164 };
}

export async function listDoNotContactFor(ctx: AppContext, actor: Actor, tenantId: string, query: { cursor?: string; limit: number }) {
  requireTenantPermission(actor, tenantId, 'contacts.read');
  const after = query.cursor ? parseCursor(query.cursor) : undefined;
  const rows = await listDoNotContact(ctx.db, tenantId, { after, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.kind}|${last.value}`).toString('base64url') : null };
}

export async function addDoNotContactFor(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  input: { kind?: DoNotContactKind; value: string; reason?: string },
  meta: RequestMeta,
): Promise<DoNotContactRow> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  return ctx.db.transaction(async (tx) => {
    const address = await normalizeAddress(tx, tenantId, input.kind, input.value);
    const row = await addDoNotContact(tx, { tenantId, ...address, reason: input.reason ?? 'manual', createdBy: actor.kind === 'user' ? actor.userId : null });
    await recordAudit(tx, actor, meta, { action: 'contacts.do_not_contact.added', tenantId, targetType: 'do_not_contact', details: { kind: address.kind } });
    return row;
  });
}

export async function removeDoNotContactFor(ctx: AppContext, actor: Actor, tenantId: string, kind: DoNotContactKind, value: string, meta: RequestMeta): Promise<void> {
  requireTenantPermission(actor, tenantId, 'contacts.manage');
  await ctx.db.transaction(async (tx) => {
    const address = await normalizeAddress(tx, tenantId, kind, value);
    if (!(await removeDoNotContact(tx, tenantId, address.kind, address.value))) throw notFound('Do-not-contact entry');
    await recordAudit(tx, actor, meta, { action: 'contacts.do_not_contact.removed', tenantId, targetType: 'do_not_contact', details: { kind: address.kind } });
  });
}

function parseCursor(text: string): { kind: string; value: string } {
  const [kind, ...rest] = Buffer.from(text, 'base64url').toString().split('|');
  if ((kind !== 'phone' && kind !== 'email') || rest.length === 0) throw new DomainError('contacts.invalid_cursor', 'The cursor is not one this list gave out', { field: 'cursor' });
  return { kind, value: rest.join('|') };
}
