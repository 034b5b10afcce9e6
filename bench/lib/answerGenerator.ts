import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../src/app/context.ts';
import { makeLaunchedSurvey, makeTenant } from '../../test/factories/index.ts';

/**
 * A tenant full of answers, made by set-based SQL (`insert … select from
 * generate_series`, a chunk of responses per statement) — no row goes through Node.
 *
 * The tenant and its launched survey come from the test factories (the relational
 * NPS template: an NPS question with metricKey 'nps' and the open-text 'reason'), so
 * every row is what the app itself would have written: completed, non-test responses
 * with `answers` JSON, attributes and one `answers` row per answered question.
 *
 * Shape (all of it deterministic for a seed — the same seed gives the same scores,
 * attributes, times and texts; only ids differ, as the tenant's id does):
 *  - completed over the 2 years (730 days) before `end`, in order of the row number;
 *  - 50 service types (unevenly popular), 1,000 employees in 40 departments (an
 *    employee always in the same department), 8 regions, 5 channels
 *    (email, sms, web, voice, widget — values responses.channel takes), ru 85 % / en 15 %;
 *  - NPS scores drawn from a per-response quality: a service effect, an employee
 *    effect, a channel effect and a slow improvement over time, so rankings,
 *    breakdowns and trends have something to find;
 *  - ~17.5 % of responses carry a comment from templates matching the score
 *    (waiting, rude staff, competence, resolved, price, technical problems, praise),
 *    in the response's language, some with a number of minutes filled in.
 */
export interface GenerateAnswersOptions {
  /** Answer rows to make, NPS and comments together (responses ≈ answers ÷ 1.175). */
  answers: number;
  /** Same seed, same data. Default 1. */
  seed?: number;
  /** The 2 years end here (exclusive). Default 2026-12-01T00:00:00+03:00 (midnight in Moscow, the factories' zone). */
  end?: Date;
  /** Responses per statement. Default 250,000. */
  chunk?: number;
  /** Called after each chunk. */
  onChunk?: (done: number, total: number) => void;
}

export interface GeneratedAnswers {
  tenantId: string;
  surveyId: string;
  versionId: string;
  responses: number;
  answers: number;
  comments: number;
  /** First and last local day (Europe/Moscow) that can hold answers. */
  from: string;
  to: string;
  seconds: number;
}

export const GENERATOR_COMMENT_RATE = 0.175;
export const GENERATOR_CHANNELS = ['email', 'sms', 'web', 'voice', 'widget'] as const;
export const GENERATOR_REGIONS = ['Москва', 'Санкт-Петербург', 'Новосибирск', 'Екатеринбург', 'Казань', 'Нижний Новгород', 'Краснодар', 'Владивосток'] as const;
export const GENERATOR_DEPARTMENTS = 40;
export const GENERATOR_EMPLOYEES = 1000;
export const GENERATOR_SERVICES = 50;
const DAYS = 730;
const DEFAULT_END = new Date('2026-11-30T21:00:00Z');

/** Labels as the generator writes them, for tests and benchmarks that filter by them. */
export const serviceLabel = (s: number) => `Услуга ${String(s).padStart(2, '0')}`;
export const departmentLabel = (d: number) => `Отдел ${String(d).padStart(2, '0')}`;
export const employeeLabel = (e: number) => `op${String(e).padStart(4, '0')}`;
/** The department an employee (1..1000) belongs to, 1..40. */
export const departmentOf = (e: number) => 1 + (e % GENERATOR_DEPARTMENTS);

/**
 * Comment templates by band ('{m}' becomes a number of minutes, 3–59). Detractors
 * mostly complain, promoters mostly praise, passives get a bit of both.
 */
const NEGATIVE_RU = [
  'ждал ответа оператора {m} минут',
  'долго ждать на линии, никто не берёт трубку',
  'Ожидание на линии {m} минут, это слишком долго',
  'очень долгое ожидание ответа, пришлось перезванивать',
  'Оператор грубил и перебивал меня',
  'хамское отношение сотрудника, разговаривал свысока',
  'специалист не разбирается в вопросе, переключали трижды',
  'оператор некомпетентен, не смог ответить ни на один вопрос',
  'проблему так и не решили, обещали перезвонить и пропали',
  'вопрос не решён, пришлось обращаться повторно',
  'слишком дорого, цены выросли, а качество нет',
  'тариф дорогой, непонятные списания со счёта',
  'приложение постоянно зависает, не могу войти в личный кабинет',
  'сайт не работает, ошибка при оплате',
  'связь обрывается, интернет пропадает каждый вечер',
];
const NEGATIVE_EN = [
  'waited {m} minutes on hold before anyone answered',
  'the wait on the line was far too long',
  'the agent was rude and kept interrupting me',
  'the operator did not know the product, I was transferred three times',
  'my issue was not resolved, nobody called back',
  'too expensive for what you get',
  'the app keeps crashing and the website shows an error at checkout',
];
const POSITIVE_RU = [
  'Спасибо, всё решили быстро и вежливо',
  'оператор очень вежливый и внимательный, помог разобраться',
  'вопрос решили с первого звонка, спасибо',
  'грамотный специалист, всё объяснил понятно',
  'ответили за {m} секунд, отличный сервис',
  'отличная поддержка, рекомендую',
  'быстро помогли, проблема решена',
];
const POSITIVE_EN = [
  'thanks, the issue was resolved quickly',
  'very polite and helpful agent',
  'great support, knowledgeable staff, recommend',
  'answered within a minute, excellent service',
];
const NEUTRAL_RU = [
  'в целом нормально, но пришлось подождать {m} минут',
  'решили, но долго ждать ответа',
  'нормально, цены могли бы быть ниже',
  'всё хорошо, но приложение иногда тормозит',
];
const NEUTRAL_EN = ['it was fine, but I had to wait {m} minutes', 'ok overall, prices could be lower'];

/** Uniform in [0, 1) from (row, stream): deterministic, independent enough between streams. */
const u = (stream: number) => sql.raw(`((hashint8extended(g.i, ${stream}) & 9007199254740991)::float8 / 9007199254740992.0)`);

/**
 * The generated columns of rows lo..hi, one statement's worth; both inserts use it, so the
 * responses and their answers agree without anything carried between statements.
 */
function generated(seed: number, tenantId: string, total: number, lo: number, hi: number, end: Date) {
  const s = (k: number) => u(seed * 1000 + k);
  const channels = sql.param([...GENERATOR_CHANNELS]);
  const regions = sql.param([...GENERATOR_REGIONS]);
  // An effect in ±width/2 fixed per service or employee: a hash of its number.
  const effect = (of: SQL, stream: number, width: number) => sql`((hashint4extended(${of}, ${seed * 1000 + stream}) & 1023)::float8 / 1023 - 0.5) * ${width}`;
  return sql`
    select x.*,
           (lpad(to_hex(x.i), 12, '0') || '7' || substr(x.h, 1, 3) || '8' || substr(x.h, 4, 15))::uuid as id,
           -- quality about −1..1 → a score 0..10: 11·u^a with a = 0.45·e^(−1.3·quality)
           least(10, floor(11 * power(x.u_score, 0.45 * exp(-1.3 * (${effect(sql`x.service`, 101, 0.8)} + ${effect(sql`x.employee`, 102, 1.1)}
             + case x.channel when 'voice' then -0.15 when 'web' then 0.1 when 'widget' then 0.05 when 'sms' then -0.05 else 0 end
             + 0.25 * (x.i::float8 / ${total} - 0.5))))))::int as score
      from (
        select g.i, md5(${tenantId} || ':' || g.i) as h,
               ${end.toISOString()}::timestamptz - make_interval(secs => ((${total} - g.i + ${s(1)}) / ${total}) * ${DAYS * 86400}) as completed_at,
               1 + floor(${GENERATOR_SERVICES} * power(${s(2)}, 1.6))::int as service,
               e.employee, 1 + (e.employee % ${GENERATOR_DEPARTMENTS}) as department,
               (${channels}::text[])[1 + width_bucket(${s(4)}, array[0.25, 0.45, 0.7, 0.9]::float8[])] as channel,
               (${regions}::text[])[1 + floor(${GENERATOR_REGIONS.length} * power(${s(5)}, 1.3))::int] as region,
               case when ${s(6)} < 0.15 then 'en' else 'ru' end as language,
               ${s(7)} as u_score,
               ${s(8)} < ${GENERATOR_COMMENT_RATE} as commented,
               ${s(9)} as pick,
               3 + floor(57 * ${s(10)})::int as minutes
          from generate_series(${lo}::bigint, ${hi}::bigint) as g(i)
          cross join lateral (select 1 + floor(${GENERATOR_EMPLOYEES} * ${s(3)})::int as employee) e
      ) x`;
}

/** The comment text of a generated row `d` (null when it has none). */
function commentText(): SQL {
  const pickFrom = (list: string[]) => sql`replace((${sql.param(list)}::text[])[1 + floor(d.pick * ${list.length})::int], '{m}', d.minutes::text)`;
  return sql`case when not d.commented then null
    when d.language = 'ru' then case when d.score <= 6 then ${pickFrom(NEGATIVE_RU)} when d.score >= 9 then ${pickFrom(POSITIVE_RU)} else ${pickFrom(NEUTRAL_RU)} end
    else case when d.score <= 6 then ${pickFrom(NEGATIVE_EN)} when d.score >= 9 then ${pickFrom(POSITIVE_EN)} else ${pickFrom(NEUTRAL_EN)} end
    end`;
}

/**
 * Makes a tenant (Europe/Moscow, by the factories) with a launched NPS survey and
 * about `answers` answer rows. Rows go in chunks of `chunk` responses, each chunk one
 * transaction of two statements (responses, then their answers), `synchronous_commit`
 * off for the load (losing the last chunk in a crash loses nothing: it is rerun whole).
 * Ends with `analyze` of both tables.
 */
export async function generateAnswers(ctx: AppContext, opts: GenerateAnswersOptions): Promise<GeneratedAnswers> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  const end = opts.end ?? DEFAULT_END;
  const chunk = opts.chunk ?? 250_000;
  const total = Math.max(1, Math.round(opts.answers / (1 + GENERATOR_COMMENT_RATE)));
  const tenant = await makeTenant(ctx, { name: `Bench analytics ${seed}` });
  const { survey, version } = await makeLaunchedSurvey(ctx, tenant.id, { templateId: 'relational_nps', name: 'NPS (generated)' });
  let comments = 0;
  for (let lo = 1; lo <= total; lo += chunk) {
    const hi = Math.min(total, lo + chunk - 1);
    const g = generated(seed, tenant.id, total, lo, hi, end);
    const text = commentText();
    const inserted = await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local synchronous_commit = off`);
      await tx.execute(sql`
        insert into responses (id, tenant_id, survey_id, survey_version_id, anonymous, channel, language, status, test, answers, attributes, started_at, updated_at, completed_at)
        select d.id, ${tenant.id}, ${survey.id}, ${version.id}, false, d.channel, d.language, 'completed', false,
               jsonb_strip_nulls(jsonb_build_object('nps', d.score, 'reason', ${text})),
               jsonb_build_object('service_type', 'Услуга ' || lpad(d.service::text, 2, '0'), 'department', 'Отдел ' || lpad(d.department::text, 2, '0'),
                                  'employee', 'op' || lpad(d.employee::text, 4, '0'), 'region', d.region),
               d.completed_at - make_interval(secs => 30 + d.minutes * 7), d.completed_at, d.completed_at
          from (${g}) d`);
      const result = await tx.execute<{ comments: number }>(sql`
        with ins as (
          insert into answers (tenant_id, response_id, question_id, question_type, metric_key, score, text)
          select ${tenant.id}, d.id, q.question_id, q.question_type, q.metric_key, q.score, q.text
            from (${g}) d
            cross join lateral (
              select 'nps' as question_id, 'nps' as question_type, 'nps' as metric_key, d.score::smallint as score, null::text as text
              union all
              select 'reason', 'open_text', null, null, ${text} where d.commented
            ) q
          returning question_type)
        select count(*) filter (where question_type = 'open_text')::int as comments from ins`);
      return result.rows[0]!.comments;
    });
    comments += inserted;
    opts.onChunk?.(hi, total);
  }
  await ctx.db.execute(sql`analyze responses`);
  await ctx.db.execute(sql`analyze answers`);
  const localDay = (d: Date) => new Date(d.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
  return {
    tenantId: tenant.id,
    surveyId: survey.id,
    versionId: version.id,
    responses: total,
    answers: total + comments,
    comments,
    from: localDay(new Date(end.getTime() - DAYS * 86400_000)),
    to: localDay(new Date(end.getTime() - 1)),
    seconds: (performance.now() - started) / 1000,
  };
}
