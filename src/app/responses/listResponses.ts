import type { Actor } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { ANONYMOUS_GROUP_MIN, dayOf, visibleAnonymousAttributes } from '../../domain/surveys/anonymity.ts';
import { anonymousGroupSizes, findResponseById, listResponses as listRows, tenantHasSurvey, type ResponseCursor, type ResponseRow } from '../../store/repos/responses.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export const RESPONSES_PAGE_MAX = 200;

/**
 * An opaque cursor: the id of the last item of the page. Only the id, so the
 * cursor never carries an anonymous answer's exact time; the position is
 * looked up again (within the tenant) on the next call.
 */
export const encodeCursor = (cursor: Pick<ResponseCursor, 'id'>) => Buffer.from(cursor.id).toString('base64url');

async function decodeCursor(ctx: AppContext, tenantId: string, value: string): Promise<ResponseCursor> {
  const id = Buffer.from(value, 'base64url').toString('utf8');
  const row = /^[0-9a-f-]{36}$/.test(id) ? await findResponseById(ctx.db, id) : null;
  if (!row || row.tenantId !== tenantId) throw new DomainError('validation', 'The cursor is not valid; start from the first page', { field: 'cursor' });
  return { startedAt: row.startedAt, id };
}

export interface ListedResponse {
  response: ResponseRow;
  surveyVersion: number;
  /** Dimension keys withheld from an anonymous answer because their group is smaller than ANONYMOUS_GROUP_MIN. */
  withheldAttributes: string[];
}

/** A survey's responses, newest first, with the version each was given under. */
export async function listResponses(ctx: AppContext, actor: Actor, tenantId: string, surveyId: string, opts: { cursor?: string | undefined; limit: number }) {
  requireTenantPermission(actor, tenantId, 'responses.read');
  if (!(await tenantHasSurvey(ctx.db, tenantId, surveyId))) throw notFound('Survey');
  const limit = Math.min(Math.max(opts.limit, 1), RESPONSES_PAGE_MAX);
  const rows = await listRows(ctx.db, tenantId, surveyId, { cursor: opts.cursor ? await decodeCursor(ctx, tenantId, opts.cursor) : null, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(last.response) : null;
  if (!page.some((row) => row.response.anonymous)) return { items: page.map((row) => ({ ...row, withheldAttributes: [] })), nextCursor, anonymousWithheld: 0 };

  // Anonymous answers: nothing while fewer than the minimum exist; then small groups' values withheld and times cut to the day.
  const sizes = await anonymousGroupSizes(ctx.db, tenantId, surveyId);
  const items: ListedResponse[] = [];
  let anonymousWithheld = 0;
  for (const row of page) {
    if (!row.response.anonymous) items.push({ ...row, withheldAttributes: [] });
    else if (sizes.total < ANONYMOUS_GROUP_MIN) anonymousWithheld += 1;
    else {
      const { attributes, withheld } = visibleAnonymousAttributes(row.response.attributes, sizes);
      const r = row.response;
      const coarse = { ...r, attributes, startedAt: dayOf(r.startedAt), updatedAt: dayOf(r.updatedAt), completedAt: r.completedAt && dayOf(r.completedAt) };
      items.push({ response: coarse, surveyVersion: row.surveyVersion, withheldAttributes: withheld });
    }
  }
  return { items, nextCursor, anonymousWithheld };
}
