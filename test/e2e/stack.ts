import fs from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { newEnv, startVoxpop, type VoxpopEnv, type VoxpopProcess } from './voxpopProcess.ts';

export interface Stack {
  env: VoxpopEnv;
  voxpop: VoxpopProcess;
  browser: Browser;
}

/**
 * A real Voxpop process (its own data dir and embedded database) and a headless
 * Chromium for the tests of one file: started before them, stopped after them.
 * The fields are filled in by beforeAll, so read them inside tests.
 */
export function useStack(env: Record<string, string> = {}): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    stack.env = await newEnv(env);
    stack.voxpop = await startVoxpop(stack.env);
    stack.browser = await launchBrowser();
    await fs.mkdir('test-results', { recursive: true });
  });
  afterAll(async () => {
    await stack.browser?.close();
    stack.voxpop?.child.kill('SIGTERM');
    await stack.voxpop?.exited;
    if (stack.env) await fs.rm(stack.env.dataDir, { recursive: true, force: true });
  });
  return stack;
}
