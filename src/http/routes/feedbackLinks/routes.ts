import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { changeFeedbackLink, createFeedbackLink, feedbackLinkQrSvg, feedbackLinkUrl, listFeedbackLinks } from '../../../app/feedbackLinks/feedbackLinks.ts';
import { AnswerAttributes } from '../../../domain/surveys/dimensions.ts';
import type { FeedbackLinkRow } from '../../../store/repos/feedbackLinks.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';

const FeedbackLinkView = z.object({
  id: z.uuid(),
  surveyId: z.uuid(),
  slug: z.string(),
  url: z.string(),
  qrUrl: z.string().describe('The QR code of `url`, as SVG (needs the same sign-in)'),
  attributes: z.record(z.string(), z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
const params = z.object({ tenantId: uuid, surveyId: uuid });
const tags = ['feedback links'];

export const feedbackLinkRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const present = (link: FeedbackLinkRow): z.infer<typeof FeedbackLinkView> => ({
    id: link.id,
    surveyId: link.surveyId,
    slug: link.slug,
    url: feedbackLinkUrl(ctx, link.slug),
    qrUrl: `/api/v1/tenants/${link.tenantId}/surveys/${link.surveyId}/feedback-links/${link.id}/qr.svg`,
    attributes: link.attributes,
    active: link.active,
    createdAt: link.createdAt.toISOString(),
  });

  app.get(
    '/tenants/:tenantId/surveys/:surveyId/feedback-links',
    { schema: { tags, summary: 'Permanent public links to a survey', params, response: { 200: z.object({ items: z.array(FeedbackLinkView) }), ...errorResponses } } },
    async (req) => ({ items: (await listFeedbackLinks(ctx, actorOf(req), req.params.tenantId, req.params.surveyId)).map(present) }),
  );

  app.post(
    '/tenants/:tenantId/surveys/:surveyId/feedback-links',
    {
      schema: {
        tags,
        summary: 'Make a permanent public link (print it as a QR code); its attributes go with every answer',
        params,
        body: z.strictObject({ attributes: AnswerAttributes.optional() }),
        response: { 201: FeedbackLinkView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(present(await createFeedbackLink(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, req.body, requestMeta(req)))),
  );

  app.patch(
    '/tenants/:tenantId/surveys/:surveyId/feedback-links/:linkId',
    {
      schema: {
        tags,
        summary: 'Switch a permanent link off or on again (off: it answers "not found"; answers given stay)',
        params: params.extend({ linkId: uuid }),
        body: z.strictObject({ active: z.boolean() }),
        response: { 200: FeedbackLinkView, ...errorResponses },
      },
    },
    async (req) =>
      present(await changeFeedbackLink(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, req.params.linkId, req.body.active, requestMeta(req))),
  );

  app.get(
    '/tenants/:tenantId/surveys/:surveyId/feedback-links/:linkId/qr.svg',
    {
      schema: {
        tags,
        summary: 'The link as a printable QR code (image/svg+xml)',
        params: params.extend({ linkId: uuid }),
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const svg = await feedbackLinkQrSvg(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, req.params.linkId);
      return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(svg);
    },
  );
};
