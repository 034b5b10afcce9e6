import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { checkAllowedHours, type AllowedHours } from '../../domain/campaigns/schedule.ts';
import { DomainError } from '../../domain/errors.ts';
import { channelSettings, tenants } from '../../store/schema/index.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

export interface CampaignSettings {
  contactHours: AllowedHours;
  email: { fromName: string | null; fromAddress: string | null; replyTo: string | null };
  sms: { senderId: string | null };
  /** What is used when the organisation sets nothing. */
  defaults: { fromAddress: string; senderId: string };
}

export async function getCampaignSettings(ctx: AppContext, actor: Actor, tenantId: string): Promise<CampaignSettings> {
  requireTenantPermission(actor, tenantId, 'campaigns.read');
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (!tenant) throw notFound('Organisation');
  const rows = await ctx.db.select().from(channelSettings).where(eq(channelSettings.tenantId, tenantId));
  const of = (channel: string) => rows.find((r) => r.channel === channel)?.settings ?? {};
  const email = of('email');
  return {
    contactHours: { from: tenant.contactHoursFrom, to: tenant.contactHoursTo },
    email: { fromName: email.fromName ?? null, fromAddress: email.fromAddress ?? null, replyTo: email.replyTo ?? null },
    sms: { senderId: of('sms').senderId ?? null },
    defaults: { fromAddress: /<([^>]+)>\s*$/.exec(ctx.config.mail.from)?.[1] ?? ctx.config.mail.from, senderId: ctx.config.sms.from },
  };
}

export async function putCampaignSettings(ctx: AppContext, actor: Actor, tenantId: string, input: Omit<CampaignSettings, 'defaults'>, meta: RequestMeta): Promise<CampaignSettings> {
  requireTenantPermission(actor, tenantId, 'campaigns.manage');
  const problem = checkAllowedHours(input.contactHours);
  if (problem) throw new DomainError('validation', problem, { field: 'contactHours' });
  const now = ctx.clock.now();
  const compact = (o: Record<string, string | null>) => Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== null && e[1] !== ''));
  await ctx.db.transaction(async (tx) => {
    await tx.update(tenants).set({ contactHoursFrom: input.contactHours.from, contactHoursTo: input.contactHours.to, updatedAt: now }).where(eq(tenants.id, tenantId));
    for (const [channel, settings] of [['email', compact(input.email)], ['sms', compact(input.sms)]] as const) {
      await tx
        .insert(channelSettings)
        .values({ tenantId, channel, settings, updatedAt: now })
        .onConflictDoUpdate({ target: [channelSettings.tenantId, channelSettings.channel], set: { settings: sql`excluded.settings`, updatedAt: now } });
    }
    await recordAudit(tx, actor, meta, { action: 'campaign_settings.updated', tenantId, targetType: 'tenant', targetId: tenantId });
  });
  return getCampaignSettings(ctx, actor, tenantId);
}
