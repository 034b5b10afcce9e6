import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { usableAttributes } from '../../domain/surveys/dimensions.ts';
import { findContactForInvitation, findInvitationByExternalKey, findSurveyWithCurrentVersion, insertInvitation } from '../../store/repos/invitations.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { randomSecret, sha256 } from '../secrets.ts';

export const INVITATION_DEFAULT_EXPIRY_DAYS = 30;
/** 128 random bits: unguessable, and short enough for an SMS (22 characters). */
const TOKEN_BYTES = 16;
const DAY_MS = 86_400_000;

export interface CreateInvitationInput {
  contactId?: string | undefined;
  attributes?: Record<string, string> | undefined;
  language?: string | undefined;
  channel?: string | undefined;
  expiresInDays?: number | undefined;
  externalKey?: string | undefined;
  /** A trial link for the survey's author: its answers are marked and kept out of results. */
  test?: boolean | undefined;
}

export const respondentUrl = (ctx: AppContext, handle: string) => `${ctx.config.http.publicUrl}/s/${handle}`;

/**
 * Makes a personal link to the survey's current version. The token is
 * returned once and only its SHA-256 is kept. The same `externalKey` never
 * makes a second invitation: the repeat is refused with the first one's id,
 * because its token cannot be shown again.
 */
export async function createInvitation(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string, input: CreateInvitationInput) {
  requireTenantPermission(actor, tenantId, 'invitations.manage');
  return ctx.db.transaction(async (tx) => {
    const found = await findSurveyWithCurrentVersion(tx, tenantId, surveyId);
    if (!found) throw notFound('Survey');
    if (found.survey.status !== 'active' || !found.version) {
      throw new DomainError('invitation.survey_not_active', `The survey is ${found.survey.status}; launch or resume it before inviting people`);
    }
    const duplicate = (id: string) =>
      new DomainError('invitation.duplicate', 'An invitation with this externalKey exists already; its link was shown when it was made', { extra: { invitationId: id } });
    if (input.externalKey) {
      const existing = await findInvitationByExternalKey(tx, tenantId, input.externalKey);
      if (existing) throw duplicate(existing.id);
    }
    const contact = input.contactId ? await findContactForInvitation(tx, tenantId, input.contactId) : null;
    if (input.contactId && (!contact || contact.erasedAt)) {
      throw new DomainError('validation', 'There is no such contact in this organisation', { field: 'contactId' });
    }
    const definition = found.version.definition;
    const candidates = [input.language, contact?.language ?? undefined];
    const language = candidates.find((l) => l !== undefined && definition.languages.includes(l)) ?? definition.defaultLanguage;
    const token = randomSecret(TOKEN_BYTES);
    const invitation = await insertInvitation(tx, {
      tenantId,
      surveyId,
      surveyVersionId: found.version.id,
      // An anonymous survey must not be traceable back to the person through its invitation either.
      contactId: definition.anonymous ? null : (contact?.id ?? null),
      tokenHash: sha256(token),
      channel: input.channel ?? 'web',
      language,
      attributes: { ...usableAttributes(contact?.attributes ?? {}), ...(input.attributes ?? {}) },
      externalKey: input.externalKey ?? null,
      test: input.test ?? false,
      expiresAt: new Date(ctx.clock.now().getTime() + (input.expiresInDays ?? INVITATION_DEFAULT_EXPIRY_DAYS) * DAY_MS),
    });
    if (!invitation) {
      // Lost a race with a twin request carrying the same external key.
      const twin = input.externalKey ? await findInvitationByExternalKey(tx, tenantId, input.externalKey) : null;
      throw duplicate(twin?.id ?? 'unknown');
    }
    return { invitation, token, url: respondentUrl(ctx, token) };
  });
}
