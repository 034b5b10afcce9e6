import { performance } from 'node:perf_hooks';
import { hashPassword, verifyPassword } from '../../src/app/secrets.ts';

export interface PasswordHashingResult {
  /** One verify at a time: what a single login waits for. */
  verifyMsMedian: number;
  verifyMsMax: number;
  sequentialVerifies: number;
  /** Many verifies at once, as under a burst of logins; argon2 runs on libuv's thread pool. */
  concurrentVerifiesPerS: number;
  concurrentVerifies: number;
}

/**
 * argon2id as login runs it (src/app/secrets.ts: 64 MiB, t=3), in-process, with no HTTP:
 * the login route is limited to 20 attempts a minute per address, so a load generator
 * against it would mostly measure 429s.
 */
export async function measurePasswordHashing(opts: { sequential: number; concurrent: number }): Promise<PasswordHashingResult> {
  const password = 'correct horse battery staple';
  const hash = await hashPassword(password);
  if (!(await verifyPassword(hash, password))) throw new Error('argon2 verify rejected the right password');

  const timesMs: number[] = [];
  for (let i = 0; i < opts.sequential; i++) {
    const start = performance.now();
    await verifyPassword(hash, password);
    timesMs.push(performance.now() - start);
  }
  timesMs.sort((a, b) => a - b);

  const start = performance.now();
  await Promise.all(Array.from({ length: opts.concurrent }, () => verifyPassword(hash, password)));
  const elapsedS = (performance.now() - start) / 1000;

  return {
    verifyMsMedian: timesMs[Math.floor(timesMs.length / 2)]!,
    verifyMsMax: timesMs.at(-1)!,
    sequentialVerifies: opts.sequential,
    concurrentVerifiesPerS: opts.concurrent / elapsedS,
    concurrentVerifies: opts.concurrent,
  };
}
