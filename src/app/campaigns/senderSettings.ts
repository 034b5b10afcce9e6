/**
 * Who a tenant's campaign messages come from and when they may arrive: the
 * organisation's name as the sender's name, its own From/reply-to and SMS
 * sender id when set (channel_settings), else the installation's.
 */
import { sql } from 'drizzle-orm';
import type { AllowedHours } from '../../domain/campaigns/schedule.ts';
import type { AppContext } from '../context.ts';

export interface SenderSettings {
  brandName: string;
  tenantZone: string;
  contactHours: AllowedHours;
  frequencyCapDays: number | null;
  /** `"Name" <address>` for the From header. */
  emailFrom: string;
  replyTo: string | undefined;
  bounceAddress: string | undefined;
  smsFrom: string;
}

export interface ChannelSettingsInput {
  email?: { fromName?: string | undefined; fromAddress?: string | undefined; replyTo?: string | undefined };
  sms?: { senderId?: string | undefined };
}

export async function senderSettings(ctx: AppContext, tenantId: string): Promise<SenderSettings> {
  const result = await ctx.db.execute<{
    name: string;
    timezone: string;
    contact_hours_from: string;
    contact_hours_to: string;
    survey_frequency_cap_days: number | null;
    email: Record<string, string> | null;
    sms: Record<string, string> | null;
  }>(sql`
    select t.name, t.timezone, t.contact_hours_from, t.contact_hours_to, t.survey_frequency_cap_days,
      (select settings from channel_settings where tenant_id = t.id and channel = 'email') as email,
      (select settings from channel_settings where tenant_id = t.id and channel = 'sms') as sms
    from tenants t where t.id = ${tenantId}`);
  const t = result.rows[0];
  if (!t) throw new Error(`tenant ${tenantId} not found`);
  const email = t.email ?? {};
  const sms = t.sms ?? {};
  const installationAddress = /<([^>]+)>\s*$/.exec(ctx.config.mail.from)?.[1] ?? ctx.config.mail.from;
  const name = (email.fromName ?? t.name).replace(/["\\\r\n]/g, ' ').trim();
  return {
    brandName: t.name,
    tenantZone: t.timezone,
    contactHours: { from: t.contact_hours_from, to: t.contact_hours_to },
    frequencyCapDays: t.survey_frequency_cap_days,
    emailFrom: `"${name}" <${email.fromAddress ?? installationAddress}>`,
    replyTo: email.replyTo,
    bounceAddress: ctx.config.campaigns.bounceAddress,
    smsFrom: sms.senderId ?? ctx.config.sms.from,
  };
}
