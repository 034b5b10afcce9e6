import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeUnsubscribe, unsubscribeByToken } from '../../app/campaigns/unsubscribe.ts';
import type { AppContext } from '../../app/context.ts';
import { html } from './html.ts';
import { layout, RESPONDENT_CSP } from './layout.ts';
import type { PublicRateLimit } from './rateLimits.ts';
import { htmlPagesFor } from './publicRoutes.ts';

const TEXT = {
  ru: {
    title: 'Отписаться от опросов',
    ask: (email: string | null) => (email ? `Больше не присылать приглашения к опросам на ${email}?` : 'Больше не присылать приглашения к опросам?'),
    button: 'Отписаться',
    doneTitle: 'Вы отписаны',
    done: 'Мы больше не будем присылать вам приглашения к опросам на этот адрес.',
  },
  en: {
    title: 'Unsubscribe from surveys',
    ask: (email: string | null) => (email ? `Stop sending survey invitations to ${email}?` : 'Stop sending survey invitations?'),
    button: 'Unsubscribe',
    doneTitle: 'You are unsubscribed',
    done: 'We will not send survey invitations to this address again.',
  },
};
const textFor = (lang: string) => (lang === 'en' ? TEXT.en : TEXT.ru);
const params = z.object({ token: z.string().max(120) });

/**
 * `/u/:token`, the target of the email's List-Unsubscribe header and its
 * footer link. GET asks (link scanners only GET, so a GET changes nothing);
 * POST unsubscribes — from the page's button or from the mail client's
 * one-click POST (RFC 8058, body `List-Unsubscribe=One-Click`).
 */
export const unsubscribeRoutes = (ctx: AppContext, rateLimit: PublicRateLimit): FastifyPluginAsyncZod => async (app) => {
  app.addContentTypeParser(['application/x-www-form-urlencoded', 'multipart/form-data'], { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => done(null, String(body)));
  app.addHook('onRequest', rateLimit);
  htmlPagesFor(app, RESPONDENT_CSP, 'unsubscribe page');

  app.get('/u/:token', { config: { auth: 'public' }, schema: { hide: true, params } }, async (req, reply) => {
    const { language, maskedEmail } = await describeUnsubscribe(ctx, req.params.token);
    const t = textFor(language);
    const body = html`<h1>${t.title}</h1><p>${t.ask(maskedEmail)}</p><form method="post" action="/u/${req.params.token}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${t.button}</button></form>`;
    return reply.type('text/html; charset=utf-8').send(layout({ lang: language === 'en' ? 'en' : 'ru', title: t.title, body }));
  });

  app.post('/u/:token', { config: { auth: 'public' }, schema: { hide: true, params } }, async (req, reply) => {
    const { language } = await unsubscribeByToken(ctx, req.params.token);
    const t = textFor(language);
    return reply.type('text/html; charset=utf-8').send(layout({ lang: language === 'en' ? 'en' : 'ru', title: t.doneTitle, body: html`<h1>${t.doneTitle}</h1><p>${t.done}</p>` }));
  });
};
