import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the CPU went during a scenario: this process (the server, all its threads), the
 * PostgreSQL server it talks to (its postmaster and every process it started, including
 * backends that ended meanwhile: the postmaster's reaped-children times count them), and
 * the whole machine. Percent of one core, so 200 % is both cores of a 2-core machine.
 * Linux only (/proc), and PostgreSQL only when it runs on this machine; otherwise null.
 */
export interface CpuShare {
  wallS: number;
  /** CPU seconds over wallS. */
  serverS: number;
  postgresS: number | null;
  machineS: number | null;
}

/** Percent of one core. */
export const pctOfCore = (cpuS: number | null, wallS: number) => (cpuS === null ? null : Math.round((cpuS / wallS) * 100));

interface Snapshot {
  atMs: number;
  server: NodeJS.CpuUsage;
  postgresTicks: number | null;
  machine: { busy: number } | null;
}

// /proc reports clock ticks of USER_HZ, which is 100 on every Linux architecture Node runs on.
const TICKS_PER_S = 100;

export function cpuSnapshot(postmasterPid: number | null): Snapshot {
  return { atMs: performance.now(), server: process.cpuUsage(), postgresTicks: postmasterPid === null ? null : postgresTicks(postmasterPid), machine: machineTicks() };
}

export function cpuSince(start: Snapshot, postmasterPid: number | null): CpuShare {
  const end = cpuSnapshot(postmasterPid);
  const wallS = (end.atMs - start.atMs) / 1000;
  const server = process.cpuUsage(start.server);
  const postgresS = end.postgresTicks !== null && start.postgresTicks !== null ? (end.postgresTicks - start.postgresTicks) / TICKS_PER_S : null;
  // Busy ticks are summed over all cores: CPU seconds like the other two figures.
  const machineS = end.machine && start.machine ? (end.machine.busy - start.machine.busy) / TICKS_PER_S : null;
  return { wallS, serverS: (server.user + server.system) / 1e6, postgresS, machineS };
}

function machineTicks(): { busy: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user)
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle };
  } catch {
    return null;
  }
}

/** The parent of a backend is the postmaster: `select pg_backend_pid()` gives a backend. */
export function parentPid(pid: number): number | null {
  const stat = readStat(pid);
  return stat ? stat.ppid : null;
}

function postgresTicks(postmasterPid: number): number | null {
  const postmaster = readStat(postmasterPid);
  if (!postmaster) return null;
  let ticks = postmaster.ownTicks + postmaster.reapedChildrenTicks;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const child = readStat(Number(name));
    if (child?.ppid === postmasterPid) ticks += child.ownTicks;
  }
  return ticks;
}

function readStat(pid: number): { ppid: number; ownTicks: number; reapedChildrenTicks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (command) ": state ppid … utime stime cutime cstime (fields 4 and 14–17 of proc(5)).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    return { ppid: rest[1]!, ownTicks: rest[11]! + rest[12]!, reapedChildrenTicks: rest[13]! + rest[14]! };
  } catch {
    return null; // not Linux, or the process ended between listing and reading
  }
}
