import { DomainError } from '../../domain/errors.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import type { FeedbackLinkRow } from '../../store/repos/feedbackLinks.ts';
import { findFeedbackLinkBySlug } from '../../store/repos/feedbackLinks.ts';
import { findInvitationByTokenHash, markInvitationOpened, findSurveyVersion, findSurveyWithCurrentVersion, type InvitationRow, type SurveyRow, type SurveyVersionRow } from '../../store/repos/invitations.ts';
import { findResponseById, findResponseByInvitation, type ResponseRow } from '../../store/repos/responses.ts';
import type { AppContext } from '../context.ts';
import { sha256 } from '../secrets.ts';
import { isResponseHandle, readResponseHandle } from './handles.ts';

export const RESPONDENT_ERROR_CODES = {
  notFound: 'not_found',
  expired: 'respondent.link_expired',
  paused: 'respondent.survey_paused',
  closed: 'respondent.survey_closed',
  invalidAnswers: 'respondent.invalid_answers',
} as const;

/** Everything a respondent page or the public API needs to know about the person's place in a survey. */
export interface Respondent {
  /** The token or signed handle in the link; null while a feedback link's first page is not yet sent. */
  handle: string | null;
  tenantId: string;
  surveyId: string;
  version: { id: string; number: number; definition: SurveyDefinition };
  invitation: InvitationRow | null;
  feedbackLink: FeedbackLinkRow | null;
  response: ResponseRow | null;
}

const linkNotFound = () => new DomainError(RESPONDENT_ERROR_CODES.notFound, 'This survey link does not exist');

/** `language` rides along so the page saying "closed" speaks the respondent's language. */
function assertAccepting(survey: SurveyRow, language: string | null) {
  const details = { language };
  if (survey.status === 'paused') throw new DomainError(RESPONDENT_ERROR_CODES.paused, 'This survey is paused for now', details);
  if (survey.status !== 'active' || survey.archivedAt) throw new DomainError(RESPONDENT_ERROR_CODES.closed, 'This survey is closed', details);
}

const versionOf = (row: SurveyVersionRow) => ({ id: row.id, number: row.version, definition: row.definition });

/** Resolves an invitation token or a feedback response handle; throws not_found, link_expired, survey_paused or survey_closed. */
export async function openRespondent(ctx: AppContext, handle: string): Promise<Respondent> {
  if (isResponseHandle(handle)) return openFeedbackResponse(ctx, handle);
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(handle)) throw linkNotFound();
  const found = await findInvitationByTokenHash(ctx.db, sha256(handle));
  if (!found) throw linkNotFound();
  const { invitation, survey, version } = found;
  if (invitation.expiresAt <= ctx.clock.now()) {
    throw new DomainError(RESPONDENT_ERROR_CODES.expired, 'This survey link has expired', { language: invitation.language });
  }
  assertAccepting(survey, invitation.language);
  const response = await findResponseByInvitation(ctx.db, invitation.tenantId, invitation.id);
  // The campaign funnel's "opened": the first time the link is followed.
  if (!invitation.openedAt && !invitation.test) await markInvitationOpened(ctx.db, invitation.id, ctx.clock.now());
  return { handle, tenantId: invitation.tenantId, surveyId: survey.id, version: versionOf(version), invitation, feedbackLink: null, response };
}

async function openFeedbackResponse(ctx: AppContext, handle: string): Promise<Respondent> {
  const responseId = readResponseHandle(ctx.config.secretKey, handle);
  const response = responseId ? await findResponseById(ctx.db, responseId) : null;
  if (!response || !response.feedbackLinkId) throw linkNotFound();
  const found = await findSurveyWithCurrentVersion(ctx.db, response.tenantId, response.surveyId);
  if (!found) throw new DomainError(RESPONDENT_ERROR_CODES.closed, 'This survey is closed', { language: response.language });
  assertAccepting(found.survey, response.language);
  const version = await findSurveyVersion(ctx.db, response.tenantId, response.surveyVersionId);
  if (!version) throw linkNotFound();
  return { handle, tenantId: response.tenantId, surveyId: response.surveyId, version: versionOf(version), invitation: null, feedbackLink: null, response };
}

/** A permanent public feedback link: answers go to the survey's current version. Nothing is stored until the first page is sent. */
export async function openFeedbackLink(ctx: AppContext, slug: string): Promise<Respondent> {
  const found = /^[a-z0-9]{6,40}$/.test(slug) ? await findFeedbackLinkBySlug(ctx.db, slug) : null;
  if (!found || !found.link.active) throw linkNotFound();
  assertAccepting(found.survey, null);
  if (!found.version) throw new DomainError(RESPONDENT_ERROR_CODES.closed, 'This survey is closed', { language: null });
  return {
    handle: null,
    tenantId: found.link.tenantId,
    surveyId: found.survey.id,
    version: versionOf(found.version),
    invitation: null,
    feedbackLink: found.link,
    response: null,
  };
}
