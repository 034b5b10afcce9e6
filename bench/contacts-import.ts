import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { checkContactImport } from '../src/app/contactImports/checkImport.ts';
import { confirmContactImport } from '../src/app/contactImports/confirmImport.ts';
import { uploadContactImport } from '../src/app/contactImports/uploadImport.ts';
import type { ColumnMapping } from '../src/app/contacts/import/index.ts';
import { NO_META } from '../src/app/context.ts';
import type { Actor } from '../src/domain/access.ts';
import { contactImportCheckJob, contactImportRunJob } from '../src/jobs/definitions/contactImports.ts';
import { findContactImport } from '../src/store/repos/contactImports.ts';
import { makeTenant } from '../test/factories/index.ts';
import type { Cleanup } from './lib/cleanup.ts';
import { CONTACTS_CSV_HEADER, writeContactsCsv } from './lib/contactsCsv.ts';
import { cpuSince, cpuSnapshot, pctOfCore, type CpuShare } from './lib/cpu.ts';
import { machineInfo, markdownTable, round } from './lib/report.ts';
import { openStack, type Stack } from './lib/stack.ts';

/**
 * `contacts-import`: a seeded 1,000,000-row CSV through the real path —
 * upload (streamed to disk), check (the dry-run job) and import (the import
 * job) — then the same file again, where every row matches an existing
 * contact. Job handlers are called directly, as the worker calls them, so
 * the figures are the work, not the queue's polling.
 */
export interface ContactsImportOptions {
  cleanup: Cleanup;
  databaseUrl: string | undefined;
  quick: boolean;
  /** Rows of the generated file; 1,000,000 unless quick. Only the 1,000,000-row run is written to results/. */
  rows?: number | undefined;
}

interface Phase {
  name: string;
  rows: number;
  seconds: number;
  rowsPerS: number;
  peakRssMiB: number;
  cpu: CpuShare;
}

const SYSTEM: Actor = { kind: 'system', label: 'benchmark' };
const RSS_SAMPLE_MS = 50;

export async function runContactsImport(opts: ContactsImportOptions): Promise<boolean> {
  const rows = opts.quick ? 20_000 : (opts.rows ?? 1_000_000);
  const stack = await openStack(opts.cleanup, opts.databaseUrl);
  const file = path.join(stack.dataDir, 'contacts.csv');
  const generated = await writeContactsCsv(file, rows, 42);
  console.error(`  generated ${rows} rows, ${round(generated.bytes / 2 ** 20)} MiB (${generated.badRows} broken, ${generated.repeatedRows} repeated)`);
  const tenant = await makeTenant(stack.ctx);
  const mapping: ColumnMapping = {
    columns: {
      [CONTACTS_CSV_HEADER[0]!]: 'externalId',
      [CONTACTS_CSV_HEADER[1]!]: 'fullName',
      [CONTACTS_CSV_HEADER[2]!]: 'phone',
      [CONTACTS_CSV_HEADER[3]!]: 'email',
      [CONTACTS_CSV_HEADER[4]!]: 'region',
      [CONTACTS_CSV_HEADER[5]!]: 'attributes.service_type',
      [CONTACTS_CSV_HEADER[6]!]: 'attributes.branch',
      [CONTACTS_CSV_HEADER[7]!]: 'consentSms',
    },
    required: [],
  };

  const phases: Phase[] = [];
  const measure = async (name: string, work: () => Promise<void>) => {
    global.gc?.();
    const start = cpuSnapshot(stack.postmasterPid);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, RSS_SAMPLE_MS);
    try {
      await work();
    } finally {
      clearInterval(sampler);
    }
    const cpu = cpuSince(start, stack.postmasterPid);
    peak = Math.max(peak, process.memoryUsage().rss);
    phases.push({ name, rows, seconds: round(cpu.wallS, 2), rowsPerS: Math.round(rows / cpu.wallS), peakRssMiB: Math.round(peak / 2 ** 20), cpu });
    console.error(`  ${name}: ${round(cpu.wallS, 1)} s, ${Math.round(rows / cpu.wallS)} rows/s, peak RSS ${Math.round(peak / 2 ** 20)} MiB`);
  };

  const importOnce = async (label: string) => {
    let importId = '';
    await measure(`${label}: upload`, async () => {
      const upload = await uploadContactImport(stack.ctx, SYSTEM, tenant.id, { fileName: 'contacts.csv', declaredBytes: null, body: fs.createReadStream(file) }, NO_META);
      importId = upload.id;
    });
    await measure(`${label}: check (dry run)`, async () => {
      await checkContactImport(stack.ctx, SYSTEM, tenant.id, importId, { mapping, options: { updateExisting: true } });
      await contactImportCheckJob.handler(stack.ctx, { tenantId: tenant.id, importId }, { attempt: 1, jobId: 'bench' });
    });
    await measure(`${label}: import`, async () => {
      await confirmContactImport(stack.ctx, SYSTEM, tenant.id, importId, NO_META);
      await contactImportRunJob.handler(stack.ctx, { tenantId: tenant.id, importId }, { attempt: 1, jobId: 'bench' });
    });
    return (await findContactImport(stack.ctx.db, tenant.id, importId))!;
  };

  const first = await importOnce('new contacts');
  const summary = first.summary as { counts: Record<string, number> };
  const second = await importOnce('same file again');
  const count = await stack.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from contacts where tenant_id = ${tenant.id}`);
  const contacts = count.rows[0]!.n;
  const ok = first.status === 'done' && second.status === 'done' && contacts === summary.counts.valid && first.inserted === contacts && second.inserted === 0;
  report(stack, { rows, bytes: generated.bytes, phases, counts: summary.counts, first, second, contacts, ok });
  if (!opts.quick && rows === 1_000_000) await writeResults({ machine: machineInfo(), database: stack.databaseVersion, rows, bytes: generated.bytes, phases, counts: summary.counts, contacts });
  return ok;
}

function report(
  stack: Stack,
  r: { rows: number; bytes: number; phases: Phase[]; counts: Record<string, number>; first: { inserted: number }; second: { unchanged: number }; contacts: number; ok: boolean },
) {
  const m = machineInfo();
  console.log(`\nNode ${m.node}, ${m.cpuModel} × ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAverage1m}; PostgreSQL (${stack.databaseMode}): ${stack.databaseVersion.split(' on ')[0]}; commit ${m.gitCommit}.`);
  console.log(`${r.rows} rows, ${round(r.bytes / 2 ** 20)} MiB of CSV; check counts ${JSON.stringify(r.counts)}; contacts after: ${r.contacts}.\n`);
  console.log(
    markdownTable(
      ['Phase', 'seconds', 'rows/s', 'peak RSS MiB', 'CPU % node', 'PG', 'other'],
      r.phases.map((p) => {
        const node = pctOfCore(p.cpu.serverS, p.cpu.wallS) ?? 0;
        const pg = pctOfCore(p.cpu.postgresS, p.cpu.wallS);
        const machine = pctOfCore(p.cpu.machineS, p.cpu.wallS);
        return [p.name, p.seconds, p.rowsPerS, p.peakRssMiB, node, pg ?? '–', machine === null ? '–' : Math.max(0, machine - node - (pg ?? 0))];
      }),
    ),
  );
  console.log(r.ok ? '\nOK: every valid row imported once; the second run inserted nothing.' : '\nFAILED: counts do not add up (see above).');
}

async function writeResults(results: object) {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, 'contacts-import.json'), `${JSON.stringify(results, null, 2)}\n`);
}
