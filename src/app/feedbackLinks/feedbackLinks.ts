import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { Actor } from '../../domain/access.ts';
import { findFeedbackLink, insertFeedbackLink, listFeedbackLinks as listRows, setFeedbackLinkActive } from '../../store/repos/feedbackLinks.ts';
import { tenantHasSurvey } from '../../store/repos/responses.ts';
import { requireTenantPermission } from '../access.ts';
import { recordAudit } from '../audit/record.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { notFound } from '../errors.ts';

const SLUG_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o, 1/l: printed under a QR code, read by people
const SLUG_LENGTH = 12; // 60 bits: not a secret, but not to be found by counting either

export const feedbackLinkUrl = (ctx: AppContext, slug: string) => `${ctx.config.http.publicUrl}/f/${slug}`;

export async function createFeedbackLink(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  surveyId: string,
  input: { attributes?: Record<string, string> | undefined },
  meta: RequestMeta,
) {
  requireTenantPermission(actor, tenantId, 'invitations.manage');
  return ctx.db.transaction(async (tx) => {
    if (!(await tenantHasSurvey(tx, tenantId, surveyId))) throw notFound('Survey');
    const slug = Array.from({ length: SLUG_LENGTH }, () => SLUG_ALPHABET[randomInt(SLUG_ALPHABET.length)]).join('');
    const link = await insertFeedbackLink(tx, { tenantId, surveyId, slug, attributes: input.attributes ?? {} });
    await recordAudit(tx, actor, meta, { action: 'feedback_link.created', tenantId, targetType: 'feedback_link', targetId: link.id, details: { surveyId, slug } });
    return link;
  });
}

/**
 * Switches a permanent link off (a poster taken down, a widget removed) or on
 * again. Off, the link answers "not found" and stores nothing; answers already
 * given through it stay.
 */
export async function changeFeedbackLink(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string, linkId: string, active: boolean, meta: RequestMeta) {
  requireTenantPermission(actor, tenantId, 'invitations.manage');
  return ctx.db.transaction(async (tx) => {
    const link = await setFeedbackLinkActive(tx, tenantId, surveyId, linkId, active);
    if (!link) throw notFound('Feedback link');
    await recordAudit(tx, actor, meta, { action: active ? 'feedback_link.enabled' : 'feedback_link.disabled', tenantId, targetType: 'feedback_link', targetId: linkId, details: { surveyId } });
    return link;
  });
}

export async function listFeedbackLinks(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string) {
  requireTenantPermission(actor, tenantId, 'surveys.read');
  if (!(await tenantHasSurvey(ctx.db, tenantId, surveyId))) throw notFound('Survey');
  return listRows(ctx.db, tenantId, surveyId);
}

/** The link as a QR code, SVG (prints sharp at any size). Error correction M survives a crease or a smudge. */
export async function feedbackLinkQrSvg(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string, linkId: string): Promise<string> {
  requireTenantPermission(actor, tenantId, 'surveys.read');
  const link = await findFeedbackLink(ctx.db, tenantId, surveyId, linkId);
  if (!link) throw notFound('Feedback link');
  return QRCode.toString(feedbackLinkUrl(ctx, link.slug), { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
