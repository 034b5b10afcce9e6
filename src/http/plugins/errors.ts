import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors.ts';
import { describeCode } from '../errorCodes.ts';
import { requestLocale, sendProblem, type FieldError } from '../problem.ts';
import { localizeValidationMessage } from '../validationMessages.ts';

/** One place turns every error into application/problem+json with a stable code. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const domainError: unknown = error;
    if (domainError instanceof DomainError) {
      const error = domainError;
      const details = (error.details ?? {}) as { errors?: FieldError[]; field?: string; retryAfterSeconds?: number; extra?: Record<string, unknown> };
      const errors = details.errors ?? (details.field ? [{ path: details.field, message: error.message }] : undefined);
      if (details.retryAfterSeconds) reply.header('retry-after', String(details.retryAfterSeconds));
      const code = describeCode(error.code) ? error.code : 'internal';
      if (code === 'internal') req.log.error({ err: error }, 'unmapped domain error code');
      // `extra` adds named members to the problem (e.g. the id of the existing resource on a conflict).
      return sendProblem(req, reply, code, { detail: error.message, ...(errors ? { errors } : {}), ...(details.extra ? { extra: details.extra } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Body fields are named as the client sent them (`email`, `memberships.0.role`);
      // the body itself, the query and the URL parameters keep their prefix.
      const locale = requestLocale(req);
      const errors = error.validation.map((v) => ({
        path: fieldPath(error.validationContext, String(v.instancePath)),
        code: v.keyword,
        message: localizeValidationMessage(v as { keyword: string; message?: string; params?: Record<string, unknown> }, locale),
      }));
      return sendProblem(req, reply, 'validation', {
        localizedDetail: `${locale === 'ru' ? 'Неверные поля' : 'Invalid'} ${errors.map((e) => e.path).join(', ')}: ${errors.map((e) => e.message).join('; ')}`,
        errors,
      });
    }
    if (error.statusCode === 429) return sendProblem(req, reply, 'rate_limited');
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(req, reply, 'internal');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: bad JSON, wrong content type, body too large.
      return sendProblem(req, reply, 'bad_request', { detail: error.message, extra: { status: error.statusCode } }).code(error.statusCode);
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, 'internal');
  });
}

function fieldPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (context === 'body' && parts.length > 0) return parts.join('.');
  return [context ?? 'request', ...parts].join('.');
}
