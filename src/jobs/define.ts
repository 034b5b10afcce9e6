import type { z } from 'zod';
import type { AppContext } from '../app/context.ts';

/**
 * A background job: a stable id, a zod payload, a version and a handler that is
 * safe to run twice (the queue retries after crashes). Payloads are stored as
 * `{ v, data }`, so a handler can tell an old payload from a new one after a deploy.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  id: string;
  version: number;
  payload: S;
  maxAttempts?: number;
  handler: (ctx: AppContext, data: z.output<S>, meta: { attempt: number; jobId: string }) => Promise<void>;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}
