import { createSmtpMailer } from '../src/channels/email/smtpMailer.ts';
import type { Cleanup } from './lib/cleanup.ts';
import { benchContext, dispatchAll, EMAIL_ONLY, launchListCampaign, planAll, rssSampler, seedContacts, statusCounts, waitForCount, writeResults } from './lib/campaignFixture.ts';
import { cpuSince, cpuSnapshot, pctOfCore } from './lib/cpu.ts';
import { startPeerChild } from './lib/peerChild.ts';
import { machineInfo, markdownTable, round } from './lib/report.ts';
import { startSink, type SinkStats } from './lib/smtp-sink.mjs';
import { openStack, type Stack } from './lib/stack.ts';
import type { AppContext } from '../src/app/context.ts';

/**
 * `campaign-email`: an email-only list campaign to 20,000 contacts, planned, then
 * dispatched (dispatchCampaign, as the dispatch job runs it) through the real pooled
 * SMTP mailer to a local SMTP peer that counts and discards. The figure is emails
 * per second counted at the peer. The peer runs in a child process (its own event
 * loop) and, for comparison, in the benchmark's process; rounds alternate the two.
 * Target: ≥ 500 emails/s.
 */
export interface CampaignEmailOptions {
  cleanup: Cleanup;
  databaseUrl: string | undefined;
  quick: boolean;
  rows?: number | undefined;
}

/** The config defaults: VOXPOP_SMTP_POOL_SIZE and VOXPOP_SMTP_MESSAGES_PER_CONNECTION. */
const POOL = 5;
const MESSAGES_PER_CONNECTION = 100;
const TARGET_PER_S = 500;

interface Peer {
  label: string;
  port: number;
  /** Messages counted so far, and the peer's own CPU seconds when it is a separate process (else null). */
  stats(): Promise<SinkStats & { cpuS: number | null }>;
}

interface EmailRun {
  peer: string;
  emails: number;
  seconds: number;
  perS: number;
  dispatchSeconds: number;
  dispatched: { sent: number; failed: number; skipped: number; deferred: number; calls: number };
  peakConnections: number;
  rssMiB: { startMiB: number; peakMiB: number; endMiB: number };
  cpu: { node: number; postgres: number | null; peer: number | null; other: number | null };
}

export async function runCampaignEmail(opts: CampaignEmailOptions): Promise<boolean> {
  const contacts = opts.quick ? 2_000 : (opts.rows ?? 20_000);
  const rounds = opts.quick ? 1 : 2;
  const stack = await openStack(opts.cleanup, opts.databaseUrl);
  const ctx = benchContext(stack.ctx);

  const child = await startPeerChild<SinkStats & { cpuS: number }>('./smtp-sink.mjs', opts.cleanup);
  const inProcess = await startSink();
  opts.cleanup.defer('close the in-process SMTP peer', () => inProcess.close());
  const peers: Peer[] = [
    { label: 'child process', port: child.port, stats: () => child.stats() },
    { label: 'same process', port: inProcess.port, stats: async () => ({ ...inProcess.stats, cpuS: null }) },
  ];

  const runs: EmailRun[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const peer of peers) {
      const run = await measure(stack, ctx, peer, contacts);
      runs.push(run);
      console.error(`  round ${round}, peer in ${peer.label}: ${run.emails} emails in ${round2(run.seconds)} s = ${run.perS}/s`);
    }
  }
  await child.stop();

  const ok = runs.every((r) => r.dispatched.sent === contacts && r.emails >= contacts);
  const m = machineInfo();
  console.log(`\nNode ${m.node}, ${m.cpuModel} × ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAverage1m}; PostgreSQL (${stack.databaseMode}): ${stack.databaseVersion.split(' on ')[0]}; commit ${m.gitCommit}.`);
  console.log(`campaign-email: ${contacts} contacts, email only; SMTP pool ${POOL} connections, ${MESSAGES_PER_CONNECTION} messages each; ${rounds} round(s).\n`);
  console.log(
    markdownTable(
      ['Peer in', 'emails', 'seconds', 'emails/s', 'dispatch s', 'peak conns', 'RSS start/peak/end MiB', 'CPU % node', 'PG', 'peer', 'other'],
      runs.map((r) => [r.peer, r.emails, round2(r.seconds), r.perS, round2(r.dispatchSeconds), r.peakConnections, `${r.rssMiB.startMiB}/${r.rssMiB.peakMiB}/${r.rssMiB.endMiB}`, r.cpu.node, r.cpu.postgres ?? '–', r.cpu.peer ?? 'in node', r.cpu.other ?? '–']),
    ),
  );
  const childRates = runs.filter((r) => r.peer === 'child process').map((r) => r.perS);
  const sameRates = runs.filter((r) => r.peer === 'same process').map((r) => r.perS);
  const ratio = median(sameRates) / median(childRates);
  console.log(`\nsame process ÷ child process: ${round(ratio, 2)}×`);
  const best = median(childRates);
  console.log(!ok ? 'FAILED: not every email was sent and counted.' : best >= TARGET_PER_S ? `OK: ${best}/s ≥ ${TARGET_PER_S}/s (peer in a child process, median).` : `MISSED: ${best}/s < ${TARGET_PER_S}/s.`);
  if (!opts.quick && contacts === 20_000) {
    await writeResults('campaign-email', { machine: m, database: stack.databaseVersion, databaseMode: stack.databaseMode, contacts, pool: POOL, messagesPerConnection: MESSAGES_PER_CONNECTION, runs, sameOverChild: round(ratio, 3), targetPerS: TARGET_PER_S });
  }
  return ok;
}

async function measure(stack: Stack, ctx: AppContext, peer: Peer, contacts: number): Promise<EmailRun> {
  const seeded = await seedContacts(ctx, contacts);
  const campaignId = await launchListCampaign(ctx, seeded.tenantId, EMAIL_ONLY);
  await planAll(ctx, campaignId);
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: peer.port, tls: 'none', maxConnections: POOL, maxMessages: MESSAGES_PER_CONNECTION });
  try {
    const before = await peer.stats();
    global.gc?.();
    const cpuStart = cpuSnapshot(stack.postmasterPid);
    const rss = rssSampler();
    const started = performance.now();
    const dispatched = await dispatchAll(ctx, { mailer, sms: undefined }, campaignId);
    const dispatchSeconds = (performance.now() - started) / 1000;
    await waitForCount(async () => (await peer.stats()).messages - before.messages, contacts);
    const seconds = (performance.now() - started) / 1000;
    const rssMiB = rss.stop();
    const cpu = cpuSince(cpuStart, stack.postmasterPid);
    const after = await peer.stats();
    const counts = await statusCounts(ctx, campaignId);
    if (counts['email:sent'] !== contacts) console.error(`  attempts: ${JSON.stringify(counts)}`);
    const node = pctOfCore(cpu.serverS, cpu.wallS)!;
    const pg = pctOfCore(cpu.postgresS, cpu.wallS);
    const peerPct = after.cpuS !== null && before.cpuS !== null ? pctOfCore(after.cpuS - before.cpuS, cpu.wallS) : null;
    const machine = pctOfCore(cpu.machineS, cpu.wallS);
    const other = machine === null ? null : Math.max(0, machine - node - (pg ?? 0) - (peerPct ?? 0));
    return {
      peer: peer.label,
      emails: after.messages - before.messages,
      seconds,
      perS: Math.round(contacts / seconds),
      dispatchSeconds,
      dispatched,
      peakConnections: after.peakConnections,
      rssMiB,
      cpu: { node, postgres: pg, peer: peerPct, other },
    };
  } finally {
    await mailer.close?.();
  }
}

const round2 = (n: number) => round(n, 2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
