import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { openRespondent, RESPONDENT_ERROR_CODES } from '../../app/respondent/openRespondent.ts';
import { ANSWER_SURFACES } from '../../app/respondent/channel.ts';
import { saveAnswers } from '../../app/respondent/saveAnswers.ts';
import { DomainError } from '../../domain/errors.ts';
import { requestMeta } from '../plugins/auth.ts';
import { presentState, presentSurvey, PublicResponseState, PublicSurveyView } from './publicPresent.ts';
import type { PublicRateLimit } from './rateLimits.ts';
import { pageLanguage } from './render.ts';
import { allowAnyOrigin, publicErrors, publicRoute, publicTags } from './publicRoutes.ts';

const params = z.object({ token: z.string().min(1).max(200) });
const errors = publicErrors;
const tags = publicTags;

/**
 * The answer API the website widget and the chat page use: the same
 * definition and the same validation as the pages. Any origin may call it
 * (CORS), with no cookies: the link's token is the only credential.
 */
export const publicApiRoutes = (ctx: AppContext, rateLimit: PublicRateLimit): FastifyPluginAsyncZod => async (app) => {
  app.addHook('onRequest', rateLimit);
  allowAnyOrigin(app, ['/s/:token', '/s/:token/answers'], params);

  app.get(
    '/s/:token',
    {
      config: publicRoute,
      schema: {
        tags,
        security: [],
        summary: 'The survey behind a link, in the respondent’s language, with the answers given so far',
        params,
        querystring: z.object({ lang: z.string().max(20).optional() }),
        response: { 200: PublicSurveyView, ...errors },
      },
    },
    async (req) => {
      const respondent = await openRespondent(ctx, req.params.token);
      return presentSurvey(respondent, pageLanguage(req, respondent, req.query.lang));
    },
  );

  app.post(
    '/s/:token/answers',
    {
      config: publicRoute,
      schema: {
        tags,
        security: [],
        summary: 'Save answers (some or all); `final` says the respondent is done',
        params,
        body: z.strictObject({
          answers: z.record(z.string().max(64), z.unknown()),
          final: z.boolean().optional(),
          language: z.string().max(20).optional(),
          channel: z.enum(ANSWER_SURFACES).optional().describe('The screen answering (web, widget, chat): the channel of a response this call starts'),
        }),
        response: { 200: PublicResponseState, ...errors },
      },
    },
    async (req) => {
      const respondent = await openRespondent(ctx, req.params.token);
      const language = pageLanguage(req, respondent, req.body.language);
      const saved = await saveAnswers(ctx, respondent, { given: req.body.answers, final: req.body.final ?? false, language, surface: req.body.channel }, requestMeta(req));
      if (!saved.ok) {
        const problems = saved.problems.map((p) => ({ path: `answers.${p.questionId}`, code: p.code, message: p.message }));
        throw new DomainError(RESPONDENT_ERROR_CODES.invalidAnswers, problems.map((p) => `${p.path}: ${p.message}`).join('; '), { errors: problems });
      }
      return presentState(respondent, saved.response.answers, saved.response.status, { dropped: saved.dropped, handle: saved.handle });
    },
  );
};
