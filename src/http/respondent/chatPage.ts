import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { openRespondent } from '../../app/respondent/openRespondent.ts';
import { chatText } from '../../i18n/chat.ts';
import { html, raw } from './html.ts';
import type { PublicRateLimit } from './rateLimits.ts';
import { pageLanguage } from './render.ts';
import { htmlPagesFor } from './publicRoutes.ts';

/** The page's look; the bubbles and buttons are styled by the same sheet (the script adds no styles). */
const CSS = `*{box-sizing:border-box}html,body{height:100%}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#eef1f5}main{max-width:40rem;margin:0 auto;min-height:100%;display:flex;flex-direction:column;padding:1rem .75rem}h1{font-size:1.1rem;margin:0 0 .75rem;color:#4a4a4a;font-weight:600}.log{flex:1;display:flex;flex-direction:column;gap:.5rem}.b{margin:0;max-width:85%;padding:.6rem .85rem;border-radius:1rem;white-space:pre-wrap;overflow-wrap:anywhere}.bot{align-self:flex-start;background:#fff;border-bottom-left-radius:.25rem;box-shadow:0 1px 2px rgba(0,0,0,.1)}.me{align-self:flex-end;background:#0b57d0;color:#fff;border-bottom-right-radius:.25rem}.err{align-self:stretch;background:#fdecea;border-left:4px solid #b3261e;border-radius:.25rem}.reply{position:sticky;bottom:0;background:#eef1f5;padding:.75rem 0 .25rem}.scale{display:grid;grid-template-columns:repeat(auto-fit,minmax(2.5rem,1fr));gap:.35rem}.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.85rem;color:#4a4a4a;margin-top:.3rem}.opts{display:flex;flex-wrap:wrap;gap:.4rem}button{font:inherit;font-weight:600;border-radius:.6rem;padding:.6rem .9rem;cursor:pointer;border:2px solid #0b57d0;background:#fff;color:#0b57d0;min-height:2.75rem}.scale button{padding:.55rem 0}button.primary{background:#0b57d0;color:#fff}button.link{border-color:transparent;background:none;text-decoration:underline}.row{display:flex;gap:.5rem;align-items:flex-end;margin-top:.4rem}textarea{flex:1;font:inherit;padding:.6rem;border:2px solid #767676;border-radius:.6rem;min-height:3rem;resize:vertical}label.opt{display:flex;gap:.5rem;align-items:center;padding:.3rem 0}label.opt input{width:1.2rem;height:1.2rem}:focus-visible{outline:3px solid #e8710a;outline-offset:2px}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;
const CSS_HASH = createHash('sha256').update(CSS).digest('base64');

/** Its own script from this server, its own style, JSON to this server only; never framed. */
export const CHAT_CSP = `default-src 'none'; script-src 'self'; style-src 'sha256-${CSS_HASH}'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const params = z.object({ token: z.string().max(200) });
const query = z.object({ lang: z.string().max(20).optional() });

/**
 * GET /c/:token: the same survey as a conversation. The server checks the
 * link and renders an empty chat in the respondent's language; /chat.js asks
 * the questions one by one through the public JSON API. Without JavaScript the
 * page points to the form at /s/:token.
 */
export const chatPageRoutes = (ctx: AppContext, rateLimit: PublicRateLimit): FastifyPluginAsyncZod => async (app) => {
  app.addHook('onRequest', rateLimit);
  htmlPagesFor(app, CHAT_CSP, 'chat page');

  app.get('/c/:token', { config: { auth: 'public' }, schema: { hide: true, params, querystring: query } }, async (req, reply) => {
    const respondent = await openRespondent(ctx, req.params.token);
    const lang = pageLanguage(req, respondent, req.query.lang);
    return reply.type('text/html; charset=utf-8').send(chatShell(req.params.token, lang));
  });
};

export function chatShell(token: string, lang: string): string {
  const t = chatText(lang);
  const formHref = `/s/${encodeURIComponent(token)}?lang=${encodeURIComponent(lang)}`;
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${t.title}</title><style>${raw(CSS)}</style><script src="/chat.js" defer></script></head><body><main id="voxpop-chat" data-token="${token}" data-lang="${lang}"><h1>${t.title}</h1><div class="log" role="log" aria-live="polite" aria-label="${t.log}"><p class="b bot" data-loading>${t.loading}</p></div><div class="reply"></div><noscript><p>${t.noScript} <a href="${formHref}">${t.openForm}</a></p></noscript></main></body></html>`.value;
}
