import type { Channel } from '../../domain/campaigns/plan.ts';
import { renderInvitationEmail } from '../../domain/invitations/email.ts';
import { renderInvitationSms } from '../../domain/invitations/sms.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import { localize } from '../../domain/surveys/localizedText.ts';
import type { CampaignRow } from '../../store/repos/campaigns.ts';
import type { AppContext } from '../context.ts';
import { invitationToken, unsubscribeToken } from './links.ts';
import type { SenderSettings } from './senderSettings.ts';

/** The message of an attempt, as it will be (or was) sent: also what "preview" and "test send" show. */
export function renderAttemptMessage(
  ctx: AppContext,
  campaign: CampaignRow,
  sender: SenderSettings,
  attempt: { invitationId: string; step: number; channel: Channel; language: string; recipientName: string | null },
  definition: SurveyDefinition,
): { channel: 'email'; subject: string; text: string; html: string; unsubscribeUrl: string } | { channel: 'sms'; text: string } | { channel: 'voice' } {
  const base = ctx.config.http.publicUrl;
  const url = `${base}/s/${invitationToken(ctx.config.secretKey, attempt.invitationId)}`;
  const template = campaign.plan.steps[attempt.step]?.template ?? {};
  const lang = definition.languages.includes(attempt.language) ? attempt.language : definition.defaultLanguage;
  const words = (text: { ru?: string | undefined; en?: string | undefined } | undefined) =>
    text ? (localize(text as Record<string, string>, lang, definition.defaultLanguage) ?? undefined) : undefined;
  if (attempt.channel === 'email') {
    const unsubscribeUrl = `${base}/u/${unsubscribeToken(ctx.config.secretKey, attempt.invitationId)}`;
    const email = renderInvitationEmail({
      definition,
      language: lang,
      respondentUrl: url,
      unsubscribeUrl,
      brand: { name: sender.brandName },
      ...(attempt.recipientName ? { recipientName: attempt.recipientName } : {}),
      ...(words(template.subject) ? { subject: words(template.subject)! } : {}),
      ...(words(template.intro) ? { intro: words(template.intro)! } : {}),
    });
    return { channel: 'email', subject: email.subject, text: email.text, html: email.html, unsubscribeUrl };
  }
  if (attempt.channel === 'sms') {
    const intro = words(template.intro);
    return { channel: 'sms', text: renderInvitationSms({ language: lang, brandName: sender.brandName, url, ...(intro ? { intro } : {}) }) };
  }
  return { channel: 'voice' };
}
