import { z } from 'zod';
import { runContactImportCheck } from '../../app/contactImports/runCheck.ts';
import { runContactImport } from '../../app/contactImports/runImport.ts';
import type { AppContext } from '../../app/context.ts';
import { updateContactImport } from '../../store/repos/contactImports.ts';
import { defineJob } from '../define.ts';

const payload = z.object({ tenantId: z.uuid(), importId: z.uuid() });
const MAX_ATTEMPTS = 5;

/** After the last attempt the import is marked failed, so the person sees why instead of a spinner. */
async function failOnLastAttempt(ctx: AppContext, data: z.output<typeof payload>, attempt: number, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (attempt >= MAX_ATTEMPTS) {
      ctx.log.error({ err: error, importId: data.importId }, 'contact import job failed for good');
      await updateContactImport(ctx.db, data.tenantId, data.importId, { status: 'failed', error: 'The file could not be processed; try again or contact support', finishedAt: ctx.clock.now() });
      return;
    }
    throw error;
  }
}

/** The dry run of an uploaded contact file. Idempotent: it only writes its summary. */
export const contactImportCheckJob = defineJob({
  id: 'contacts.import.check',
  version: 1,
  payload,
  maxAttempts: MAX_ATTEMPTS,
  handler: (ctx, data, meta) => failOnLastAttempt(ctx, data, meta.attempt, () => runContactImportCheck(ctx, data.tenantId, data.importId)),
});

/** The confirmed import. Safe to re-run after a crash: it resumes after the last committed batch and matches before it inserts. */
export const contactImportRunJob = defineJob({
  id: 'contacts.import.run',
  version: 1,
  payload,
  maxAttempts: MAX_ATTEMPTS,
  handler: (ctx, data, meta) => failOnLastAttempt(ctx, data, meta.attempt, () => runContactImport(ctx, data.tenantId, data.importId)),
});
