/**
 * Turns the raw strings of `voxpop stats …` into typed inputs for the metrics
 * engine. Pure; every mistake is a UsageError whose message names the option.
 */
import type { NpsCounts, NpsIntervalMethod, NpsOptions, NpsSampleSizeInput } from '../../domain/metrics/index.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

type Raw = string | boolean | undefined;

const WHOLE_NUMBER = /^\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function requireValue(raw: Raw, flag: string): string {
  if (raw === undefined) throw new UsageError(`missing required option ${flag}`);
  if (typeof raw !== 'string' || raw.trim() === '') throw new UsageError(`${flag} needs a value`);
  return raw.trim();
}

export function parseCount(raw: Raw, flag: string): number {
  const text = requireValue(raw, flag);
  const value = Number(text);
  if (!WHOLE_NUMBER.test(text) || !Number.isSafeInteger(value)) {
    throw new UsageError(`${flag} must be a whole number ≥ 0, got "${text}"`);
  }
  return value;
}

function parseDecimal(raw: Raw, flag: string): number {
  const text = requireValue(raw, flag);
  if (!DECIMAL.test(text)) throw new UsageError(`${flag} must be a number, got "${text}"`);
  return Number(text);
}

/** "P,A,D" → counts, e.g. "120,50,30". */
export function parseNpsTriple(raw: Raw, flag: string): NpsCounts {
  const text = requireValue(raw, flag);
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 3) {
    throw new UsageError(`${flag} must be promoters,passives,detractors (e.g. 120,50,30), got "${text}"`);
  }
  const [promoters, passives, detractors] = parts.map((part) => parseCount(part, flag)) as [number, number, number];
  return { promoters, passives, detractors };
}

export function parseLevel(raw: Raw): number {
  if (raw === undefined) return 0.95;
  const level = parseDecimal(raw, '--level');
  if (!(level > 0 && level < 1)) {
    throw new UsageError(`--level must be between 0 and 1 (e.g. 0.95), got "${String(raw)}"`);
  }
  return level;
}

export function parsePopulation(raw: Raw, flag = '--population'): number | undefined {
  if (raw === undefined) return undefined;
  const population = parseCount(raw, flag);
  if (population < 1) throw new UsageError(`${flag} must be at least 1`);
  return population;
}

export function parseMethod(raw: Raw): NpsIntervalMethod {
  if (raw === undefined) return 'adjusted-wald';
  if (raw === 'adjusted-wald' || raw === 'wald') return raw;
  throw new UsageError(`--method must be "adjusted-wald" or "wald", got "${String(raw)}"`);
}

export interface RawNpsOptions {
  promoters?: Raw;
  passives?: Raw;
  detractors?: Raw;
  population?: Raw;
  method?: Raw;
  level?: Raw;
  json?: boolean;
}

export function parseNpsArgs(raw: RawNpsOptions): { counts: NpsCounts; options: NpsOptions } {
  return {
    counts: {
      promoters: parseCount(raw.promoters, '--promoters'),
      passives: parseCount(raw.passives, '--passives'),
      detractors: parseCount(raw.detractors, '--detractors'),
    },
    options: { populationSize: parsePopulation(raw.population), method: parseMethod(raw.method), level: parseLevel(raw.level) },
  };
}

export interface RawCompareOptions {
  a?: Raw;
  b?: Raw;
  method?: Raw;
  level?: Raw;
  json?: boolean;
}

export function parseCompareArgs(raw: RawCompareOptions): {
  a: NpsCounts;
  b: NpsCounts;
  options: { method: NpsIntervalMethod; level: number };
} {
  return {
    a: parseNpsTriple(raw.a, '--a'),
    b: parseNpsTriple(raw.b, '--b'),
    options: { method: parseMethod(raw.method), level: parseLevel(raw.level) },
  };
}

export interface RawSampleSizeOptions {
  margin?: Raw;
  expectedNps?: Raw;
  population?: Raw;
  level?: Raw;
  json?: boolean;
}

export function parseSampleSizeArgs(raw: RawSampleSizeOptions): NpsSampleSizeInput {
  const marginPoints = parseDecimal(raw.margin, '--margin');
  if (!(marginPoints > 0 && marginPoints <= 200)) {
    throw new UsageError(`--margin must be more than 0 and at most 200 NPS points, got "${String(raw.margin)}"`);
  }
  const input: NpsSampleSizeInput = { marginPoints, level: parseLevel(raw.level) };
  if (raw.expectedNps !== undefined) {
    const expectedNps = parseDecimal(raw.expectedNps, '--expected-nps');
    if (expectedNps < -100 || expectedNps > 100) {
      throw new UsageError(`--expected-nps must be from -100 to 100, got "${String(raw.expectedNps)}"`);
    }
    input.expectedNps = expectedNps;
  }
  const populationSize = parsePopulation(raw.population);
  if (populationSize !== undefined) input.populationSize = populationSize;
  return input;
}
