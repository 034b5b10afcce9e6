import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../src/jobs/define.ts';
import { sendEmailJob } from '../../src/jobs/definitions/sendEmail.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { jobs } from '../../src/jobs/registry.ts';
import { insertTenant } from '../../src/store/repos/tenants.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { drainJobs, queuedJobs } from '../helpers/jobs.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

const email = { to: 'x@example.test', template: 'password_reset', locale: 'ru', vars: { name: 'Иван', link: 'http://localhost/reset' }, idempotencyKey: 'k1' } as const;

describe('jobs enqueued with the state change', () => {
  it('exist when the transaction commits and not when it rolls back', async () => {
    await t.ctx.db.transaction(async (tx) => {
      await insertTenant(tx, { name: 'Kept', slug: 'kept', locale: 'ru', timezone: 'Europe/Moscow', defaultRegion: 'RU' });
      await enqueue(tx, sendEmailJob, email);
    });
    await t.ctx.db
      .transaction(async (tx) => {
        await insertTenant(tx, { name: 'Lost', slug: 'lost', locale: 'ru', timezone: 'Europe/Moscow', defaultRegion: 'RU' });
        await enqueue(tx, sendEmailJob, { ...email, idempotencyKey: 'k2' });
        throw new Error('rollback');
      })
      .catch(() => {});
    const queued = await queuedJobs(t.ctx);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.payload).toEqual({ v: 1, data: email });
  });

  it('de-duplicate by job key and validate the payload before it is stored', async () => {
    await enqueue(t.ctx.db, sendEmailJob, email, { jobKey: 'same' });
    await enqueue(t.ctx.db, sendEmailJob, email, { jobKey: 'same' });
    expect(await queuedJobs(t.ctx)).toHaveLength(1);
    await expect(enqueue(t.ctx.db, sendEmailJob, { ...email, to: 'not an email' })).rejects.toThrow();
  });

  it('run through the real worker, in Russian, idempotently', async () => {
    await enqueue(t.ctx.db, sendEmailJob, email);
    await enqueue(t.ctx.db, sendEmailJob, email);
    await drainJobs(t);
    const files = await fs.readdir(t.outboxDir);
    expect(files).toEqual(['k1.eml']);
    const text = await fs.readFile(`${t.outboxDir}/k1.eml`, 'utf8');
    expect(text).toContain('Здравствуйте, Иван!');
    expect(await queuedJobs(t.ctx)).toHaveLength(0);
  });

  it('have unique ids, versions and a payload schema in one registry', () => {
    const ids = jobs.map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const job of jobs) {
      expect(job.version).toBeGreaterThanOrEqual(1);
      expect(job.payload).toBeInstanceOf(z.ZodType);
    }
    expect(defineJob({ id: 'x', version: 1, payload: z.object({}), handler: async () => {} }).id).toBe('x');
  });
});
