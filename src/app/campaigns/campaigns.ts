import { sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { DELIVERABLE_CHANNELS, type CampaignAudience, type CampaignLimits, type ChannelPlan } from '../../domain/campaigns/plan.ts';
import { checkSendWindow, type SendWindow } from '../../domain/campaigns/schedule.ts';
import { DomainError } from '../../domain/errors.ts';
import { campaignDispatchJob, campaignPlanJob } from '../../jobs/definitions/campaigns.ts';
import { enqueue } from '../../jobs/queue.ts';
import type { Tx } from '../../store/db.ts';
import {
  cancelScheduledAttempts,
  deleteCampaignRow,
  findCampaign,
  insertCampaign,
  listCampaigns as listCampaignRows,
  updateCampaign as updateCampaignRow,
  type CampaignRow,
  type CampaignStatus,
} from '../../store/repos/campaigns.ts';
import { findSurveyWithCurrentVersion } from '../../store/repos/invitations.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';

export interface CampaignInput {
  name: string;
  surveyId: string;
  audience: CampaignAudience;
  plan: ChannelPlan;
  sendWindow?: SendWindow | null | undefined;
  limits?: CampaignLimits | undefined;
  expiresInDays?: number | undefined;
}

function checkWindow(window: SendWindow | null | undefined) {
  if (!window) return;
  const problem = checkSendWindow(window);
  if (problem) throw new DomainError('validation', problem, { field: 'sendWindow' });
}

async function requireSurvey(tx: Tx, tenantId: string, surveyId: string) {
  const found = await findSurveyWithCurrentVersion(tx, tenantId, surveyId);
  if (!found) throw new DomainError('validation', 'There is no such survey in this organisation', { field: 'surveyId' });
  const definition = found.version?.definition ?? found.survey.draft;
  if (definition?.anonymous) {
    throw invalid(
      'campaign.anonymous_survey',
      'An anonymous survey cannot be sent to named people: their answers could be traced back through the messages. Share a feedback link instead.',
    );
  }
  return found;
}

export async function createCampaign(ctx: AppContext, actor: Actor, tenantId: string, input: CampaignInput, meta: RequestMeta): Promise<CampaignRow> {
  requireTenantPermission(actor, tenantId, 'campaigns.manage');
  checkWindow(input.sendWindow);
  return ctx.db.transaction(async (tx) => {
    await requireSurvey(tx, tenantId, input.surveyId);
    const now = ctx.clock.now();
    const campaign = await insertCampaign(tx, {
      tenantId,
      surveyId: input.surveyId,
      name: input.name,
      audience: input.audience,
      plan: input.plan,
      sendWindow: input.sendWindow ?? null,
      limits: input.limits ?? {},
      expiresInDays: input.expiresInDays ?? 30,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, meta, { action: 'campaign.created', tenantId, targetType: 'campaign', targetId: campaign.id, details: { name: campaign.name } });
    return campaign;
  });
}

export async function listCampaigns(ctx: AppContext, actor: Actor, tenantId: string, status?: CampaignStatus) {
  requireTenantPermission(actor, tenantId, 'campaigns.read');
  return listCampaignRows(ctx.db, tenantId, { limit: 200, status });
}

export async function getCampaign(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string): Promise<CampaignRow> {
  requireTenantPermission(actor, tenantId, 'campaigns.read');
  const campaign = await findCampaign(ctx.db, tenantId, campaignId);
  if (!campaign) throw notFound('Campaign');
  return campaign;
}

/**
 * A draft can change in everything; a running or paused campaign keeps its
 * survey and audience (people were already asked) but its plan, window and
 * limits may change: attempts not yet sent follow the new ones.
 */
export async function updateCampaign(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string, patch: Partial<CampaignInput>, meta: RequestMeta) {
  requireTenantPermission(actor, tenantId, 'campaigns.manage');
  checkWindow(patch.sendWindow);
  return ctx.db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, tenantId, campaignId, { forUpdate: true });
    if (!campaign) throw notFound('Campaign');
    if (campaign.status === 'completed' || campaign.status === 'cancelled') throw conflict('campaign.finished', `The campaign is ${campaign.status} and can no longer change`);
    if (campaign.status !== 'draft' && (patch.surveyId !== undefined || patch.audience !== undefined)) {
      throw conflict('campaign.launched', 'The survey and the audience cannot change after launch; make a new campaign');
    }
    if (campaign.status !== 'draft' && patch.plan && patch.plan.steps.length < campaign.plan.steps.length) {
      throw conflict('campaign.launched', 'Steps cannot be removed after launch (messages of them may be waiting); add steps or change them');
    }
    if (patch.surveyId) await requireSurvey(tx, tenantId, patch.surveyId);
    const updated = await updateCampaignRow(tx, tenantId, campaignId, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.surveyId !== undefined ? { surveyId: patch.surveyId } : {}),
      ...(patch.audience !== undefined ? { audience: patch.audience } : {}),
      ...(patch.plan !== undefined ? { plan: patch.plan } : {}),
      ...(patch.sendWindow !== undefined ? { sendWindow: patch.sendWindow } : {}),
      ...(patch.limits !== undefined ? { limits: patch.limits } : {}),
      ...(patch.expiresInDays !== undefined ? { expiresInDays: patch.expiresInDays } : {}),
      updatedAt: ctx.clock.now(),
    });
    if (campaign.status !== 'draft' && patch.plan) await followChangedPlan(tx, campaignId, patch.plan, ctx.clock.now());
    await recordAudit(tx, actor, meta, { action: 'campaign.updated', tenantId, targetType: 'campaign', targetId: campaignId, details: { fields: Object.keys(patch) } });
    return updated!;
  });
}

/**
 * Messages already waiting take the changed plan's channel for their step:
 * the dispatcher only looks for the plan's channels, so one left on a channel
 * the plan no longer has would wait for ever (and keep the campaign open).
 */
async function followChangedPlan(tx: Tx, campaignId: string, plan: ChannelPlan, now: Date) {
  await tx.execute(sql`
    update campaign_attempts a set channel = p.channel, updated_at = ${now}
    from (select unnest(${sql.param(plan.steps.map((_, i) => i))}::smallint[]) as step, unnest(${sql.param(plan.steps.map((s) => s.channel))}::text[]) as channel) p
    where a.campaign_id = ${campaignId} and a.status = 'scheduled' and a.step = p.step and a.channel <> p.channel`);
}

/** draft → running: plans a list audience in the background (or starts taking events) and starts sending. */
export async function launchCampaign(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string, meta: RequestMeta) {
  requireTenantPermission(actor, tenantId, 'campaigns.manage');
  return ctx.db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, tenantId, campaignId, { forUpdate: true });
    if (!campaign) throw notFound('Campaign');
    if (campaign.status !== 'draft') throw conflict('campaign.not_draft', `The campaign is ${campaign.status}; only a draft can be launched`);
    const found = await requireSurvey(tx, tenantId, campaign.surveyId);
    if (found.survey.status !== 'active' || !found.version) {
      throw conflict('campaign.survey_not_active', `The survey is ${found.survey.status}; launch the survey before the campaign`);
    }
    const undeliverable = campaign.plan.steps.find((s) => !DELIVERABLE_CHANNELS.includes(s.channel));
    if (undeliverable) throw invalid('campaign.channel_unavailable', `The ${undeliverable.channel} channel is not available yet; remove that step`);
    const now = ctx.clock.now();
    const isList = campaign.audience.kind === 'contacts';
    const launched = await updateCampaignRow(tx, tenantId, campaignId, { status: 'running', launchedAt: now, updatedAt: now, planStatus: isList ? 'pending' : 'done' });
    if (isList) await enqueue(tx, campaignPlanJob, { campaignId }, { jobKey: `campaign-plan:${campaignId}` });
    await recordAudit(tx, actor, meta, { action: 'campaign.launched', tenantId, targetType: 'campaign', targetId: campaignId });
    return launched!;
  });
}

export async function pauseCampaign(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string, meta: RequestMeta) {
  return transition(ctx, actor, tenantId, campaignId, meta, 'paused', ['running']);
}

export async function resumeCampaign(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string, meta: RequestMeta) {
  return transition(ctx, actor, tenantId, campaignId, meta, 'running', ['paused']);
}

/** Stops for good: nothing waiting is sent; what was sent stays, and the links keep working until they expire. */
export async function cancelCampaign(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string, meta: RequestMeta) {
  return transition(ctx, actor, tenantId, campaignId, meta, 'cancelled', ['draft', 'running', 'paused']);
}

async function transition(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string, meta: RequestMeta, to: CampaignStatus, from: CampaignStatus[]) {
  requireTenantPermission(actor, tenantId, 'campaigns.manage');
  return ctx.db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, tenantId, campaignId, { forUpdate: true });
    if (!campaign) throw notFound('Campaign');
    if (!from.includes(campaign.status as CampaignStatus)) {
      throw conflict('campaign.invalid_transition', `The campaign is ${campaign.status}; it cannot become ${to}`);
    }
    const now = ctx.clock.now();
    const updated = await updateCampaignRow(tx, tenantId, campaignId, {
      status: to,
      pauseReason: null,
      updatedAt: now,
      ...(to === 'cancelled' ? { finishedAt: now } : {}),
    });
    if (to === 'cancelled') await cancelScheduledAttempts(tx, { campaignId }, 'campaign_cancelled', now);
    if (to === 'running') {
      if (campaign.planStatus !== 'done') await enqueue(tx, campaignPlanJob, { campaignId }, { jobKey: `campaign-plan:${campaignId}` });
      await enqueue(tx, campaignDispatchJob, { campaignId }, { jobKey: `campaign-dispatch:${campaignId}` });
    }
    await recordAudit(tx, actor, meta, { action: `campaign.${to === 'running' ? 'resumed' : to}`, tenantId, targetType: 'campaign', targetId: campaignId });
    return updated!;
  });
}

/** Only a draft goes without a trace (nothing was sent); a launched campaign is cancelled instead. */
export async function deleteDraftCampaign(ctx: AppContext, actor: Actor, tenantId: string, campaignId: string, meta: RequestMeta): Promise<void> {
  requireTenantPermission(actor, tenantId, 'campaigns.manage');
  await ctx.db.transaction(async (tx) => {
    const campaign = await findCampaign(tx, tenantId, campaignId, { forUpdate: true });
    if (!campaign) throw notFound('Campaign');
    if (campaign.status !== 'draft') throw conflict('campaign.not_draft', `The campaign is ${campaign.status}; cancel it instead`);
    await deleteCampaignRow(tx, tenantId, campaignId);
    await recordAudit(tx, actor, meta, { action: 'campaign.deleted', tenantId, targetType: 'campaign', targetId: campaignId, details: { name: campaign.name } });
  });
}
