import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { analyseComments, COMMENT_BATCH_SIZE } from '../../src/app/analytics/analyseComments.ts';
import { refreshRollups } from '../../src/app/analytics/refreshRollups.ts';
import type { AppContext } from '../../src/app/context.ts';
import { openRuntime, type Runtime } from '../../src/bin/runtime.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/http/logger.ts';
import type { Cleanup } from './cleanup.ts';
import { round } from './report.ts';
import { generateAnswers, type GeneratedAnswers } from './answerGenerator.ts';

/**
 * The analytics benchmarks' database: `voxpop_bench_analytics` on the PostgreSQL
 * server DATABASE_URL names (default postgres://postgres@127.0.0.1:5432/postgres),
 * kept between runs because loading 10,000,000 answers takes a while. A marker
 * row (table `bench_dataset`, not part of the app's schema) says the load finished;
 * a database without it was interrupted mid-load and is dropped and made again.
 * Migrated by openRuntime, as `voxpop start` does, on every open.
 */
export const ANALYTICS_DB = 'voxpop_bench_analytics';
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface AnalyticsDataset {
  runtime: Runtime;
  ctx: AppContext;
  url: string;
  data: GeneratedAnswers;
  /** True when this run loaded it (false: reused). */
  loadedNow: boolean;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The marker's dataset, or null (no database, or a load that did not finish: then the database is dropped). */
async function readMarker(serverUrl: string, database: string, name: string): Promise<GeneratedAnswers | null> {
  const exists = await withClient(serverUrl, async (c) => (await c.query('select 1 from pg_database where datname = $1', [database])).rowCount === 1);
  if (exists) {
    const found = await withClient(withDatabase(serverUrl, database), async (c) => {
      const t = await c.query(`select to_regclass('bench_dataset') as t`);
      if (!t.rows[0].t) return null;
      const r = await c.query('select info from bench_dataset where name = $1', [name]);
      return (r.rows[0]?.info as GeneratedAnswers | undefined) ?? null;
    });
    if (found) return found;
    console.error(`  ${database} holds no finished "${name}" load: dropping it`);
    await withClient(serverUrl, (c) => c.query(`drop database ${database} with (force)`));
  }
  await withClient(serverUrl, (c) => c.query(`create database ${database}`));
  return null;
}

/**
 * Opens (and, the first time, fills) the analytics database with about `answers`
 * answer rows. `name` tells datasets apart ('10m'); the seed is fixed.
 */
export async function openAnalyticsDataset(opts: { answers: number; name: string; database?: string; serverUrl?: string; poolMax?: number }): Promise<AnalyticsDataset> {
  const serverUrl = opts.serverUrl ?? process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  const database = opts.database ?? ANALYTICS_DB;
  const existing = await readMarker(serverUrl, database, opts.name);
  const url = withDatabase(serverUrl, database);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-bench-analytics-'));
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', VOXPOP_DATA_DIR: dataDir, DATABASE_URL: url, VOXPOP_DB_POOL_MAX: String(opts.poolMax ?? 10) });
  const runtime = await openRuntime(config, createLogger('warn'));
  const close = runtime.close.bind(runtime);
  runtime.close = async () => {
    await close();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  if (existing) return { runtime, ctx: runtime.ctx, url, data: existing, loadedNow: false };

  console.error(`  loading ~${opts.answers} answers into ${database} (set-based SQL, chunks of 250,000 responses)…`);
  const started = performance.now();
  const data = await generateAnswers(runtime.ctx, {
    answers: opts.answers,
    seed: 1,
    onChunk: (done, total) => console.error(`    ${done}/${total} responses, ${round((performance.now() - started) / 1000, 0)} s`),
  });
  await runtime.database.pool.query('create table if not exists bench_dataset (name text primary key, info jsonb not null, loaded_at timestamptz not null default now())');
  await runtime.database.pool.query('insert into bench_dataset (name, info) values ($1, $2)', [opts.name, JSON.stringify(data)]);
  console.error(`  loaded ${data.responses} responses, ${data.answers} answers (${data.comments} comments) in ${round(data.seconds, 1)} s`);
  return { runtime, ctx: runtime.ctx, url, data, loadedNow: true };
}

/** How long the first rollup and comment builds took, recorded when they ran (a later run reuses them). */
export interface FirstBuild {
  rollups: { seconds: number; days: number; rows: number };
  comments: { seconds: number; batchSize: number; scanned: number; written: number };
  /** The comment job's default batch size and what one batch costs at mid-table with it (see the README). */
  commentsDefaultBatch?: { batchSize: number; secondsPerBatch: number; batches: number; estimatedSeconds: number };
  builtAt: string;
}

/**
 * Runs the first refreshRollups and analyseComments over the dataset, once; the
 * figures are kept in `bench_dataset` under `<name>:build` and returned on later runs.
 * analyseComments runs with `commentBatchSize` (the job's default, 1000, makes each
 * batch walk the tenant's responses from the start: see the README).
 */
export async function ensureFirstBuild(
  ds: AnalyticsDataset,
  name: string,
  build: { rollups: () => Promise<{ days: number; rows: number }>; comments: (batchSize: number) => Promise<{ scanned: number; written: number }>; commentBatchSize: number },
): Promise<{ build: FirstBuild; builtNow: boolean }> {
  const pool = ds.runtime.database.pool;
  await pool.query('create table if not exists bench_dataset (name text primary key, info jsonb not null, loaded_at timestamptz not null default now())');
  const found = await pool.query('select info from bench_dataset where name = $1', [`${name}:build`]);
  if (found.rows[0]) return { build: found.rows[0].info as FirstBuild, builtNow: false };
  console.error('  first build: refreshRollups over the whole dataset…');
  let t = performance.now();
  const r = await build.rollups();
  const rollups = { seconds: round((performance.now() - t) / 1000, 1), ...r };
  console.error(`  rollups: ${rollups.days} days, ${rollups.rows} rows in ${rollups.seconds} s; analyseComments (batches of ${build.commentBatchSize})…`);
  t = performance.now();
  const c = await build.comments(build.commentBatchSize);
  const comments = { seconds: round((performance.now() - t) / 1000, 1), batchSize: build.commentBatchSize, ...c };
  console.error(`  comments: ${comments.written} analysed in ${comments.seconds} s`);
  // What autovacuum would do a little later: plans over fresh tables need their statistics.
  await pool.query('analyze metric_rollups');
  await pool.query('analyze comment_analyses');
  const info: FirstBuild = { rollups, comments, builtAt: new Date().toISOString() };
  await pool.query('insert into bench_dataset (name, info) values ($1, $2)', [`${name}:build`, JSON.stringify(info)]);
  return { build: info, builtNow: true };
}

export const FULL_ANSWERS = 10_000_000;
export const QUICK_ANSWERS = 20_000;
/** The comment job's batch for the benchmark's first build at scale (the default 1000 would take hours, see the README). */
export const FIRST_BUILD_COMMENT_BATCH = 100_000;

/**
 * The analytics benchmarks' dataset, loaded and built: 10,000,000 answers in
 * voxpop_bench_analytics (kept), or `--rows=N` in voxpop_bench_analytics_N (kept),
 * or with --quick 20,000 in voxpop_bench_analytics_quick (dropped at the end).
 */
export async function openBuiltDataset(opts: { cleanup: Cleanup; quick: boolean; rows: number | undefined; poolMax?: number }) {
  const answers = opts.quick ? QUICK_ANSWERS : (opts.rows ?? FULL_ANSWERS);
  const name = answers === FULL_ANSWERS ? '10m' : String(answers);
  const database = opts.quick ? `${ANALYTICS_DB}_quick` : answers === FULL_ANSWERS ? ANALYTICS_DB : `${ANALYTICS_DB}_${answers}`;
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;
  if (opts.quick) {
    opts.cleanup.defer(`drop database ${database}`, () => withClient(serverUrl, (c) => c.query(`drop database if exists ${database} with (force)`)));
  }
  const ds = await openAnalyticsDataset({ answers, name, database, serverUrl, poolMax: opts.poolMax });
  opts.cleanup.defer('close the runtime', () => ds.runtime.close());
  const tenantId = ds.data.tenantId;
  const { build, builtNow } = await ensureFirstBuild(ds, name, {
    rollups: () => refreshRollups(ds.ctx, { tenantId }),
    comments: (batchSize) => analyseComments(ds.ctx, { tenantId, batchSize }),
    commentBatchSize: answers >= 1_000_000 ? FIRST_BUILD_COMMENT_BATCH : COMMENT_BATCH_SIZE,
  });
  return { ...ds, answers, name, database, build, builtNow };
}
