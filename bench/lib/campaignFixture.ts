import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createCampaign, launchCampaign } from '../../src/app/campaigns/campaigns.ts';
import { dispatchCampaign, type DispatchChannels } from '../../src/app/campaigns/dispatcher.ts';
import { planNextChunk, PLAN_CHUNK, PLAN_PARTITIONS } from '../../src/app/campaigns/planner.ts';
import { manualClock } from '../../src/app/clock.ts';
import { NO_META, type AppContext } from '../../src/app/context.ts';
import type { Actor } from '../../src/domain/access.ts';
import type { ChannelPlan } from '../../src/domain/campaigns/plan.ts';
import { openDatabase } from '../../src/store/db.ts';
import { makeLaunchedSurvey, makeTenant } from '../../test/factories/index.ts';

/**
 * What the campaign benchmarks share: contacts made in one SQL statement (no row
 * through Node), a launched survey, a launched list campaign, the planner run to
 * the end, and an RSS sampler.
 */
export const BENCH_ACTOR: Actor = { kind: 'system', label: 'bench' };

/**
 * 11:00 in Moscow on a Tuesday: every zone the contacts are spread over is inside the
 * default contact hours (09:00–21:00): Kaliningrad 10:00, Yekaterinburg 13:00,
 * Novosibirsk 15:00, Vladivostok 18:00.
 */
export const INSIDE_CONTACT_HOURS = new Date('2026-03-10T08:00:00Z');
const ZONES = ['Europe/Moscow', 'Europe/Kaliningrad', 'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Asia/Vladivostok'];

export const EMAIL_THEN_SMS: ChannelPlan = {
  steps: [
    { channel: 'email', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} },
    { channel: 'sms', delayMinutes: 24 * 60, attempts: 1, retryMinutes: 120, template: {} },
  ],
};
export const EMAIL_ONLY: ChannelPlan = { steps: [{ channel: 'email', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} }] };
export const SMS_ONLY: ChannelPlan = { steps: [{ channel: 'sms', delayMinutes: 0, attempts: 1, retryMinutes: 120, template: {} }] };

/** The benchmark's context: the runtime's, with a clock stopped inside contact hours. */
export function benchContext(ctx: AppContext): AppContext {
  return { ...ctx, clock: manualClock(INSIDE_CONTACT_HOURS) };
}

/**
 * `count` contacts of a new tenant, inserted by one `insert … select from generate_series`:
 * unique phone, email and external id, 5 zones, ru/en, a region and two attributes. Ids are
 * time-ordered (UUIDv7 layout: the row number in the first 48 bits), as the contacts import
 * makes them, so the planner's walk in id order follows the table.
 */
export async function seedContacts(ctx: AppContext, count: number): Promise<{ tenantId: string; seconds: number }> {
  const tenant = await makeTenant(ctx);
  const started = performance.now();
  // Row numbers go on from the contacts already there (other tenants of this run), so ids stay unique.
  const existing = await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from contacts`);
  const base = existing.rows[0]!.n;
  await ctx.db.execute(sql`
    insert into contacts (id, tenant_id, external_id, phone, email, full_name, language, timezone, region, attributes)
    select (lpad(to_hex(i), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid,
           ${tenant.id}, 'CRM-' || i, '+79' || lpad(i::text, 9, '0'), 'client' || i || '@example.ru', 'Клиент ' || i,
           case when i % 10 = 0 then 'en' else 'ru' end,
           (${sql.param(ZONES)}::text[])[1 + i % ${ZONES.length}],
           'Регион ' || (i % 80),
           jsonb_build_object('service_type', (array['internet','tv','mobile','support'])[1 + i % 4], 'branch', (array['Центр','Север','Юг','Восток'])[1 + i % 4])
    from generate_series(${base + 1}::int, ${base + count}::int) as i, lateral (select md5(i::text) as h) m`);
  await ctx.db.execute(sql`analyze contacts`);
  return { tenantId: tenant.id, seconds: (performance.now() - started) / 1000 };
}

/** A launched survey and a launched list campaign to every contact of the tenant. */
export async function launchListCampaign(ctx: AppContext, tenantId: string, plan: ChannelPlan): Promise<string> {
  const { survey } = await makeLaunchedSurvey(ctx, tenantId);
  const campaign = await createCampaign(ctx, BENCH_ACTOR, tenantId, { name: 'Bench NPS', surveyId: survey.id, audience: { kind: 'contacts', filter: {} }, plan }, NO_META);
  await launchCampaign(ctx, BENCH_ACTOR, tenantId, campaign.id, NO_META);
  return campaign.id;
}

export interface PlanRun {
  seconds: number;
  planned: number;
  chunks: number;
  chunkSize: number;
  chunkSecondsMax: number;
  chunkSecondsFirst: number;
  chunkSecondsLast: number;
}

/** planNextChunk until done in every partition, side by side, as the plan job does, timing each chunk. */
export async function planAll(
  ctx: AppContext,
  campaignId: string,
  chunkSize = PLAN_CHUNK,
  onChunk?: (index: number, seconds: number, planned: number) => void,
  /** The context chunk `index` (1-based) runs with: e.g. one whose connection explains its statements. */
  ctxForChunk?: (index: number) => AppContext,
  partitions = PLAN_PARTITIONS,
): Promise<PlanRun & { partitions: number }> {
  const started = performance.now();
  const times: number[] = [];
  let planned = 0;
  const partition = async (index: number) => {
    for (;;) {
      const t0 = performance.now();
      const progress = await planNextChunk(ctxForChunk?.(times.length + 1) ?? ctx, campaignId, chunkSize, { index, of: partitions });
      times.push((performance.now() - t0) / 1000);
      planned = Math.max(planned, progress.planned);
      onChunk?.(times.length, times.at(-1)!, progress.planned);
      if (progress.done) return;
    }
  };
  await Promise.all(Array.from({ length: partitions }, (_, index) => partition(index)));
  return {
    seconds: (performance.now() - started) / 1000,
    planned,
    chunks: times.length,
    chunkSize,
    partitions,
    chunkSecondsMax: Math.max(...times),
    chunkSecondsFirst: times[0]!,
    chunkSecondsLast: times.length > 1 ? times.at(-2)! : times[0]!, // the last full chunk
  };
}

/** Samples this process's RSS every `everyMs` until stopped; MiB. */
export function rssSampler(everyMs = 50) {
  const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const end = process.memoryUsage().rss;
      peak = Math.max(peak, end);
      return { startMiB: mib(start), peakMiB: mib(peak), endMiB: mib(end) };
    },
  };
}

export async function statusCounts(ctx: AppContext, campaignId: string): Promise<Record<string, number>> {
  const result = await ctx.db.execute<{ channel: string; status: string; n: number }>(
    sql`select channel, status, count(*)::int as n from campaign_attempts where campaign_id = ${campaignId} group by 1, 2 order by 1, 2`,
  );
  return Object.fromEntries(result.rows.map((r) => [`${r.channel}:${r.status}`, r.n]));
}

export async function writeResults(name: string, results: object): Promise<void> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
}

export interface DispatchTotals {
  sent: number;
  failed: number;
  skipped: number;
  deferred: number;
  calls: number;
}

/** dispatchCampaign again and again, as the dispatch job re-enqueues itself, until nothing is left to do. */
export async function dispatchAll(ctx: AppContext, channels: DispatchChannels, campaignId: string): Promise<DispatchTotals> {
  const total: DispatchTotals = { sent: 0, failed: 0, skipped: 0, deferred: 0, calls: 0 };
  for (;;) {
    const r = await dispatchCampaign(ctx, channels, campaignId, { timeBudgetMs: 20_000 });
    total.calls += 1;
    total.sent += r.sent;
    total.failed += r.failed;
    total.skipped += r.skipped;
    total.deferred += r.deferred;
    if (!r.more && r.sent + r.failed + r.skipped === 0) return total;
  }
}

/** Polls `count` until it reaches `expected`, or fails after `timeoutMs`. */
export async function waitForCount(count: () => Promise<number>, expected: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await count();
    if (n >= expected) return n;
    if (Date.now() > deadline) throw new Error(`only ${n} of ${expected} arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A context whose database is one connection with auto_explain on: every statement that
 * runs on it has its EXPLAIN ANALYZE (buffers, trigger times) handed to `onPlan` (as a
 * NOTICE, so no access to the server's log is needed; the role must be allowed to LOAD).
 */
export function explainingContext(ctx: AppContext, url: string, onPlan: (text: string) => void): { ctx: AppContext; close: () => Promise<void> } {
  const database = openDatabase(url, { poolMax: 1, applicationName: 'voxpop-bench-explain' });
  database.pool.on('connect', (client) => {
    client.on('notice', (notice) => {
      if (notice.message?.includes('duration:')) onPlan(notice.message);
    });
    void client.query(`load 'auto_explain'; set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on; set auto_explain.log_buffers = on;
      set auto_explain.log_triggers = on; set auto_explain.log_timing = on; set auto_explain.log_level = notice; set client_min_messages = notice`);
  });
  return { ctx: { ...ctx, db: database.db }, close: database.close };
}
