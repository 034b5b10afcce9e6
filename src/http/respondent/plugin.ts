import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { checkPageToken } from '../../app/respondent/handles.ts';
import { openFeedbackLink, openRespondent, type Respondent } from '../../app/respondent/openRespondent.ts';
import { saveAnswers } from '../../app/respondent/saveAnswers.ts';
import type { Answers } from '../../domain/surveys/answer.ts';
import { progressAt } from '../../domain/surveys/respondentFlow.ts';
import { uiText } from '../../i18n/respondent.ts';
import { requestMeta } from '../plugins/auth.ts';
import { field, FORM_BODY_LIMIT, pageAnswers, parseForm, postedPage, type FormBody } from './form.ts';
import { RESPONDENT_CSP } from './layout.ts';
import { thanksPage } from './pages.ts';
import type { PublicRateLimit } from './rateLimits.ts';
import { pageLanguage, renderScreen, tokenKey, withQuery } from './render.ts';
import { htmlPagesFor } from './publicRoutes.ts';
import { screenFor, type Screen } from './screens.ts';

const pageQuery = z.object({
  score: z.string().max(8).optional(),
  q: z.string().max(64).optional(),
  done: z.string().max(8).optional(),
  lang: z.string().max(20).optional(),
});
const tokenParams = z.object({ token: z.string().max(200) });
const slugParams = z.object({ slug: z.string().max(60) });
const page = { auth: 'public' as const };

/**
 * The respondent's pages, server-rendered: no script, forms posting back
 * (POST → 303 → GET), one page per question (a one-click score brings its
 * follow-up along). GET never records anything: link scanners only GET.
 */
export const respondentPages = (ctx: AppContext, rateLimit: PublicRateLimit): FastifyPluginAsyncZod => async (app) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) =>
    done(null, parseForm(String(body))),
  );
  app.addHook('onRequest', rateLimit);
  htmlPagesFor(app, RESPONDENT_CSP, 'respondent page');

  const show = (req: FastifyRequest, reply: FastifyReply, respondent: Respondent, query: z.infer<typeof pageQuery>) => {
    const lang = pageLanguage(req, respondent, query.lang);
    const response = respondent.response;
    const screen = screenFor(respondent.version.definition, response?.answers ?? null, response?.status === 'completed', query);
    return reply.type('text/html; charset=utf-8').send(renderScreen(respondent, screen, { lang, query: { ...query, lang: undefined } }));
  };

  app.get('/s/:token', { config: page, schema: { hide: true, params: tokenParams, querystring: pageQuery } }, async (req, reply) =>
    show(req, reply, await openRespondent(ctx, req.params.token), req.query),
  );
  app.post('/s/:token', { config: page, schema: { hide: true, params: tokenParams } }, async (req, reply) =>
    submit(req, reply, await openRespondent(ctx, req.params.token)),
  );
  app.get('/f/:slug', { config: page, schema: { hide: true, params: slugParams, querystring: pageQuery } }, async (req, reply) =>
    show(req, reply, await openFeedbackLink(ctx, req.params.slug), req.query),
  );
  app.post('/f/:slug', { config: page, schema: { hide: true, params: slugParams } }, async (req, reply) =>
    submit(req, reply, await openFeedbackLink(ctx, req.params.slug)),
  );

  async function submit(req: FastifyRequest, reply: FastifyReply, respondent: Respondent) {
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as FormBody;
    const lang = pageLanguage(req, respondent, field(body, 'lang'));
    const { definition } = respondent.version;
    const html = (status: number, markup: string) => reply.code(status).type('text/html; charset=utf-8').send(markup);
    // A bot filled the field people cannot see: it gets a thank-you and nothing is kept.
    if (field(body, 'website')) {
      req.log.info({ honeypot: true }, 'discarded a respondent form filled in by a bot');
      return html(200, thanksPage({ lang, definition, hrefFor: () => '', changeHref: null }));
    }
    const questions = postedPage(definition, body);
    const stored = respondent.response?.answers ?? {};
    if (!questions || !checkPageToken(tokenKey(respondent), questions.map((q) => q.id), field(body, '_token') ?? '')) {
      const screen = screenFor(definition, respondent.response?.answers ?? null, respondent.response?.status === 'completed', {});
      return html(403, renderScreen(respondent, screen, { lang, query: {}, notice: uiText(lang).staleForm }));
    }
    const given = pageAnswers(questions, body);
    const saved = await saveAnswers(ctx, respondent, { given, pageIds: questions.map((q) => q.id), language: lang }, requestMeta(req));
    if (!saved.ok) {
      const values = { ...stored, ...given } as Answers;
      const screen: Screen = { kind: 'questions', questions, values, progress: progressAt(definition, values, questions[0]!) };
      return html(400, renderScreen(respondent, screen, { lang, query: {}, problems: saved.problems }));
    }
    const path = `/s/${saved.handle}`;
    return reply.redirect(saved.next ? withQuery(path, { q: saved.next.id, lang }) : withQuery(path, { done: '1', lang }), 303);
  }
};
