// The campaign monitor's numbers and words: pure helpers, no React.
import type { Translate } from '../../i18n/index.tsx';
import type { CampaignStats, ChannelFunnel } from '../../campaignTypes.ts';

/** The funnel's steps, in order; each bar is drawn against `planned`. */
export const FUNNEL_STAGES = ['planned', 'sent', 'delivered', 'opened', 'started', 'completed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Outcomes that did not move forward, shown as numbers under the bars. */
export const FUNNEL_OUTCOMES = ['scheduled', 'bounced', 'failed', 'skipped', 'inDoubt'] as const;

/** Share of `whole` in percent, 0–100, rounded down to one decimal; 0 when there is nothing to divide. */
export function percentOf(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(100, Math.floor((part / whole) * 1000) / 10);
}

/** Every channel's funnel added up: the campaign as a whole. */
export function totalFunnel(channels: readonly ChannelFunnel[]): ChannelFunnel {
  const total: ChannelFunnel = { channel: 'all', planned: 0, scheduled: 0, sent: 0, delivered: 0, bounced: 0, failed: 0, skipped: 0, inDoubt: 0, opened: 0, started: 0, completed: 0 };
  for (const c of channels) for (const key of [...FUNNEL_STAGES, ...FUNNEL_OUTCOMES]) total[key] += c[key];
  return total;
}

/** The one line a screen reader hears as the numbers move: "Sent 120 of 300 · completed 12". */
export function monitorSummary(stats: CampaignStats, t: Translate, format: (n: number) => string): string {
  const total = totalFunnel(stats.channels);
  return t('campaigns.monitor.summary', { sent: format(total.sent), planned: format(total.planned), completed: format(stats.people.completed) });
}

type ReasonKey = Parameters<Translate>[0];

const KNOWN_REASONS: Record<string, ReasonKey> = {
  answered: 'campaigns.reason.answered',
  do_not_contact: 'campaigns.reason.do_not_contact',
  no_address: 'campaigns.reason.no_address',
  no_consent: 'campaigns.reason.no_consent',
  no_contact: 'campaigns.reason.no_contact',
  contact_erased: 'campaigns.reason.contact_erased',
  frequency_cap: 'campaigns.reason.frequency_cap',
  expired: 'campaigns.reason.expired',
  unsubscribed: 'campaigns.reason.unsubscribed',
  campaign_cancelled: 'campaigns.reason.campaign_cancelled',
  worker_lost: 'campaigns.reason.worker_lost',
  channel_unavailable: 'campaigns.reason.channel_unavailable',
  sms_unavailable: 'campaigns.reason.sms_unavailable',
  sms_undeliverable: 'campaigns.reason.sms_undeliverable',
  sms_expired: 'campaigns.reason.sms_expired',
  sms_rejected: 'campaigns.reason.sms_rejected',
  sms_unknown: 'campaigns.reason.sms_unknown',
  invalid_destination: 'campaigns.reason.invalid_destination',
  invalid_sender: 'campaigns.reason.invalid_sender',
  invalid_message: 'campaigns.reason.invalid_message',
  rejected: 'campaigns.reason.rejected',
  smsc_error: 'campaigns.reason.smsc_error',
  throttled: 'campaigns.reason.throttled',
  queue_full: 'campaigns.reason.throttled',
  timeout: 'campaigns.reason.connection',
  connection: 'campaigns.reason.connection',
  bind_refused: 'campaigns.reason.connection',
  closed: 'campaigns.reason.connection',
};

/** Enhanced mail status codes (RFC 3463) worth a word of their own. */
const BOUNCE_DETAILS: Record<string, ReasonKey> = {
  '5.1.1': 'campaigns.bounce.5.1.1',
  '5.1.2': 'campaigns.bounce.5.1.2',
  '5.2.1': 'campaigns.bounce.5.2.1',
  '5.2.2': 'campaigns.bounce.5.2.2',
  '5.7.1': 'campaigns.bounce.5.7.1',
};

/**
 * A reason code in words: `do_not_contact`, `bounced:5.1.1`, `smtp_550`,
 * `sms_undeliverable:0x0b` … An unknown code is shown as it is.
 */
export function reasonLabel(code: string, t: Translate): string {
  const known = KNOWN_REASONS[code];
  if (known) return t(known);
  const bounced = /^bounced:(.+)$/.exec(code);
  if (bounced) {
    const status = bounced[1]!;
    const detail = BOUNCE_DETAILS[status];
    return detail ? t('campaigns.reason.bouncedDetail', { status, detail: t(detail) }) : t('campaigns.reason.bounced', { status });
  }
  const smtp = /^smtp_(\d{3})$/.exec(code);
  if (smtp) return t(smtp[1]!.startsWith('4') ? 'campaigns.reason.smtpTemporary' : 'campaigns.reason.smtpRefused', { code: smtp[1]! });
  const sms = /^(sms_[a-z]+):(.+)$/.exec(code);
  if (sms && KNOWN_REASONS[sms[1]!]) return t('campaigns.reason.withCode', { reason: t(KNOWN_REASONS[sms[1]!]!), code: sms[2]! });
  if (/^(smtp_|e[a-z]+$)/.test(code)) return t('campaigns.reason.mailError', { code });
  return code;
}

/** Reasons, most frequent first (ties by code, so the table does not jump between refreshes). */
export function sortedReasons(reasons: Record<string, number>): Array<[string, number]> {
  return Object.entries(reasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
