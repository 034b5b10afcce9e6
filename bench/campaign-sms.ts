import { receiptRecorder } from '../src/bin/campaignServices.ts';
import type { AppContext } from '../src/app/context.ts';
import { createSmppSender } from '../src/channels/sms/smppSender.ts';
import type { Cleanup } from './lib/cleanup.ts';
import { benchContext, dispatchAll, launchListCampaign, planAll, rssSampler, seedContacts, SMS_ONLY, statusCounts, waitForCount, writeResults } from './lib/campaignFixture.ts';
import { cpuSince, cpuSnapshot, pctOfCore } from './lib/cpu.ts';
import { startPeerChild, type PeerChild } from './lib/peerChild.ts';
import { machineInfo, markdownTable, round } from './lib/report.ts';
import { openStack, type Stack } from './lib/stack.ts';

/**
 * `campaign-sms`: an SMS-only list campaign to 10,000 contacts, planned, then dispatched
 * through the real SmppSender (one bind_transceiver session) to a local SMSC in a child
 * process that answers each submit_sm at once and sends a delivery receipt 2 s later,
 * which the benchmark records as the worker does (receiptRecorder). Figures: SMS per
 * second accepted by the SMSC, with the SMPP window at 10 (VOXPOP_SMS_WINDOW's default)
 * and 50; rounds alternate the two. Target: ≥ 200 SMS/s.
 */
export interface CampaignSmsOptions {
  cleanup: Cleanup;
  databaseUrl: string | undefined;
  quick: boolean;
  rows?: number | undefined;
}

const WINDOWS = [10, 50];
const TARGET_PER_S = 200;
const RECEIPT_DELAY_MS = 2000;

interface SmscStats {
  submits: number;
  messages: number;
  receiptsSent: number;
  receiptsAcked: number;
  receiptsRefused: number;
  binds: number;
  cpuS: number;
}

interface SmsRun {
  window: number;
  messages: number;
  submits: number;
  seconds: number;
  perS: number;
  submitsPerS: number;
  receipts: { recorded: number; unknown: number; failed: number; secondsToLast: number };
  rssMiB: { startMiB: number; peakMiB: number; endMiB: number };
  cpu: { node: number; postgres: number | null; smsc: number | null; other: number | null };
}

export async function runCampaignSms(opts: CampaignSmsOptions): Promise<boolean> {
  const contacts = opts.quick ? 1_000 : (opts.rows ?? 10_000);
  const rounds = opts.quick ? 1 : 2;
  const stack = await openStack(opts.cleanup, opts.databaseUrl);
  const ctx = benchContext(stack.ctx);
  const smsc = await startPeerChild<SmscStats>('./smsc-child.mjs', opts.cleanup, { SMSC_RECEIPT_DELAY_MS: String(RECEIPT_DELAY_MS) });

  const runs: SmsRun[] = [];
  const errors: Array<{ round: number; window: number; error: string }> = [];
  for (let round = 1; round <= rounds; round += 1) {
    for (const window of WINDOWS) {
      try {
        const run = await measure(stack, ctx, smsc, contacts, window);
        runs.push(run);
        console.error(`  round ${round}, window ${window}: ${run.messages} SMS (${run.submits} submit_sm) in ${round2(run.seconds)} s = ${run.perS} SMS/s`);
      } catch (err) {
        // A run that breaks (e.g. the dispatcher cannot get a database connection) is a finding: record it, go on.
        const error = err instanceof Error ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ''}` : String(err);
        errors.push({ round, window, error: error.slice(0, 300) });
        console.error(`  round ${round}, window ${window}: FAILED: ${error.slice(0, 300)}`);
      }
    }
  }
  await smsc.stop();

  const ok = errors.length === 0 && runs.every((r) => r.messages === contacts);
  const lost = runs.reduce((n, r) => n + r.receipts.unknown, 0);
  const failed = runs.reduce((n, r) => n + r.receipts.failed, 0);
  const m = machineInfo();
  console.log(`\nNode ${m.node}, ${m.cpuModel} × ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAverage1m}; PostgreSQL (${stack.databaseMode}): ${stack.databaseVersion.split(' on ')[0]}; commit ${m.gitCommit}.`);
  console.log(`campaign-sms: ${contacts} contacts, SMS only; SMSC in a child process, receipts ${RECEIPT_DELAY_MS} ms after each submit; ${rounds} round(s).\n`);
  console.log(
    markdownTable(
      ['Window', 'SMS', 'submit_sm', 'seconds', 'SMS/s', 'submit_sm/s', 'receipts recorded', 'unknown', 'failed', 'RSS start/peak/end MiB', 'CPU % node', 'PG', 'SMSC', 'other'],
      runs.map((r) => [r.window, r.messages, r.submits, round2(r.seconds), r.perS, r.submitsPerS, r.receipts.recorded, r.receipts.unknown, r.receipts.failed, `${r.rssMiB.startMiB}/${r.rssMiB.peakMiB}/${r.rssMiB.endMiB}`, r.cpu.node, r.cpu.postgres ?? '–', r.cpu.smsc ?? '–', r.cpu.other ?? '–']),
    ),
  );
  const rate = (w: number) => median(runs.filter((r) => r.window === w).map((r) => r.perS));
  const ratio = rate(50) / rate(10);
  console.log(`\nwindow 50 ÷ window 10: ${round(ratio, 2)}×`);
  if (lost > 0) {
    console.log(
      `WARNING: ${lost} delivery receipt(s) found no attempt ("unknown") and were dropped: they came back before the dispatcher had recorded the send they belong to (its provider id), so those attempts stay "sent" instead of "delivered".`,
    );
  }
  if (failed > 0) console.log(`WARNING: recording ${failed} delivery receipt(s) failed (see the error above); answered with an error (a real SMSC sends them again later; this one does not).`);
  for (const e of errors) console.log(`FAILED run: round ${e.round}, window ${e.window}: ${e.error}`);
  console.log(!ok ? 'FAILED: not every SMS was accepted by the SMSC.' : rate(10) >= TARGET_PER_S ? `OK: ${rate(10)} SMS/s at the default window ≥ ${TARGET_PER_S}/s.` : `MISSED at the default window: ${rate(10)} SMS/s < ${TARGET_PER_S}/s (window 50: ${rate(50)}/s).`);
  if (!opts.quick && contacts === 10_000) {
    await writeResults('campaign-sms', { machine: m, database: stack.databaseVersion, databaseMode: stack.databaseMode, contacts, receiptDelayMs: RECEIPT_DELAY_MS, runs, errors, window50OverWindow10: round(ratio, 3), targetPerS: TARGET_PER_S });
  }
  return ok;
}

async function measure(stack: Stack, ctx: AppContext, smsc: PeerChild<SmscStats>, contacts: number, windowSize: number): Promise<SmsRun> {
  const seeded = await seedContacts(ctx, contacts);
  const campaignId = await launchListCampaign(ctx, seeded.tenantId, SMS_ONLY);
  await planAll(ctx, campaignId);
  const sender = createSmppSender({ host: '127.0.0.1', port: smsc.port, systemId: 'voxpop', password: 'secret', windowSize });
  const receipts = { recorded: 0, unknown: 0, failed: 0, lastError: '' };
  let lastReceiptAt = 0;
  // Exactly as the worker takes them (src/bin/campaignServices.ts): a few at a time, early ones refused for later.
  const record = receiptRecorder(ctx);
  sender.onReceipt(async (receipt) => {
    try {
      receipts[await record(receipt)] += 1;
    } catch (err) {
      // As in the worker: the error goes back to the SMSC as a refused deliver_sm_resp.
      receipts.failed += 1;
      receipts.lastError = err instanceof Error ? err.message : String(err);
      throw err;
    } finally {
      lastReceiptAt = performance.now();
    }
  });
  try {
    await sender.ready();
    const before = await smsc.stats();
    global.gc?.();
    const cpuStart = cpuSnapshot(stack.postmasterPid);
    const rss = rssSampler();
    const started = performance.now();
    await dispatchAll(ctx, { mailer: ctx.mailer, sms: sender }, campaignId);
    // Every send waited for its submit_sm_resp, so the SMSC has counted them all by now.
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSince(cpuStart, stack.postmasterPid);
    const after = await smsc.stats();
    const submits = after.submits - before.submits;
    // Then the receipts still on their way (sent 2 s after each submit).
    await waitForCount(async () => receipts.recorded + receipts.unknown + receipts.failed, submits, 60_000).catch(async (err: Error) => {
      throw new Error(`${err.message}; receipts ${JSON.stringify(receipts)}, SMSC ${JSON.stringify(await smsc.stats())}`);
    });
    if (receipts.failed > 0) console.error(`  ${receipts.failed} receipt(s) could not be recorded, e.g.: ${receipts.lastError}`);
    const rssMiB = rss.stop();
    const counts = await statusCounts(ctx, campaignId);
    if (counts['sms:delivered'] !== contacts) console.error(`  attempts: ${JSON.stringify(counts)}`);
    const node = pctOfCore(cpu.serverS, cpu.wallS)!;
    const pg = pctOfCore(cpu.postgresS, cpu.wallS);
    const smscPct = pctOfCore(after.cpuS - before.cpuS, cpu.wallS);
    const machine = pctOfCore(cpu.machineS, cpu.wallS);
    const other = machine === null ? null : Math.max(0, machine - node - (pg ?? 0) - (smscPct ?? 0));
    const messages = after.messages - before.messages;
    return {
      window: windowSize,
      messages,
      submits,
      seconds,
      perS: Math.round(messages / seconds),
      submitsPerS: Math.round(submits / seconds),
      receipts: { recorded: receipts.recorded, unknown: receipts.unknown, failed: receipts.failed, secondsToLast: round2((lastReceiptAt - started) / 1000) },
      rssMiB,
      cpu: { node, postgres: pg, smsc: smscPct, other },
    };
  } finally {
    // Bounded: a session the SMSC no longer answers must not keep the run from ending.
    await Promise.race([sender.close(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  }
}

const round2 = (n: number) => round(n, 2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
