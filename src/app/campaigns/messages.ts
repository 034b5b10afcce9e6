/**
 * What a campaign step's message looks like for a given person (preview), and
 * sending it once to yourself (test send). A test send makes a test
 * invitation: its link works, and an answer through it is marked as a test and
 * kept out of every count.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { normalizeEmail } from '../../domain/contacts/email.ts';
import { normalizePhone } from '../../domain/contacts/phone.ts';
import { DomainError } from '../../domain/errors.ts';
import { findContact } from '../../store/repos/contacts.ts';
import { findSurveyWithCurrentVersion, insertInvitation } from '../../store/repos/invitations.ts';
import { findCampaign, findCampaignById } from '../../store/repos/campaigns.ts';
import { invitations, tenants } from '../../store/schema/index.ts';
import { campaignTestSendJob } from '../../jobs/definitions/campaigns.ts';
import { enqueue } from '../../jobs/queue.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { sha256 } from '../secrets.ts';
import { renderAttemptMessage } from './render.ts';
import { invitationToken } from './links.ts';
import { senderSettings } from './senderSettings.ts';

/** Stands in for a real invitation in a preview: its link leads nowhere. */
const PREVIEW_INVITATION = '00000000-0000-4000-8000-000000000000';
const DAY_MS = 86_400_000;

async function loadForMessage(ctx: AppContext, tenantId: string, campaignId: string, step: number) {
  const campaign = await findCampaign(ctx.db, tenantId, campaignId);
  if (!campaign) throw notFound('Campaign');
  const planStep = campaign.plan.steps[step];
  if (!planStep) throw new DomainError('validation', `The plan has no step ${step + 1}`, { field: 'step' });
  const found = await findSurveyWithCurrentVersion(ctx.db, tenantId, campaign.surveyId);
  if (!found) throw notFound('Survey');
  const version = found.version;
  const definition = version?.definition ?? found.survey.draft;
  return { campaign, planStep, definition, versionId: version?.id ?? null, sender: await senderSettings(ctx, tenantId) };
}

export async function previewMessage(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string, input: { step: number; contactId?: string | undefined; language?: string | undefined }) {
  requireTenantPermission(actor, tenantId, 'campaigns.read');
  // With a contact, the preview shows their address and name: personal data, as in the contact list.
  if (input.contactId) requireTenantPermission(actor, tenantId, 'contacts.read');
  const { campaign, planStep, definition, sender } = await loadForMessage(ctx, tenantId, campaignId, input.step);
  const contact = input.contactId ? await findContact(ctx.db, tenantId, input.contactId) : null;
  if (input.contactId && (!contact || contact.erasedAt)) throw new DomainError('validation', 'There is no such contact in this organisation', { field: 'contactId' });
  const language = input.language ?? contact?.language ?? definition.defaultLanguage;
  const message = renderAttemptMessage(ctx, campaign, sender, { invitationId: PREVIEW_INVITATION, step: input.step, channel: planStep.channel, language, recipientName: contact?.firstName ?? contact?.fullName ?? null }, definition);
  const to = planStep.channel === 'email' ? (contact?.email ?? null) : (contact?.phone ?? null);
  return { ...message, from: planStep.channel === 'email' ? sender.emailFrom : sender.smsFrom, to };
}

export const TestSendPayload = z.object({ campaignId: z.uuid(), step: z.int().min(0), invitationId: z.uuid(), address: z.string().min(3).max(254) });

/** Makes the test invitation now; the worker sends the message (the SMS connection lives there). */
export async function testSend(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string, input: { step: number; to: string; language?: string | undefined }) {
  requireTenantPermission(actor, tenantId, 'campaigns.manage');
  const { planStep, definition, versionId, campaign } = await loadForMessage(ctx, tenantId, campaignId, input.step);
  if (!versionId) throw new DomainError('campaign.survey_not_active', 'Launch the survey first: a test message carries a working link to it');
  let address: string;
  if (planStep.channel === 'email') {
    const email = normalizeEmail(input.to);
    if (!email.ok) throw new DomainError('validation', 'Not an email address', { field: 'to' });
    address = email.email;
  } else {
    const [tenant] = await ctx.db.select({ region: tenants.defaultRegion }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
    const phone = normalizePhone(input.to, tenant?.region);
    if (!phone.ok) throw new DomainError('validation', 'Not a phone number', { field: 'to' });
    address = phone.e164;
  }
  return ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    const now = ctx.clock.now();
    await insertInvitation(tx, {
      id,
      tenantId,
      surveyId: campaign.surveyId,
      surveyVersionId: versionId,
      contactId: null,
      tokenHash: sha256(invitationToken(ctx.config.secretKey, id)),
      channel: planStep.channel,
      language: input.language && definition.languages.includes(input.language) ? input.language : definition.defaultLanguage,
      test: true,
      expiresAt: new Date(now.getTime() + 7 * DAY_MS),
      createdAt: now,
    });
    await enqueue(tx, campaignTestSendJob, { campaignId, step: input.step, invitationId: id, address });
    return { invitationId: id, channel: planStep.channel, to: address };
  });
}

/** The worker's half of a test send. */
export async function sendTestMessage(ctx: AppContext, data: z.infer<typeof TestSendPayload>) {
  const campaign = await findCampaignById(ctx.db, data.campaignId);
  if (!campaign) return;
  const { planStep, definition, sender } = await loadForMessage(ctx, campaign.tenantId, campaign.id, data.step);
  // The language asked for at test-send time was kept on the test invitation.
  const [invitation] = await ctx.db.select({ language: invitations.language }).from(invitations).where(eq(invitations.id, data.invitationId)).limit(1);
  const language = invitation?.language ?? definition.defaultLanguage;
  const message = renderAttemptMessage(ctx, campaign, sender, { invitationId: data.invitationId, step: data.step, channel: planStep.channel, language, recipientName: null }, definition);
  if (message.channel === 'email') {
    await ctx.mailer.send({ to: data.address, subject: `[TEST] ${message.subject}`, text: message.text, html: message.html, idempotencyKey: `test:${data.invitationId}`, listUnsubscribe: { url: message.unsubscribeUrl } }, sender.emailFrom);
  } else if (message.channel === 'sms') {
    if (!ctx.sms) throw new Error('No SMS connection in this worker');
    await ctx.sms.send({ to: data.address, from: sender.smsFrom, text: message.text, idempotencyKey: `test:${data.invitationId}` });
  }
}
