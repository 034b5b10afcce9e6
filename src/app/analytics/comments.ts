import type { Actor } from '../../domain/access.ts';
import { isIsoDate } from '../../domain/analytics/period.ts';
import { DomainError } from '../../domain/errors.ts';
import { compareNpsResults, npsFromCounts, type NpsResult } from '../../domain/metrics/index.ts';
import { ANONYMOUS_GROUP_MIN, dayOf, visibleAnonymousAttributes, type AnonymousGroupSizes } from '../../domain/surveys/anonymity.ts';
import { commentPosition, listComments, topicNpsCounts, type CommentFilter, type CommentRow, type SentimentFilter } from '../../store/repos/comments.ts';
import { anonymousGroupSizes, tenantHasSurvey } from '../../store/repos/responses.ts';
import { requireTenantPermission } from '../access.ts';
import type { Queryable } from '../../store/db.ts';
import type { AppContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { loadCommentEngine } from './commentEngine.ts';

export const COMMENTS_PAGE_MAX = 200;

/** The explorer's filters, as the API takes them: the repository's filter without the tenant, which the route gives. */
export type CommentQuery = Omit<CommentFilter, 'tenantId' | 'answerId'>;

export interface ListedComment {
  answerId: number;
  surveyId: string;
  /** Null for an anonymous survey: nothing that points at the response or the person. */
  responseId: string | null;
  contactId: string | null;
  anonymous: boolean;
  channel: string;
  attributes: Record<string, string>;
  withheldAttributes: string[];
  /** Cut to the day for an anonymous survey. */
  completedAt: Date;
  language: string;
  text: string;
  topics: string[];
  topicPolarity: Record<string, SentimentFilter>;
  npsScore: number | null;
  sentimentScore: number;
  sentimentLabel: SentimentFilter;
  finalLabel: SentimentFilter;
  disagreement: boolean;
  corrected: boolean;
}

const encodeCursor = (answerId: number) => Buffer.from(String(answerId)).toString('base64url');

async function decodeCursor(ctx: AppContext, tenantId: string, value: string) {
  const raw = Buffer.from(value, 'base64url').toString('utf8');
  const position = /^\d{1,18}$/.test(raw) ? await commentPosition(ctx.db, tenantId, Number(raw)) : null;
  if (!position) throw new DomainError('validation', 'The cursor is not valid; start from the first page', { field: 'cursor' });
  return position;
}

async function checkedFilter(ctx: AppContext, tenantId: string, query: CommentQuery): Promise<CommentFilter> {
  if ((query.dimension === undefined) !== (query.value === undefined)) {
    throw invalid('validation', 'Give both a dimension and its value, or neither', { field: 'dimension' });
  }
  for (const field of ['from', 'to'] as const) {
    const v = query[field];
    if (v !== undefined && !isIsoDate(v)) throw invalid('validation', 'Dates must be given as YYYY-MM-DD', { field });
  }
  if (query.from && query.to && query.from > query.to) throw invalid('validation', 'The period ends before it starts', { field: 'to' });
  if (query.scoreMin !== undefined && query.scoreMax !== undefined && query.scoreMin > query.scoreMax) {
    throw invalid('validation', 'scoreMin is greater than scoreMax', { field: 'scoreMin' });
  }
  if (query.surveyId && !(await tenantHasSurvey(ctx.db, tenantId, query.surveyId))) throw notFound('Survey');
  const q = query.q?.trim();
  return { ...query, q: q ? q : undefined, tenantId };
}

/**
 * The comment explorer: analysed open-text answers of completed, non-test
 * responses, newest first, by full-text search (each comment in its own
 * language's configuration), topic, sentiment, score, dimension and period.
 * Anonymous surveys: no response or contact id, times cut to the day, small
 * groups' dimension values withheld, and nothing while a survey has fewer
 * than ANONYMOUS_GROUP_MIN answers.
 */
export async function listCommentsForExplorer(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  query: CommentQuery & { cursor?: string | undefined; limit: number },
): Promise<{ items: ListedComment[]; nextCursor: string | null; anonymousWithheld: number }> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const filter = await checkedFilter(ctx, tenantId, query);
  const limit = Math.min(Math.max(query.limit, 1), COMMENTS_PAGE_MAX);
  const before = query.cursor ? await decodeCursor(ctx, tenantId, query.cursor) : null;
  const rows = await listComments(ctx.db, filter, { before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(last.answerId) : null;

  const { items, anonymousWithheld } = await visible(ctx.db, tenantId, page);
  return { items, nextCursor, anonymousWithheld };
}

/** The rows as the explorer shows them: anonymous surveys' rows cut down, or withheld while the survey has too few answers. */
async function visible(q: Queryable, tenantId: string, page: CommentRow[]): Promise<{ items: ListedComment[]; anonymousWithheld: number }> {
  const sizes = new Map<string, AnonymousGroupSizes>();
  for (const surveyId of new Set(page.filter((r) => r.anonymous).map((r) => r.surveyId))) {
    sizes.set(surveyId, await anonymousGroupSizes(q, tenantId, surveyId));
  }
  const items: ListedComment[] = [];
  let anonymousWithheld = 0;
  for (const row of page) {
    if (!row.anonymous) items.push(view(row, row.attributes, []));
    else {
      const s = sizes.get(row.surveyId)!;
      if (s.total < ANONYMOUS_GROUP_MIN) anonymousWithheld += 1;
      else {
        const { attributes, withheld } = visibleAnonymousAttributes(row.attributes, s);
        items.push({ ...view(row, attributes, withheld), responseId: null, contactId: null, completedAt: dayOf(row.completedAt) });
      }
    }
  }
  return { items, anonymousWithheld };
}

/** One comment as the explorer would show it; null when it does not exist in the tenant or is withheld. */
export async function explorerComment(q: Queryable, tenantId: string, answerId: number): Promise<ListedComment | null> {
  const rows = await listComments(q, { tenantId, answerId }, { before: null, limit: 1 });
  return (await visible(q, tenantId, rows)).items[0] ?? null;
}

function view(row: CommentRow, attributes: Record<string, string>, withheldAttributes: string[]): ListedComment {
  return {
    answerId: row.answerId, surveyId: row.surveyId, responseId: row.responseId, contactId: row.contactId, anonymous: row.anonymous,
    channel: row.channel, attributes, withheldAttributes, completedAt: row.completedAt, language: row.language, text: row.text,
    topics: row.topics, topicPolarity: row.topicPolarity, npsScore: row.npsScore, sentimentScore: row.sentimentScore,
    sentimentLabel: row.sentimentLabel, finalLabel: row.finalLabel, disagreement: row.disagreement, corrected: row.corrected,
  };
}

export interface TopicImpact {
  topic: string;
  label: { ru: string; en: string } | null;
  /** Respondents whose comments mention the topic. */
  mentioning: NpsResult;
  /** Every other respondent with an NPS score in the filter. */
  rest: NpsResult;
  /** mentioning − rest, NPS points, with its interval and test; null difference when a group is empty. */
  impact: ReturnType<typeof compareNpsResults>;
}

/**
 * Each topic's NPS impact: NPS of respondents mentioning it against the rest
 * (completed, non-test responses with an NPS score, in the filter), from
 * counts, by the metrics engine. Topics nobody mentions are left out.
 */
export async function topicImpact(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  query: Pick<CommentQuery, 'surveyId' | 'dimension' | 'value' | 'from' | 'to'>,
): Promise<{ total: NpsResult; topics: TopicImpact[] }> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const filter = await checkedFilter(ctx, tenantId, query);
  const counts = await topicNpsCounts(ctx.db, filter);
  const options = { smallSampleThreshold: ctx.config.metrics.smallSampleMin };
  const all = counts.find((c) => c.topic === null) ?? { promoters: 0, passives: 0, detractors: 0 };
  const total = npsFromCounts({ promoters: all.promoters, passives: all.passives, detractors: all.detractors }, options);
  const labels = new Map((await loadCommentEngine(ctx.db, tenantId)).engine.taxonomy.topics.map((t) => [t.id, t.label]));
  const topics = counts
    .filter((c): c is typeof c & { topic: string } => c.topic !== null)
    .map((c) => {
      const mentioning = npsFromCounts({ promoters: c.promoters, passives: c.passives, detractors: c.detractors }, options);
      const rest = npsFromCounts(
        { promoters: all.promoters - c.promoters, passives: all.passives - c.passives, detractors: all.detractors - c.detractors },
        options,
      );
      return { topic: c.topic, label: labels.get(c.topic) ?? null, mentioning, rest, impact: compareNpsResults(mentioning, rest) };
    })
    .sort((a, b) => b.mentioning.n - a.mentioning.n || a.topic.localeCompare(b.topic));
  return { total, topics };
}
