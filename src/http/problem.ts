import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeCode, ERROR_CODES } from './errorCodes.ts';

export interface FieldError {
  path: string;
  /** For problems that have their own code (a survey's `survey.rule_loop` …). */
  code?: string;
  message: string;
}

/** RFC 9457 problem details, plus our stable `code` and the request id to quote to support. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function requestLocale(req: FastifyRequest): 'ru' | 'en' {
  const header = req.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('ru') ? 'ru' : 'en';
}

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
  opts: { detail?: string; /** A detail already in the request's language (used for Russian too). */ localizedDetail?: string; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
) {
  const known = describeCode(code) ?? ERROR_CODES.internal;
  const locale = requestLocale(req);
  const problem: Problem = {
    type: `urn:voxpop:problem:${code}`,
    title: known[locale],
    status: known.status,
    code,
    // People read `detail`: in Russian we prefer the catalogue's wording, which is translated.
    detail: opts.localizedDetail ?? (locale === 'ru' ? known.ru : (opts.detail ?? known.en)),
    instance: req.url.split('?')[0] ?? '/',
    requestId: req.id,
    ...(opts.errors ? { errors: opts.errors } : {}),
    ...opts.extra,
  };
  return reply.code(known.status).type('application/problem+json; charset=utf-8').send(problem);
}
