import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { createInvitation } from '../../../app/invitations/createInvitation.ts';
import { AnswerAttributes } from '../../../domain/surveys/dimensions.ts';
import { LanguageCode } from '../../../domain/surveys/localizedText.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, problemSchema, uuid } from '../../schemas.ts';

const CHANNELS = ['web', 'email', 'sms', 'widget', 'chat', 'voice', 'operator', 'api'] as const;

const InvitationCreated = z.object({
  id: z.uuid(),
  url: z.string().describe('The personal link; add ?score=N for a one-click score'),
  token: z.string().describe('The link’s secret: shown in this response only'),
  expiresAt: z.string(),
});

export const invitationRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.post(
    '/tenants/:tenantId/surveys/:surveyId/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Make a personal survey link; a repeated externalKey answers 409 invitation.duplicate with the first invitation’s id',
        params: z.object({ tenantId: uuid, surveyId: uuid }),
        body: z.strictObject({
          contactId: uuid.optional(),
          attributes: AnswerAttributes.optional(),
          language: LanguageCode.optional(),
          channel: z.enum(CHANNELS).optional(),
          expiresInDays: z.int().min(1).max(365).optional(),
          test: z.boolean().optional().describe('A trial link for trying the live survey: its answers are marked test and never counted with real ones'),
          externalKey: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 201: InvitationCreated, ...errorResponses, 409: problemSchema.extend({ invitationId: z.uuid().optional() }) },
      },
    },
    async (req, reply) => {
      const { invitation, token, url } = await createInvitation(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, req.body);
      return reply.code(201).header('cache-control', 'no-store').send({ id: invitation.id, url, token, expiresAt: invitation.expiresAt.toISOString() });
    },
  );
};
