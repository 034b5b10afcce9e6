import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { ANONYMOUS_GROUP_MIN, visibleAnonymousAttributes, type AnonymousGroupSizes } from '../../domain/surveys/anonymity.ts';
import { DIMENSIONS } from '../../domain/surveys/dimensions.ts';
import { anonymousGroupSizes } from '../../store/repos/responses.ts';
import { requireTenantPermission } from '../access.ts';
import type { AppContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { checkedPeriod } from './headline.ts';

/** Rows read from the database per round trip: memory stays flat however many answers there are. */
export const EXPORT_BATCH_SIZE = 5000;

export interface AnswerExportFilter {
  surveyId: string;
  /** Inclusive local dates (YYYY-MM-DD) in the tenant's time zone, on completion. */
  from: string;
  to: string;
  dimension?: string | undefined;
  value?: string | undefined;
}

export type ExportCell = string | number | null;

export interface AnswerExport {
  surveyName: string;
  anonymous: boolean;
  columns: string[];
  /** Object mode: one ExportCell[] per completed, non-test response, in `columns` order. */
  rows: Readable;
}

interface QuestionColumn {
  id: string;
  type: string;
}

type ResponseRow = {
  id: string;
  completed_at: Date;
  version: number;
  channel: string;
  language: string;
  anonymous: boolean;
  attributes: Record<string, string>;
};

type AnswerRow = {
  response_id: string;
  question_id: string;
  score: number | null;
  choices: string[] | null;
  text: string | null;
  topics: string[] | null;
  sentiment: string | null;
};

const TEXT_TYPES = new Set(['open_text', 'voice_comment']);

/**
 * Answers of one survey as table rows, for CSV and XLSX exports: one row per
 * completed, non-test response in the period (tenant time zone) and filter.
 * No contact data ever; for an anonymous survey no response id, completion
 * cut to the day, small groups' dimension values withheld, and no rows at all
 * while the survey has fewer than ANONYMOUS_GROUP_MIN answers. Read by keyset
 * pages of EXPORT_BATCH_SIZE, pulled only as fast as the consumer reads.
 */
export async function exportAnswers(ctx: AppContext, actor: Actor, tenantId: string, filter: AnswerExportFilter): Promise<AnswerExport> {
  requireTenantPermission(actor, tenantId, 'responses.read');
  const period = checkedPeriod(filter);
  if ((filter.dimension === undefined) !== (filter.value === undefined)) {
    throw invalid('validation', 'Give both a dimension and its value, or neither', { field: 'dimension' });
  }
  const head = await ctx.db.execute<{ name: string; anonymous: boolean | null; timezone: string; custom: Array<{ key: string }> }>(sql`
    select s.name, coalesce((v.definition->>'anonymous')::boolean, (s.draft->>'anonymous')::boolean) as anonymous,
           t.timezone, t.custom_dimensions as custom
      from surveys s join tenants t on t.id = s.tenant_id
      left join survey_versions v on v.id = s.current_version_id
     where s.tenant_id = ${tenantId} and s.id = ${filter.surveyId}`);
  const survey = head.rows[0];
  if (!survey) throw notFound('Survey');

  const versions = await ctx.db.execute<{ questions: QuestionColumn[] }>(sql`
    select coalesce((select jsonb_agg(jsonb_build_object('id', q->>'id', 'type', q->>'type') order by ord)
                       from jsonb_array_elements(v.definition->'questions') with ordinality as e(q, ord)), '[]'::jsonb) as questions
      from survey_versions v where v.tenant_id = ${tenantId} and v.survey_id = ${filter.surveyId} order by v.version desc`);
  const questions: QuestionColumn[] = [];
  for (const v of versions.rows) for (const q of v.questions) if (!questions.some((x) => x.id === q.id)) questions.push(q);

  const dimensionKeys = [...DIMENSIONS.filter((d) => d !== 'channel'), ...survey.custom.map((c) => c.key).filter((k) => !(DIMENSIONS as readonly string[]).includes(k))];
  let anonymous = survey.anonymous === true;
  let sizes: AnonymousGroupSizes | null = null;
  if (!anonymous) {
    const any = await ctx.db.execute<{ yes: boolean }>(sql`select exists (select 1 from responses where tenant_id = ${tenantId} and survey_id = ${filter.surveyId} and anonymous) as yes`);
    anonymous = any.rows[0]?.yes === true;
  }
  if (anonymous) sizes = await anonymousGroupSizes(ctx.db, tenantId, filter.surveyId);

  const columns = [
    ...(anonymous ? [] : ['response_id']),
    anonymous ? 'completed_on' : 'completed_at',
    'survey_version',
    'channel',
    'language',
    ...dimensionKeys,
    ...questions.flatMap((q) => (TEXT_TYPES.has(q.type) ? [q.id, `${q.id}_topics`, `${q.id}_sentiment`] : [q.id])),
  ];

  const where = [
    sql`r.tenant_id = ${tenantId}`,
    sql`r.survey_id = ${filter.surveyId}`,
    sql`r.status = 'completed'`,
    sql`not r.test`,
    sql`r.completed_at >= (${period.from}::date::timestamp at time zone ${survey.timezone})`,
    sql`r.completed_at < ((${period.to}::date + 1)::timestamp at time zone ${survey.timezone})`,
  ];
  if (filter.dimension !== undefined && filter.value !== undefined) {
    where.push(filter.dimension === 'channel' ? sql`r.channel = ${filter.value}` : sql`r.attributes @> jsonb_build_object(${filter.dimension}::text, ${filter.value}::text)`);
  }
  const whereSql = sql.join(where, sql` and `);
  const timezone = survey.timezone;

  async function* generate(): AsyncGenerator<ExportCell[]> {
    if (sizes && sizes.total < ANONYMOUS_GROUP_MIN) return;
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const keyset: ReturnType<typeof sql> = after ? sql` and (r.completed_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
      const page = await ctx.db.execute<ResponseRow & { at: string }>(sql`
        select r.id, r.completed_at, r.completed_at::text as at, v.version, r.channel, r.language, r.anonymous, r.attributes
          from responses r join survey_versions v on v.id = r.survey_version_id
         where ${whereSql}${keyset}
         order by r.completed_at, r.id
         limit ${EXPORT_BATCH_SIZE}`);
      if (page.rows.length === 0) return;
      const ids = page.rows.map((r) => r.id);
      const found = await ctx.db.execute<AnswerRow>(sql`
        select a.response_id, a.question_id, a.score, a.choices, a.text, c.topics, c.final_label as sentiment
          from answers a left join comment_analyses c on c.answer_id = a.id
         where a.tenant_id = ${tenantId} and a.response_id = any(${sql.param(ids)}::uuid[])`);
      const byResponse = new Map<string, Map<string, AnswerRow>>();
      for (const a of found.rows) {
        let m = byResponse.get(a.response_id);
        if (!m) byResponse.set(a.response_id, (m = new Map()));
        m.set(a.question_id, a);
      }
      for (const r of page.rows) yield toRow(r, byResponse.get(r.id) ?? new Map());
      const last = page.rows[page.rows.length - 1]!;
      after = { at: last.at, id: last.id };
      if (page.rows.length < EXPORT_BATCH_SIZE) return;
    }
  }

  function toRow(r: ResponseRow, given: Map<string, AnswerRow>): ExportCell[] {
    const attributes = sizes ? visibleAnonymousAttributes(r.attributes, sizes).attributes : r.attributes;
    const row: ExportCell[] = [];
    if (!anonymous) row.push(r.id);
    row.push(anonymous ? localDay(new Date(r.completed_at), timezone) : new Date(r.completed_at).toISOString());
    row.push(r.version, r.channel, r.language);
    for (const key of dimensionKeys) row.push(attributes[key] ?? null);
    for (const q of questions) {
      const a = given.get(q.id);
      row.push(a ? answerCell(a) : null);
      if (TEXT_TYPES.has(q.type)) row.push(a?.topics ? a.topics.join('; ') : null, a?.sentiment ?? null);
    }
    return row;
  }

  return { surveyName: survey.name, anonymous, columns, rows: Readable.from(generate(), { objectMode: true, highWaterMark: 64 }) };
}

function answerCell(a: AnswerRow): ExportCell {
  if (a.score !== null) return a.score;
  if (a.choices !== null) return a.choices.join('; ');
  return a.text;
}

/** The local date (YYYY-MM-DD) of an instant in a time zone: an anonymous answer's time, coarsened. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
