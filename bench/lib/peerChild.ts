import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Cleanup } from './cleanup.ts';

/**
 * A protocol peer (SMTP sink, SMSC) in a child process of its own, so that it does not
 * take the event loop of the process being measured. It answers `'stats'` over IPC with
 * its counters and its own CPU seconds; `stop` ends it, and the cleanup kills it if the
 * run ends first.
 */
export interface PeerChild<S> {
  port: number;
  pid: number;
  stats(): Promise<S>;
  stop(): Promise<void>;
}

export async function startPeerChild<S>(script: string, cleanup: Cleanup, env: Record<string, string> = {}): Promise<PeerChild<S>> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child: ChildProcess = fork(file, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], signal: cleanup.signal });
  child.on('error', () => undefined); // an abort at clean-up
  let exited = false;
  const gone = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  cleanup.defer(`stop ${script}`, async () => {
    if (!exited) child.kill('SIGKILL');
    await gone;
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
  });
  return {
    port,
    pid: child.pid!,
    stats: () =>
      new Promise<S>((resolve) => {
        child.once('message', (m) => resolve(m as S));
        child.send('stats');
      }),
    stop: async () => {
      if (!exited) child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await gone;
      clearTimeout(timer);
    },
  };
}
