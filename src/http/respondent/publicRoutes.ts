import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { problemSchema } from '../schemas.ts';
import { errorPage, fallbackLanguage } from './render.ts';

/** What the public JSON routes (widget, chat) share: their error shapes, tag and auth mode. */
export const answerProblems = problemSchema.extend({
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
});
export const publicErrors = { 400: answerProblems, 404: problemSchema, 410: problemSchema, 429: problemSchema };
export const publicTags = ['respondent (public)'];
export const publicRoute = { auth: 'public' as const };

/** Any origin may call the public JSON API (the widget runs on clients' websites); no cookies are involved. */
export function allowAnyOrigin(app: FastifyInstance, paths: readonly string[], params: z.ZodType) {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-allow-headers', 'content-type');
    reply.header('access-control-max-age', '600');
    reply.header('cache-control', 'no-store');
  });
  for (const path of paths) app.options(path, { config: publicRoute, schema: { hide: true, params } }, async (_req, reply) => reply.code(204).send());
}

/**
 * Respondent-facing HTML routes: a strict CSP, never cached, and every error
 * as a friendly page in the respondent's language (not a JSON problem).
 */
export function htmlPagesFor(app: FastifyInstance, csp: string, what: string) {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', csp);
    reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const thrown: unknown = error;
    const domain = thrown instanceof DomainError ? thrown : null;
    const details = (domain?.details ?? {}) as { language?: string | null; retryAfterSeconds?: number };
    const code = domain?.code ?? (error.statusCode === 429 ? 'rate_limited' : error.validation ? 'not_found' : 'internal');
    if (code === 'internal') req.log.error({ err: error }, `${what} failed`);
    if (details.retryAfterSeconds) reply.header('retry-after', String(details.retryAfterSeconds));
    const { status, body } = errorPage(code, fallbackLanguage(req, details.language ?? (req.query as { lang?: string } | undefined)?.lang));
    return reply.code(status).type('text/html; charset=utf-8').send(body);
  });
}
