import fs from 'node:fs';

/** Time is a dependency: tests move it instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function manualClock(start = new Date('2026-01-15T09:00:00Z')): Clock & { advance(ms: number): void; set(d: Date): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (d) => {
      current = d.getTime();
    },
  };
}

/**
 * For end-to-end tests of a separate process: the system time plus the
 * number of milliseconds written in `file` (missing or unreadable = 0),
 * re-read at most every 100 ms. Set by VOXPOP_CLOCK_FILE, never in production.
 */
export function fileOffsetClock(file: string): Clock {
  let offset = 0;
  let readAt = 0;
  return {
    now: () => {
      const real = Date.now();
      if (real - readAt > 100) {
        readAt = real;
        try {
          offset = Number(fs.readFileSync(file, 'utf8').trim()) || 0;
        } catch {
          offset = 0;
        }
      }
      return new Date(real + offset);
    },
  };
}
