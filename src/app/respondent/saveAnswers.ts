import type { AnswerProblem } from '../../domain/surveys/validateAnswers.ts';
import type { Tx } from '../../store/db.ts';
import { findResponseByInvitation, insertResponse, lockResponse, replaceAnswerRows, updateResponse, type ResponseRow } from '../../store/repos/responses.ts';
import type { AppContext, RequestMeta } from '../context.ts';
import { answerRows } from './answerRows.ts';
import { responseChannel, type AnswerSurface } from './channel.ts';
import { responseHandle } from './handles.ts';
import type { Respondent } from './openRespondent.ts';
import { planSave, type SaveRequest } from './planSave.ts';
import { emitResponseEvents } from '../webhooks/emitEvent.ts';
import { cancelScheduledAttempts } from '../../store/repos/campaigns.ts';
import type { Question } from '../../domain/surveys/question.ts';

export type SaveResult =
  | { ok: false; problems: AnswerProblem[] }
  | { ok: true; response: ResponseRow; handle: string; next: Question | null; dropped: string[] };

class Refused extends Error {
  constructor(readonly problems: AnswerProblem[]) {
    super('answers refused');
  }
}

/**
 * Saves answers as the respondent goes (a partial response until the last
 * page), in one transaction: the response row, its answer rows. The first
 * save creates the response; for an anonymous survey it keeps no contact,
 * IP address or user agent.
 */
export async function saveAnswers(ctx: AppContext, respondent: Respondent, request: SaveRequest & { language: string; surface?: AnswerSurface }, meta: RequestMeta): Promise<SaveResult> {
  const { definition } = respondent.version;
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await currentResponse(tx, respondent, request, meta, ctx.clock.now());
      const plan = planSave(definition, current.answers, request);
      if (!plan.ok) throw new Refused(plan.problems);
      const now = ctx.clock.now();
      const completed = plan.complete && (plan.reachedEnd || current.status === 'completed');
      const update = {
        answers: plan.answers,
        status: completed ? 'completed' : 'partial',
        language: request.language,
        updatedAt: now,
        completedAt: completed ? (current.completedAt ?? now) : null,
      };
      await updateResponse(tx, respondent.tenantId, current.id, update);
      await replaceAnswerRows(tx, respondent.tenantId, current.id, answerRows(definition, plan.answers));
      if (completed && current.status !== 'completed') await emitResponseEvents(tx, respondent, { ...current, ...update }, now);
      const handle = respondent.handle ?? responseHandle(ctx.config.secretKey, current.id);
      return { ok: true as const, response: { ...current, ...update }, handle, next: plan.next, dropped: plan.dropped };
    });
  } catch (err) {
    if (err instanceof Refused) return { ok: false, problems: err.problems };
    throw err;
  }
}

async function currentResponse(tx: Tx, respondent: Respondent, request: { language: string; surface?: AnswerSurface }, meta: RequestMeta, now: Date): Promise<ResponseRow> {
  if (respondent.response) return (await lockResponse(tx, respondent.tenantId, respondent.response.id)) ?? respondent.response;
  const anonymous = respondent.version.definition.anonymous;
  const { invitation, feedbackLink } = respondent;
  const created = await insertResponse(tx, {
    tenantId: respondent.tenantId,
    surveyId: respondent.surveyId,
    surveyVersionId: respondent.version.id,
    invitationId: invitation?.id ?? null,
    feedbackLinkId: feedbackLink?.id ?? null,
    contactId: anonymous ? null : (invitation?.contactId ?? null),
    anonymous,
    test: invitation?.test ?? false,
    channel: responseChannel(invitation?.channel, request.surface),
    language: request.language,
    attributes: invitation?.attributes ?? feedbackLink?.attributes ?? {},
    ip: anonymous ? null : meta.ip,
    userAgent: anonymous ? null : meta.userAgent,
    startedAt: now,
    updatedAt: now,
  });
  if (created) {
    // An answer stops the campaign's chain for this person: nothing still waiting is sent.
    if (invitation) await cancelScheduledAttempts(tx, { invitationId: invitation.id }, 'answered', now);
    return created;
  }
  // Two first saves raced (two tabs): the other made the response; continue on it.
  const existing = await findResponseByInvitation(tx, respondent.tenantId, invitation!.id);
  return (await lockResponse(tx, respondent.tenantId, existing!.id))!;
}
