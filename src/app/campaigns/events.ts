/**
 * Service events from a CRM or telephony (`service_delivered` …): each is
 * kept once per sender's event id, finds or makes the customer's contact, and
 * schedules the survey of every running campaign listening for its type
 * (after the campaign's delay), all in one transaction, so an event is either
 * fully taken or not at all, and a repeat changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { eventMatches } from '../../domain/campaigns/plan.ts';
import { normalizeEmail } from '../../domain/contacts/email.ts';
import { normalizeLanguage } from '../../domain/contacts/language.ts';
import { normalizePhone } from '../../domain/contacts/phone.ts';
import { parseTimeZone, timezoneFor } from '../../domain/contacts/timezone.ts';
import { DomainError } from '../../domain/errors.ts';
import { usableAttributes } from '../../domain/surveys/dimensions.ts';
import { campaignDispatchJob } from '../../jobs/definitions/campaigns.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { Tx } from '../../store/db.ts';
import { campaigns, contacts, eventHooks, serviceEvents, tenants } from '../../store/schema/index.ts';
import { findSurveyWithCurrentVersion, insertInvitation } from '../../store/repos/invitations.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { sha256 } from '../secrets.ts';
import { invitationToken } from './links.ts';
import { attemptId } from './attempts.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface ServiceEventInput {
  eventId: string;
  type: string;
  occurredAt?: string | undefined;
  customer: {
    externalId?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
    name?: string | undefined;
    language?: string | undefined;
    timezone?: string | undefined;
  };
  serviceType?: string | undefined;
  department?: string | undefined;
  employee?: string | undefined;
  attributes?: Record<string, string> | undefined;
}

export interface EventResult {
  eventId: string;
  /** The event was received before: nothing was done again. */
  duplicate: boolean;
  contactId: string | null;
  /** Surveys scheduled by this event (one per matching campaign). */
  scheduled: Array<{ campaignId: string; invitationId: string; firstAttemptAt: string }>;
}

export async function receiveEvent(ctx: AppContext, actor: Actor, tenantId: string, input: ServiceEventInput): Promise<EventResult> {
  requireTenantPermission(actor, tenantId, 'events.write');
  return ingestEvent(ctx, tenantId, input);
}

/** For the secret-URL receiver: the hook's secret names the tenant. */
export async function receiveHookEvent(ctx: AppContext, secret: string, input: ServiceEventInput): Promise<EventResult> {
  const [hook] = await ctx.db.select().from(eventHooks).where(eq(eventHooks.secretHash, sha256(secret))).limit(1);
  if (!hook) throw new DomainError('not_found', 'No event receiver has this address');
  const result = await ingestEvent(ctx, hook.tenantId, input);
  await ctx.db.update(eventHooks).set({ lastUsedAt: ctx.clock.now() }).where(eq(eventHooks.id, hook.id));
  return result;
}

async function ingestEvent(ctx: AppContext, tenantId: string, input: ServiceEventInput): Promise<EventResult> {
  const now = ctx.clock.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (Number.isNaN(occurredAt.getTime())) throw new DomainError('validation', 'occurredAt is not a date-time', { field: 'occurredAt' });
  return ctx.db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
    if (!tenant) throw new DomainError('not_found', 'Organisation not found');
    const attributes = usableAttributes({
      ...(input.attributes ?? {}),
      ...(input.serviceType ? { service_type: input.serviceType } : {}),
      ...(input.department ? { department: input.department } : {}),
      ...(input.employee ? { employee: input.employee } : {}),
    });
    const [event] = await tx
      .insert(serviceEvents)
      .values({ tenantId, eventId: input.eventId, type: input.type, occurredAt, attributes, receivedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!event) {
      const [seen] = await tx.select().from(serviceEvents).where(and(eq(serviceEvents.tenantId, tenantId), eq(serviceEvents.eventId, input.eventId))).limit(1);
      return { eventId: input.eventId, duplicate: true, contactId: seen?.contactId ?? null, scheduled: [] };
    }
    const contactId = await findOrCreateContact(tx, tenant, input.customer, now);
    // Without a customer to reach, a campaign's messages could only be skipped: the event is kept, nothing is scheduled.
    const listening = !contactId ? [] : await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.status, 'running'), sql`${campaigns.audience}->>'kind' = 'events'`, sql`${campaigns.audience}->>'eventType' = ${input.type}`));
    const scheduled: EventResult['scheduled'] = [];
    for (const campaign of listening) {
      if (campaign.audience.kind !== 'events' || !eventMatches(campaign.audience.filter, attributes)) continue;
      const found = await findSurveyWithCurrentVersion(tx, tenantId, campaign.surveyId);
      if (!found?.version || found.survey.status !== 'active') continue;
      const definition = found.version.definition;
      const contactLanguage = input.customer.language ? normalizeLanguage(input.customer.language, definition.languages) : null;
      const id = randomUUID();
      const invitation = await insertInvitation(tx, {
        id,
        tenantId,
        surveyId: campaign.surveyId,
        surveyVersionId: found.version.id,
        contactId,
        tokenHash: sha256(invitationToken(ctx.config.secretKey, id)),
        channel: campaign.plan.steps[0]!.channel,
        language: contactLanguage ?? (definition.languages.includes(tenant.locale) ? tenant.locale : definition.defaultLanguage),
        attributes,
        externalKey: `campaign:${campaign.id}:event:${input.eventId}`,
        campaignId: campaign.id,
        expiresAt: new Date(now.getTime() + campaign.expiresInDays * DAY_MS),
        createdAt: now,
      });
      if (!invitation) continue;
      const first = campaign.plan.steps[0]!;
      const dueAt = new Date(Math.max(now.getTime(), occurredAt.getTime() + (campaign.audience.delayMinutes + first.delayMinutes) * MINUTE_MS));
      await tx.execute(sql`
        insert into campaign_attempts (id, tenant_id, campaign_id, invitation_id, contact_id, step, attempt, channel, status, due_at, updated_at)
        values (${attemptId(invitation.id, 0, 1)}, ${tenantId}, ${campaign.id}, ${invitation.id}, ${contactId}, 0, 1, ${first.channel}, 'scheduled', ${dueAt}, ${now})
        on conflict do nothing`);
      if (dueAt.getTime() <= now.getTime()) await enqueue(tx, campaignDispatchJob, { campaignId: campaign.id }, { jobKey: `campaign-dispatch:${campaign.id}` });
      scheduled.push({ campaignId: campaign.id, invitationId: invitation.id, firstAttemptAt: dueAt.toISOString() });
    }
    await tx.update(serviceEvents).set({ contactId, invitations: scheduled.length }).where(eq(serviceEvents.id, event.id));
    return { eventId: input.eventId, duplicate: false, contactId, scheduled };
  });
}

/** The customer as the tenant knows them: by external id, then phone, then email; a new contact otherwise. Known fields fill gaps, never overwrite. */
async function findOrCreateContact(tx: Tx, tenant: typeof tenants.$inferSelect, customer: ServiceEventInput['customer'], now: Date): Promise<string | null> {
  const phoneResult = customer.phone ? normalizePhone(customer.phone, tenant.defaultRegion) : null;
  if (phoneResult && !phoneResult.ok) throw new DomainError('validation', 'customer.phone is not a phone number', { field: 'customer.phone' });
  const emailResult = customer.email ? normalizeEmail(customer.email) : null;
  if (emailResult && !emailResult.ok) throw new DomainError('validation', 'customer.email is not an email address', { field: 'customer.email' });
  const phone = phoneResult?.ok ? phoneResult.e164 : null;
  const email = emailResult?.ok ? emailResult.email : null;
  const externalId = customer.externalId?.trim() || null;
  if (!externalId && !phone && !email) return null;
  const probes = [
    externalId ? eq(contacts.externalId, externalId) : null,
    phone ? eq(contacts.phone, phone) : null,
    email ? eq(contacts.email, email) : null,
  ].filter((p) => p !== null);
  for (const probe of probes) {
    const [found] = await tx
      .select()
      .from(contacts)
      .where(and(eq(contacts.tenantId, tenant.id), probe, sql`${contacts.erasedAt} is null`))
      .limit(1);
    if (found) {
      const patch = {
        ...(found.phone ? {} : phone ? { phone } : {}),
        ...(found.email ? {} : email ? { email } : {}),
        ...(found.externalId ? {} : externalId ? { externalId } : {}),
      };
      if (Object.keys(patch).length > 0) await tx.update(contacts).set({ ...patch, updatedAt: now }).where(eq(contacts.id, found.id));
      return found.id;
    }
  }
  const zone = customer.timezone ? parseTimeZone(customer.timezone) : null;
  const timezone = zone ?? timezoneFor({ phoneCountry: phoneResult?.ok ? (phoneResult.country ?? null) : null, tenantDefault: tenant.timezone }).timezone;
  const [created] = await tx
    .insert(contacts)
    .values({
      tenantId: tenant.id,
      externalId,
      phone,
      email,
      fullName: customer.name?.trim() || null,
      language: customer.language ? normalizeLanguage(customer.language) : null,
      timezone,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: contacts.id });
  if (created) return created.id;
  // A twin event raced us to the same external id.
  const [twin] = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.tenantId, tenant.id), eq(contacts.externalId, externalId!))).limit(1);
  return twin?.id ?? null;
}
