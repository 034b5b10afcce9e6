/**
 * A survey invitation email, rendered: subject, plain-text and HTML parts, and the
 * List-Unsubscribe target (RFC 2369; the URL takes the RFC 8058 one-click POST). Pure:
 * the caller supplies the respondent and unsubscribe URLs and sends the result.
 */
import { invitationContent, type InvitationContent, type InvitationEmailInput } from './content.ts';
import { invitationHtml } from './emailHtml.ts';

export type { InvitationEmailInput } from './content.ts';

export interface InvitationEmail {
  subject: string;
  text: string;
  html: string;
  listUnsubscribe: { url: string };
}

export function renderInvitationEmail(input: InvitationEmailInput): InvitationEmail {
  const content = invitationContent(input);
  const subject = input.subject ? input.subject.replace(/\s+/g, ' ').trim() : content.t.subject(content.brandName);
  return {
    subject,
    text: invitationText(content),
    html: invitationHtml(content, subject),
    listUnsubscribe: { url: content.unsubscribeUrl },
  };
}

/** The plain-text part: the same message, one link per line so every client makes them clickable. */
function invitationText(c: InvitationContent): string {
  const out = [c.greeting, '', c.intro, ''];
  if (c.scale) {
    const { links, minLabel, maxLabel } = c.scale;
    out.push(c.scale.questionText, '', c.t.textChooseScore);
    links.forEach((link, i) => {
      const label = i === 0 ? minLabel : i === links.length - 1 ? maxLabel : null;
      out.push(`${link.score}${label ? ` (${label})` : ''} — ${link.url}`);
    });
    out.push('', c.t.scaleHint);
  } else {
    out.push(c.t.textOpenSurvey, c.surveyUrl);
  }
  out.push('', '-- ', c.t.whyReceived(c.brandName), c.t.textUnsubscribe(c.unsubscribeUrl), '');
  return out.join('\n');
}
