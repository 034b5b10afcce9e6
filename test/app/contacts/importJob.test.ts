import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContactImport } from '../../../src/app/contactImports/checkImport.ts';
import { confirmContactImport } from '../../../src/app/contactImports/confirmImport.ts';
import { importFilePath } from '../../../src/app/contactImports/files.ts';
import { runContactImportCheck } from '../../../src/app/contactImports/runCheck.ts';
import { runContactImport } from '../../../src/app/contactImports/runImport.ts';
import { uploadContactImport } from '../../../src/app/contactImports/uploadImport.ts';
import { NO_META } from '../../../src/app/context.ts';
import type { Actor } from '../../../src/domain/access.ts';
import { findContactImport, updateContactImport } from '../../../src/store/repos/contactImports.ts';
import { makeTenant } from '../../factories/index.ts';
import { createTestApp, type TestApp } from '../../helpers/app.ts';

/** The import job's progress write, made to fail once on demand: a crash between two batches. */
const crash = vi.hoisted(() => ({ onCall: 0, calls: 0 }));
vi.mock('../../../src/store/repos/contactImports.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/store/repos/contactImports.ts')>();
  return {
    ...original,
    recordImportProgress: async (...args: Parameters<typeof original.recordImportProgress>) => {
      crash.calls += 1;
      if (crash.calls === crash.onCall) throw new Error('simulated crash: the worker died mid-import');
      return original.recordImportProgress(...args);
    },
  };
});

const SYSTEM: Actor = { kind: 'system', label: 'test' };
const ROWS = 12_000; // three batches of 5,000
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

function bigCsv(): string {
  const lines = ['id;name;phone'];
  for (let i = 1; i <= ROWS; i += 1) lines.push(`C-${i};Клиент ${i};+7916${String(i).padStart(7, '0')}`);
  return `${lines.join('\n')}\n`;
}

async function checkedImport(tenantId: string) {
  const upload = await uploadContactImport(t.ctx, SYSTEM, tenantId, { fileName: 'big.csv', declaredBytes: null, body: Readable.from([Buffer.from(bigCsv())]) }, NO_META);
  await checkContactImport(t.ctx, SYSTEM, tenantId, upload.id, { mapping: { columns: { id: 'externalId', name: 'fullName', phone: 'phone' } }, options: { updateExisting: true } });
  await runContactImportCheck(t.ctx, tenantId, upload.id);
  await confirmContactImport(t.ctx, SYSTEM, tenantId, upload.id, NO_META);
  return upload.id;
}

const contactStats = async (tenantId: string) =>
  (await t.ctx.db.execute<{ n: number; distinct_ids: number }>(sql`select count(*)::int as n, count(distinct external_id)::int as distinct_ids from contacts where tenant_id = ${tenantId}`)).rows[0]!;

describe('the import job after a crash', () => {
  it('resumes after the last committed batch: every row once, counts exact', async () => {
    const tenant = await makeTenant(t.ctx);
    const importId = await checkedImport(tenant.id);
    crash.calls = 0;
    crash.onCall = 2; // the second batch fails after its rows were written, so its transaction rolls back
    await expect(runContactImport(t.ctx, tenant.id, importId)).rejects.toThrow('simulated crash');
    const midway = (await findContactImport(t.ctx.db, tenant.id, importId))!;
    expect(midway).toMatchObject({ status: 'importing', inserted: 5_000, progressLine: 5_001 });
    expect(await contactStats(tenant.id)).toEqual({ n: 5_000, distinct_ids: 5_000 });

    crash.onCall = 0;
    await runContactImport(t.ctx, tenant.id, importId); // the queue's retry
    expect(await findContactImport(t.ctx.db, tenant.id, importId)).toMatchObject({ status: 'done', inserted: ROWS, updated: 0, unchanged: 0 });
    expect(await contactStats(tenant.id)).toEqual({ n: ROWS, distinct_ids: ROWS });
  });

  it('makes no duplicates even when the progress mark is lost and the whole file runs again', async () => {
    const tenant = await makeTenant(t.ctx);
    const importId = await checkedImport(tenant.id);
    crash.onCall = 0;
    const file = importFilePath(t.ctx.config, tenant.id, importId);
    await fs.copyFile(file, `${file}.kept`);
    await runContactImport(t.ctx, tenant.id, importId);
    // As if the worker died after the last batch, before the file was removed, and the mark were lost too.
    await fs.rename(`${file}.kept`, file);
    await updateContactImport(t.ctx.db, tenant.id, importId, { status: 'importing', progressLine: 0 });
    await runContactImport(t.ctx, tenant.id, importId);
    expect(await contactStats(tenant.id)).toEqual({ n: ROWS, distinct_ids: ROWS });
    expect(await findContactImport(t.ctx.db, tenant.id, importId)).toMatchObject({ status: 'done', inserted: ROWS, unchanged: ROWS });
    // Done is done: running the job once more changes nothing.
    await runContactImport(t.ctx, tenant.id, importId);
    expect(await contactStats(tenant.id)).toEqual({ n: ROWS, distinct_ids: ROWS });
  });
});
