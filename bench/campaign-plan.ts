import { sql } from 'drizzle-orm';
import { PLAN_CHUNK } from '../src/app/campaigns/planner.ts';
import type { Cleanup } from './lib/cleanup.ts';
import { benchContext, EMAIL_THEN_SMS, explainingContext, launchListCampaign, planAll, rssSampler, seedContacts, statusCounts, writeResults } from './lib/campaignFixture.ts';
import { cpuSince, cpuSnapshot, pctOfCore } from './lib/cpu.ts';
import { machineInfo, round } from './lib/report.ts';
import { openStack } from './lib/stack.ts';

/**
 * `campaign-plan`: a tenant with 1,000,000 contacts and a launched list campaign
 * (email, then SMS a day later); planNextChunk is called until done, as the plan
 * job calls it: 1,000,000 invitations and 1,000,000 first attempts, in SQL.
 * Target: ≤ 60 s, with the Node process's memory flat.
 */
export interface CampaignPlanOptions {
  cleanup: Cleanup;
  databaseUrl: string | undefined;
  quick: boolean;
  rows?: number | undefined;
  /** Print the plan of the middle chunk (EXPLAIN ANALYZE through auto_explain); its time then counts that overhead. */
  explain?: boolean;
}

const TARGET_S = 60;

export async function runCampaignPlan(opts: CampaignPlanOptions): Promise<boolean> {
  const contacts = opts.quick ? 20_000 : (opts.rows ?? 1_000_000);
  const stack = await openStack(opts.cleanup, opts.databaseUrl);
  const ctx = benchContext(stack.ctx);
  const seeded = await seedContacts(ctx, contacts);
  console.error(`  ${contacts} contacts inserted in ${round(seeded.seconds, 1)} s (one insert … select from generate_series)`);
  const campaignId = await launchListCampaign(ctx, seeded.tenantId, EMAIL_THEN_SMS);

  global.gc?.();
  const cpuStart = cpuSnapshot(stack.postmasterPid);
  const rss = rssSampler();
  const every = Math.max(1, Math.round(contacts / PLAN_CHUNK / 10));
  const explainAt = Math.max(1, Math.floor(contacts / PLAN_CHUNK / 2));
  const explaining = opts.explain ? explainingContext(ctx, stack.url, (text) => console.log(`\nchunk ${explainAt}, auto_explain:\n${text}`)) : null;
  if (explaining) opts.cleanup.defer('close the explaining pool', explaining.close);
  const run = await planAll(
    ctx,
    campaignId,
    PLAN_CHUNK,
    (i, s, planned) => {
      if (i % every === 0 || i === explainAt) console.error(`  chunk ${i}: ${round(s, 2)} s, ${planned} planned`);
    },
    (i) => (explaining && i === explainAt ? explaining.ctx : ctx),
  );
  const memory = rss.stop();
  const cpu = cpuSince(cpuStart, stack.postmasterPid);

  const counts = await statusCounts(ctx, campaignId);
  const invitations = await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from invitations where campaign_id = ${campaignId}`);
  const ok = run.planned === contacts && counts['email:scheduled'] === contacts && invitations.rows[0]!.n === contacts;
  const rowsPerS = Math.round(contacts / run.seconds);
  const node = pctOfCore(cpu.serverS, cpu.wallS)!;
  const pg = pctOfCore(cpu.postgresS, cpu.wallS);
  const machine = pctOfCore(cpu.machineS, cpu.wallS);
  const other = machine === null ? null : Math.max(0, machine - node - (pg ?? 0));

  const m = machineInfo();
  console.log(`\nNode ${m.node}, ${m.cpuModel} × ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAverage1m}; PostgreSQL (${stack.databaseMode}): ${stack.databaseVersion.split(' on ')[0]}; commit ${m.gitCommit}.`);
  console.log(`campaign-plan: ${contacts} contacts → ${run.planned} invitations + first attempts in ${round(run.seconds, 1)} s (${rowsPerS} contacts/s), ${run.chunks} chunks of ${run.chunkSize} in ${run.partitions} partitions side by side`);
  console.log(`  chunk seconds: first ${round(run.chunkSecondsFirst, 2)}, last full ${round(run.chunkSecondsLast, 2)}, slowest ${round(run.chunkSecondsMax, 2)}`);
  console.log(`  Node RSS MiB: start ${memory.startMiB}, peak ${memory.peakMiB}, end ${memory.endMiB}`);
  console.log(`  CPU % of one core: node ${node}, PostgreSQL ${pg ?? '–'}, other ${other ?? '–'}${other !== null && other > 50 ? '  WARNING: the machine was busy' : ''}`);
  console.log(`  attempts: ${JSON.stringify(counts)}, invitations: ${invitations.rows[0]!.n}`);
  console.log(ok ? (run.seconds <= TARGET_S ? `OK: within the ${TARGET_S} s target.` : `MISSED the ${TARGET_S} s target.`) : 'FAILED: counts do not add up.');

  if (!opts.quick && !opts.explain && contacts === 1_000_000) {
    await writeResults('campaign-plan', {
      machine: m,
      database: stack.databaseVersion,
      databaseMode: stack.databaseMode,
      contacts,
      seedSeconds: round(seeded.seconds, 2),
      plan: { ...run, seconds: round(run.seconds, 2), rowsPerS },
      rssMiB: memory,
      cpuPercentOfCore: { node, postgres: pg, other },
      counts,
      targetS: TARGET_S,
    });
  }
  return ok;
}
