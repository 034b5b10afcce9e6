import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANSWER_SURFACES } from '../../app/respondent/channel.ts';
import type { AppContext } from '../../app/context.ts';
import { openFeedbackLink, RESPONDENT_ERROR_CODES } from '../../app/respondent/openRespondent.ts';
import { saveAnswers } from '../../app/respondent/saveAnswers.ts';
import { DomainError } from '../../domain/errors.ts';
import { requestMeta } from '../plugins/auth.ts';
import { presentState, presentSurvey, PublicResponseState, PublicSurveyView } from './publicPresent.ts';
import type { PublicRateLimit } from './rateLimits.ts';
import { pageLanguage } from './render.ts';
import { allowAnyOrigin, publicErrors, publicRoute, publicTags } from './publicRoutes.ts';

const params = z.object({ slug: z.string().min(1).max(60) });
const errors = publicErrors;
const tags = publicTags;

export const StartedResponse = PublicResponseState.extend({
  token: z.string().describe('The signed handle of the new response: use it as :token in /s/{token} and /s/{token}/answers'),
});

/**
 * A public feedback link, for the widget and the chat page: read the survey
 * without storing anything, then start a response with the first answers.
 * Nothing is stored for a visitor who only looks (a widget shown and closed
 * is not a response), exactly like the /f/:slug page.
 */
export const feedbackStartApiRoutes = (ctx: AppContext, rateLimit: PublicRateLimit): FastifyPluginAsyncZod => async (app) => {
  app.addHook('onRequest', rateLimit);
  allowAnyOrigin(app, ['/f/:slug', '/f/:slug/responses'], params);

  app.get(
    '/f/:slug',
    {
      config: publicRoute,
      schema: {
        tags,
        security: [],
        summary: 'The survey behind a public feedback link, in the visitor’s language; stores nothing',
        params,
        querystring: z.object({ lang: z.string().max(20).optional() }),
        response: { 200: PublicSurveyView, ...errors },
      },
    },
    async (req) => {
      const respondent = await openFeedbackLink(ctx, req.params.slug);
      return presentSurvey(respondent, pageLanguage(req, respondent, req.query.lang));
    },
  );

  app.post(
    '/f/:slug/responses',
    {
      config: publicRoute,
      schema: {
        tags,
        security: [],
        summary: 'Start a response on a public feedback link with its first answers; continue with the returned token',
        params,
        body: z.strictObject({
          answers: z.record(z.string().max(64), z.unknown()).refine((a) => Object.keys(a).length > 0, 'give at least one answer: a response starts with one'),
          final: z.boolean().optional(),
          language: z.string().max(20).optional(),
          channel: z.enum(ANSWER_SURFACES).optional().describe('The screen answering: the channel the response is recorded under (default web)'),
        }),
        response: { 201: StartedResponse, ...errors },
      },
    },
    async (req, reply) => {
      const respondent = await openFeedbackLink(ctx, req.params.slug);
      const language = pageLanguage(req, respondent, req.body.language);
      const request = { given: req.body.answers, final: req.body.final ?? false, language, surface: req.body.channel };
      const saved = await saveAnswers(ctx, respondent, request, requestMeta(req));
      if (!saved.ok) {
        const problems = saved.problems.map((p) => ({ path: `answers.${p.questionId}`, code: p.code, message: p.message }));
        throw new DomainError(RESPONDENT_ERROR_CODES.invalidAnswers, problems.map((p) => `${p.path}: ${p.message}`).join('; '), { errors: problems });
      }
      const state = presentState(respondent, saved.response.answers, saved.response.status, { dropped: saved.dropped, handle: saved.handle });
      return reply.code(201).send({ ...state, token: saved.handle });
    },
  );
};
