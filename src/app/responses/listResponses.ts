import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { listResponses as listRows, tenantHasSurvey, type ResponseCursor } from '../../store/repos/responses.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export const RESPONSES_PAGE_MAX = 200;

/** An opaque cursor: the position of the last item of the page, base64url. */
export const encodeCursor = (cursor: ResponseCursor) => Buffer.from(`${cursor.startedAt.toISOString()}|${cursor.id}`).toString('base64url');

function decodeCursor(value: string): ResponseCursor {
  const [at, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const startedAt = new Date(at ?? '');
  if (Number.isNaN(startedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) {
    throw new DomainError('validation', 'The cursor is not valid; start from the first page', { field: 'cursor' });
  }
  return { startedAt, id: id! };
}

/** A survey's responses, newest first, with the version each was given under. */
export async function listResponses(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string, opts: { cursor?: string | undefined; limit: number }) {
  requireTenantPermission(actor, tenantId, 'responses.read');
  if (!(await tenantHasSurvey(ctx.db, tenantId, surveyId))) throw notFound('Survey');
  const limit = Math.min(Math.max(opts.limit, 1), RESPONSES_PAGE_MAX);
  const rows = await listRows(ctx.db, tenantId, surveyId, { cursor: opts.cursor ? decodeCursor(opts.cursor) : null, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > limit && last ? encodeCursor({ startedAt: last.response.startedAt, id: last.response.id }) : null };
}
