/**
 * When a respondent may be contacted: their allowed (quiet-hours-free) hours,
 * every day, intersected with the campaign's send window when it has one, both
 * read on the wall clock of the respondent's time zone.
 *
 * Each allowed day contributes one interval [start, end) of instants, where a
 * boundary wall time resolves to the earliest instant whose wall time has
 * reached it: in a spring-forward gap that is the first instant after the gap,
 * in a fall-back overlap it is the earlier of the two. So the repeated hour of
 * a fall-back day belongs to the interval exactly when its first pass does.
 *
 * Deterministic, no I/O. The campaign engine calls this for every contact of a
 * batch, so it does plain arithmetic on epoch milliseconds instead of building
 * luxon DateTimes, and reads offsets from a memoized per-zone, per-UTC-day table
 * filled from luxon's IANAZone (which keeps one Intl.DateTimeFormat per zone).
 * The table is a cache of a pure function: it changes speed, never answers.
 */
import { IANAZone } from 'luxon';
import { DomainError } from '../errors.ts';

/** 'HH:MM' 24-hour local wall-clock time. */
export type LocalTime = string;

/** Allowed hours (the respondent may be contacted from `from` inclusive to `to` exclusive, local time). Default 09:00–21:00. */
export interface AllowedHours {
  from: LocalTime;
  to: LocalTime;
}

/** A campaign's send window: ISO weekdays (1 = Monday … 7 = Sunday) and allowed hours on those days, in the respondent's local time. */
export interface SendWindow {
  days: number[];
  from: LocalTime;
  to: LocalTime;
}

export const DEFAULT_QUIET_HOURS: AllowedHours = { from: '09:00', to: '21:00' };

export interface ScheduleRules {
  /** IANA time zone of the respondent, e.g. 'Europe/Moscow'. */
  zone: string;
  allowed: AllowedHours;
  window?: SendWindow | null;
}

/** Raised for rules that should have been refused by checkAllowedHours / checkSendWindow / isValidTimeZone. */
export const SCHEDULE_ERROR_CODES = { invalidRules: 'schedule.invalid_rules' } as const;

const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1_440;
const ALL_DAYS_MASK = 0b1111_1110; // bits 1..7, one per ISO weekday
/** 1970-01-01 was a Thursday (ISO 4); shifts epoch day numbers onto ISO weekdays. */
const EPOCH_WEEKDAY_SHIFT = 3;
/** A day plus a week: from the current local day, some allowed day starts within this many days. */
const DAYS_TO_SEARCH = 8;

const LOCAL_TIME = /^(\d{2}):(\d{2})$/;

/** Minutes after local midnight, or null when `time` is not 'HH:MM' (up to 24:00 when `endOfDay` is allowed). */
function minutesOf(time: LocalTime, endOfDayAllowed: boolean): number | null {
  const match = LOCAL_TIME.exec(time);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59) return null;
  const total = hours * 60 + minutes;
  if (total < MINUTES_PER_DAY) return total;
  return endOfDayAllowed && total === MINUTES_PER_DAY ? total : null;
}

export function isValidTimeZone(zone: string): boolean {
  // Not IANAZone.create: it caches every name it is given, and this checks untrusted input.
  return typeof zone === 'string' && IANAZone.isValidZone(zone);
}

/** Checks an AllowedHours for the API; returns an error message or null. */
export function checkAllowedHours(h: AllowedHours): string | null {
  return checkRange(h.from, h.to);
}

/** Checks a SendWindow for the API; returns an error message or null. */
export function checkSendWindow(w: SendWindow): string | null {
  if (!Array.isArray(w.days) || w.days.length === 0) return 'The send window needs at least one weekday.';
  for (const day of w.days) {
    if (!Number.isInteger(day) || day < 1 || day > 7) return `Weekday ${String(day)} is not valid: use 1 (Monday) to 7 (Sunday).`;
  }
  if (new Set(w.days).size !== w.days.length) return 'The send window lists a weekday more than once.';
  return checkRange(w.from, w.to);
}

function checkRange(from: LocalTime, to: LocalTime): string | null {
  const fromMinutes = minutesOf(from, false);
  if (fromMinutes === null) return `"${from}" is not a time: use HH:MM from 00:00 to 23:59.`;
  const toMinutes = minutesOf(to, true);
  if (toMinutes === null) return `"${to}" is not a time: use HH:MM from 00:01 to 24:00.`;
  if (fromMinutes >= toMinutes) return `The start (${from}) must be earlier than the end (${to}); ranges across midnight are not supported.`;
  return null;
}

interface CompiledRules {
  zone: IANAZone;
  /** Bit n set ⇔ ISO weekday n is allowed. */
  daysMask: number;
  fromMinutes: number;
  toMinutes: number;
}

function invalidRules(message: string): DomainError {
  return new DomainError(SCHEDULE_ERROR_CODES.invalidRules, message);
}

function compile(rules: ScheduleRules): CompiledRules {
  const zone = IANAZone.create(rules.zone);
  if (!zone.isValid) throw invalidRules(`Unknown time zone "${rules.zone}".`);
  const hoursProblem = checkAllowedHours(rules.allowed);
  if (hoursProblem) throw invalidRules(`Allowed hours: ${hoursProblem}`);
  let fromMinutes = minutesOf(rules.allowed.from, false)!;
  let toMinutes = minutesOf(rules.allowed.to, true)!;
  let daysMask = ALL_DAYS_MASK;
  const window = rules.window;
  if (window) {
    const windowProblem = checkSendWindow(window);
    if (windowProblem) throw invalidRules(`Send window: ${windowProblem}`);
    fromMinutes = Math.max(fromMinutes, minutesOf(window.from, false)!);
    toMinutes = Math.min(toMinutes, minutesOf(window.to, true)!);
    daysMask = window.days.reduce((mask, day) => mask | (1 << day), 0);
  }
  if (fromMinutes >= toMinutes) {
    throw invalidRules(
      `The allowed hours ${rules.allowed.from}–${rules.allowed.to} and the send window ${window?.from}–${window?.to} do not overlap, so no send can ever be allowed.`,
    );
  }
  return { zone, daysMask, fromMinutes, toMinutes };
}

/** `at` itself when a send is allowed then; otherwise the earliest later instant when it is (never earlier than `at`). Throws if no instant can ever be allowed. */
export function nextAllowedInstant(at: Date, rules: ScheduleRules): Date {
  const atMs = at.getTime();
  if (!Number.isFinite(atMs)) throw invalidRules('The instant to schedule from is not a valid date.');
  const nextMs = nextAllowedMs(atMs, compile(rules));
  return nextMs === atMs ? at : new Date(nextMs);
}

export function isAllowedAt(at: Date, rules: ScheduleRules): boolean {
  return nextAllowedInstant(at, rules).getTime() === at.getTime();
}

function nextAllowedMs(atMs: number, rules: CompiledRules): number {
  const offsets = zoneOffsets(rules.zone);
  // Local midnight of `at`'s own day, as a "wall clock read as UTC" timestamp. No earlier day can
  // still be open: its end resolves to at most this midnight, and `at` is at or after it.
  const localMs = atMs + offsets.at(atMs) * MINUTE_MS;
  let dayStartWall = Math.floor(localMs / DAY_MS) * DAY_MS;
  for (let i = 0; i < DAYS_TO_SEARCH; i++, dayStartWall += DAY_MS) {
    if ((rules.daysMask & (1 << isoWeekday(dayStartWall))) === 0) continue;
    const [startMs, endMs] = dayInterval(dayStartWall, rules, offsets);
    if (startMs < endMs && atMs < endMs) return Math.max(startMs, atMs);
  }
  // Unreachable for compiled rules (some weekday recurs within a week); kept as a guard.
  throw invalidRules('No instant in the next week is allowed by these rules.');
}

function isoWeekday(dayStartWall: number): number {
  const epochDay = Math.round(dayStartWall / DAY_MS);
  return ((((epochDay + EPOCH_WEEKDAY_SHIFT) % 7) + 7) % 7) + 1;
}

/** The allowed instants of one local day: [start, end), possibly empty when both ends fall in one DST gap. */
function dayInterval(dayStartWall: number, rules: CompiledRules, offsets: ZoneOffsets): [number, number] {
  const fromWall = dayStartWall + rules.fromMinutes * MINUTE_MS;
  const toWall = dayStartWall + rules.toMinutes * MINUTE_MS;
  // Every instant whose wall time lies on this day is within a day of it (offsets span −12h…+14h).
  const offset = offsets.constantBetween(dayStartWall - DAY_MS, dayStartWall + 2 * DAY_MS);
  if (offset !== null) return [fromWall - offset * MINUTE_MS, toWall - offset * MINUTE_MS];
  return [resolveWallTime(fromWall, offsets), resolveWallTime(toWall, offsets)];
}

/**
 * The earliest instant whose wall time has reached `wallMs` (a wall-clock time read as UTC):
 * the instant itself when it exists once, the earlier one in an overlap, the end of the gap in a gap.
 */
function resolveWallTime(wallMs: number, offsets: ZoneOffsets): number {
  const offsetEarly = offsets.at(wallMs - DAY_MS);
  const offsetLate = offsets.at(wallMs + DAY_MS);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of [offsetEarly, offsetLate]) {
    const candidate = wallMs - offset * MINUTE_MS;
    if (offsets.at(candidate) === offset && candidate < best) best = candidate;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  // A gap: wall time jumps over `wallMs`. The first instant whose wall time is past it is the transition.
  let lo = wallMs - Math.max(offsetEarly, offsetLate) * MINUTE_MS; // wall time before wallMs
  let hi = wallMs - Math.min(offsetEarly, offsetLate) * MINUTE_MS; // wall time after wallMs
  while (hi - lo > SECOND_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND_MS) * SECOND_MS;
    if (mid + offsets.at(mid) * MINUTE_MS >= wallMs) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * A zone's UTC offsets, one table row per UTC day, memoized: luxon asks Intl for each offset
 * (several µs), and a batch asks about the same few zones and days over and over. Exact as long
 * as a zone changes its offset at most once per UTC day, which holds throughout the tz database
 * for the dates a survey is sent on.
 */
interface DayOffsets {
  /** Minutes east of UTC at the day's start, and after its transition. */
  before: number;
  after: number;
  /** First instant (ms) with `after`; +Infinity when the offset holds all day. */
  transitionMs: number;
}

const MAX_CACHED_DAYS_PER_ZONE = 4_096;
const offsetTables = new Map<string, ZoneOffsets>();

function zoneOffsets(zone: IANAZone): ZoneOffsets {
  let table = offsetTables.get(zone.name);
  if (!table) offsetTables.set(zone.name, (table = new ZoneOffsets(zone)));
  return table;
}

class ZoneOffsets {
  private readonly days = new Map<number, DayOffsets>();

  constructor(private readonly zone: IANAZone) {}

  /** Offset in minutes at the instant `ms`. */
  at(ms: number): number {
    const day = this.day(Math.floor(ms / DAY_MS));
    return ms < day.transitionMs ? day.before : day.after;
  }

  /** The offset when it is the same throughout [fromMs, toMs), else null. */
  constantBetween(fromMs: number, toMs: number): number | null {
    const offset = this.at(fromMs);
    for (let day = Math.floor(fromMs / DAY_MS); day * DAY_MS < toMs; day++) {
      const row = this.day(day);
      if (row.before !== offset || row.after !== offset) return null;
    }
    return offset;
  }

  private day(epochDay: number): DayOffsets {
    let row = this.days.get(epochDay);
    if (!row) {
      if (this.days.size >= MAX_CACHED_DAYS_PER_ZONE) this.days.clear();
      row = this.measureDay(epochDay * DAY_MS);
      this.days.set(epochDay, row);
    }
    return row;
  }

  private measureDay(startMs: number): DayOffsets {
    const lastSecondMs = startMs + DAY_MS - SECOND_MS;
    const before = this.zone.offset(startMs);
    const after = this.zone.offset(lastSecondMs);
    if (before === after) return { before, after, transitionMs: Number.POSITIVE_INFINITY };
    // Offsets change on whole seconds (luxon reads them to the second), so search in seconds.
    let lo = startMs;
    let hi = lastSecondMs;
    while (hi - lo > SECOND_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / SECOND_MS) * SECOND_MS;
      if (this.zone.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    return { before, after, transitionMs: hi };
  }
}
