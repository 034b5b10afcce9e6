import type { Actor } from '../../domain/access.ts';
import type { DatePeriod } from '../../domain/analytics/period.ts';
import { shareFromCounts, type ShareResult } from '../../domain/metrics/index.ts';
import { channelFunnels, type ChannelFunnelCounts } from '../../store/repos/campaignFunnel.ts';
import { tenantHasSurvey } from '../../store/repos/responses.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { checkedPeriod } from './headline.ts';

export interface FunnelFilter {
  surveyId?: string | undefined;
  from: string;
  to: string;
}

export interface FunnelChannel extends ChannelFunnelCounts {
  /** completed / sent with its Wilson interval; estimate null when nothing was sent. */
  responseRate: ShareResult;
}

export interface ResponseFunnel {
  period: DatePeriod;
  channels: FunnelChannel[];
  /** Every channel together: messages summed, a person reached on two channels counted once. */
  total: FunnelChannel;
}

const COUNT_FIELDS = ['planned', 'scheduled', 'sent', 'delivered', 'bounced', 'failed', 'skipped', 'inDoubt', 'opened', 'started', 'completed'] as const;

/**
 * The response funnel of the dashboard: per channel, campaign messages planned →
 * sent → delivered and the people reached who opened → started → completed,
 * over the tenant's campaigns (of one survey) whose attempts fall due in the
 * period (local dates), with the response rate completed / sent.
 */
export async function responseFunnel(ctx: AppContext, actor: Actor, tenantId: string, filter: FunnelFilter): Promise<ResponseFunnel> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const period = checkedPeriod(filter);
  if (filter.surveyId && !(await tenantHasSurvey(ctx.db, tenantId, filter.surveyId))) throw notFound('Survey');
  const scope = { tenantId, surveyId: filter.surveyId, from: period.from, to: period.to };
  const [rows, [across]] = await Promise.all([channelFunnels(ctx.db, scope), channelFunnels(ctx.db, scope, { across: true })]);
  const options = { smallSampleThreshold: ctx.config.metrics.smallSampleMin };
  // Sent counts messages and completed counts people reached by one, so completed ≤ sent; reminders lower the rate, as they should.
  const rate = (c: ChannelFunnelCounts) => shareFromCounts({ successes: c.completed, n: c.sent }, options);
  const total: ChannelFunnelCounts = across ?? { channel: 'all', ...(Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Omit<ChannelFunnelCounts, 'channel'>) };
  return { period, channels: rows.map((r) => ({ ...r, responseRate: rate(r) })), total: { ...total, responseRate: rate(total) } };
}
