/**
 * The HTML part of an invitation email. Email clients are not browsers: Outlook for Windows
 * renders with Word and Gmail strips <style> in many cases, so the layout is nested tables with
 * inline styles only, no external CSS, images, fonts or scripts, and no media queries to rely on.
 *
 * The score row is one row of equal, fluid cells (`table-layout:fixed`, percentage widths)
 * rather than two rows: splitting 0–10 across lines breaks the scale into two visual groups
 * and is known to shift answers, while one fluid row still fits a 320 px screen (≈ 23 px per
 * cell for 11 scores, enough for "10" at 15 px) without a media query Outlook would ignore.
 * Every button is 44 px tall. All cells share the brand colour: red-to-green scales nudge scores.
 */
import type { InvitationContent, ScaleBlock } from './content.ts';
import { Markup, markup } from './markup.ts';

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const PAGE_BACKGROUND = '#f4f4f5';
const BUTTON_HEIGHT_PX = 44;
const MUTED = '#52525b';
/** Outlook for Windows ignores max-width; a fixed 600 px table inside a conditional comment holds it. */
const MSO_OPEN = new Markup('<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->');
const MSO_CLOSE = new Markup('<!--[if mso]></td></tr></table><![endif]-->');

export function invitationHtml(c: InvitationContent, subject: string): string {
  const align = c.dir === 'rtl' ? 'right' : 'left';
  const body = markup`<!DOCTYPE html>
<html lang="${c.lang}" dir="${c.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background-color:${PAGE_BACKGROUND};">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;color:${PAGE_BACKGROUND};">${c.preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${PAGE_BACKGROUND};">
<tr><td align="center" style="padding:24px 8px;">
${MSO_OPEN}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${c.dir}" style="max-width:600px;background-color:#ffffff;border-radius:8px;">
<tr><td align="${align}" style="padding:20px 12px 0;${FONT}font-size:18px;font-weight:bold;color:#18181b;">${c.brandName}</td></tr>
<tr><td align="${align}" style="padding:16px 12px 0;${FONT}font-size:16px;line-height:24px;color:#18181b;">${c.greeting}<br><br>${c.intro}</td></tr>
<tr><td align="${align}" style="padding:20px 12px 8px;">${c.scale ? scaleRow(c, c.scale, align) : answerButton(c)}</td></tr>
<tr><td align="${align}" style="padding:24px 12px 20px;${FONT}font-size:12px;line-height:18px;color:${MUTED};border-top:1px solid #e4e4e7;">${c.t.whyReceived(c.brandName)}<br><a href="${c.unsubscribeUrl}" style="color:${MUTED};text-decoration:underline;">${c.t.unsubscribe}</a></td></tr>
</table>${MSO_CLOSE}
</td></tr>
</table>
</body>
</html>
`;
  return body.value;
}

function scaleRow(c: InvitationContent, scale: ScaleBlock, align: string): Markup {
  const cellWidth = `${Math.floor(100 / scale.links.length)}%`;
  const cells = scale.links.map(
    (link) =>
      markup`<td width="${cellWidth}" height="${BUTTON_HEIGHT_PX}" align="center" valign="middle" bgcolor="${c.colour}" style="background-color:${c.colour};border-radius:4px;"><a href="${link.url}" title="${c.t.scoreTitle(link.score, scale.scoreMax)}" style="display:block;line-height:${BUTTON_HEIGHT_PX}px;${FONT}font-size:15px;font-weight:bold;color:${c.onColour};text-decoration:none;">${link.score}</a></td>`,
  );
  const far = align === 'left' ? 'right' : 'left';
  return markup`<div style="${FONT}font-size:17px;line-height:24px;font-weight:bold;color:#18181b;padding-bottom:12px;">${lines(scale.questionText)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="2" border="0" style="table-layout:fixed;"><tr>${cells}</tr></table>
${(scale.minLabel || scale.maxLabel) && markup`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="${align}" valign="top" style="padding:4px 2px 0;${FONT}font-size:12px;line-height:16px;color:${MUTED};">${scale.minLabel}</td><td align="${far}" valign="top" style="padding:4px 2px 0;${FONT}font-size:12px;line-height:16px;color:${MUTED};">${scale.maxLabel}</td></tr></table>`}
<div style="${FONT}font-size:13px;line-height:18px;color:${MUTED};padding-top:12px;">${c.t.scaleHint}</div>`;
}

/** A "bulletproof" button: the coloured cell carries the size, so Outlook still draws it. */
function answerButton(c: InvitationContent): Markup {
  return markup`<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td height="${BUTTON_HEIGHT_PX + 4}" align="center" valign="middle" bgcolor="${c.colour}" style="background-color:${c.colour};border-radius:6px;"><a href="${c.surveyUrl}" style="display:inline-block;padding:0 28px;line-height:${BUTTON_HEIGHT_PX + 4}px;${FONT}font-size:16px;font-weight:bold;color:${c.onColour};text-decoration:none;">${c.t.answerButton}</a></td></tr></table>`;
}

/** Survey text may hold line breaks; each becomes <br> after escaping. */
function lines(text: string): Markup[] {
  return text.split(/\r?\n/).map((line, i) => (i === 0 ? markup`${line}` : markup`<br>${line}`));
}
