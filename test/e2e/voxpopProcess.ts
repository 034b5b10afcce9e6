import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/global-setup.ts';

export interface VoxpopProcess {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export interface VoxpopEnv {
  dataDir: string;
  port: number;
  pgPort: number;
  extra?: Record<string, string>;
}

export async function newEnv(extra: Record<string, string> = {}): Promise<VoxpopEnv> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-e2e-'));
  await fs.chmod(dataDir, 0o755);
  return { dataDir, port: await freePort(), pgPort: await freePort(), extra };
}

/** Starts `voxpop start` as a real process, as `npm start` would, and waits until it serves. */
export async function startVoxpop(env: VoxpopEnv, command = 'start'): Promise<VoxpopProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin/voxpop.ts', command], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      VOXPOP_DATA_DIR: env.dataDir,
      PORT: String(env.port),
      HOST: '127.0.0.1',
      VOXPOP_EMBEDDED_PG_PORT: String(env.pgPort),
      LOG_LEVEL: 'warn',
      ...env.extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${env.port}`;
  const deadline = Date.now() + 90_000;
  while (!/Voxpop (worker )?is running/.test(out)) {
    if (child.exitCode !== null) throw new Error(`voxpop exited early (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) throw new Error(`voxpop did not start in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, baseUrl, output: () => out, exited };
}
