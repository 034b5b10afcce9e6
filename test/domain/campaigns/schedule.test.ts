import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import {
  DEFAULT_QUIET_HOURS,
  checkAllowedHours,
  checkSendWindow,
  isAllowedAt,
  isValidTimeZone,
  nextAllowedInstant,
  type ScheduleRules,
  type SendWindow,
} from '../../../src/domain/campaigns/schedule.ts';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];
const ALL_DAY = { from: '00:00', to: '24:00' };

const utc = (iso: string) => new Date(iso);
const next = (iso: string, rules: ScheduleRules) => nextAllowedInstant(utc(iso), rules).toISOString();
const quiet = (zone: string): ScheduleRules => ({ zone, allowed: DEFAULT_QUIET_HOURS });
/** Rules where only the window matters: allowed all day. */
const windowOnly = (zone: string, window: SendWindow): ScheduleRules => ({ zone, allowed: ALL_DAY, window });

describe('quiet hours in the respondent’s zone', () => {
  it('default hours are 09:00–21:00, `from` inclusive and `to` exclusive', () => {
    // Moscow is UTC+3 all year.
    expect(next('2026-06-10T05:59:00Z', quiet('Europe/Moscow'))).toBe('2026-06-10T06:00:00.000Z');
    expect(isAllowedAt(utc('2026-06-10T06:00:00Z'), quiet('Europe/Moscow'))).toBe(true);
    expect(isAllowedAt(utc('2026-06-10T17:59:59.999Z'), quiet('Europe/Moscow'))).toBe(true);
    expect(isAllowedAt(utc('2026-06-10T18:00:00Z'), quiet('Europe/Moscow'))).toBe(false);
    expect(next('2026-06-10T18:00:00Z', quiet('Europe/Moscow'))).toBe('2026-06-11T06:00:00.000Z');
  });

  it('returns `at` itself (same object) when a send is allowed then', () => {
    const at = utc('2026-06-10T10:00:00Z');
    expect(nextAllowedInstant(at, quiet('Europe/Moscow'))).toBe(at);
  });

  it('Kaliningrad is UTC+2 in winter and in summer', () => {
    expect(next('2026-01-15T05:00:00Z', quiet('Europe/Kaliningrad'))).toBe('2026-01-15T07:00:00.000Z');
    expect(next('2026-07-15T05:00:00Z', quiet('Europe/Kaliningrad'))).toBe('2026-07-15T07:00:00.000Z');
    expect(next('2026-07-15T19:30:00Z', quiet('Europe/Kaliningrad'))).toBe('2026-07-16T07:00:00.000Z');
  });

  it('Vladivostok (UTC+10): a late evening send waits for 09:00, the previous UTC day', () => {
    // 22:00 local on 10 June → 09:00 local on 11 June = 23:00 UTC on 10 June.
    expect(next('2026-06-10T12:00:00Z', quiet('Asia/Vladivostok'))).toBe('2026-06-10T23:00:00.000Z');
  });

  it('the same UTC instant is allowed in Moscow and not in Vladivostok', () => {
    const at = utc('2026-06-10T12:00:00Z'); // 15:00 in Moscow, 22:00 in Vladivostok
    expect(isAllowedAt(at, quiet('Europe/Moscow'))).toBe(true);
    expect(isAllowedAt(at, quiet('Asia/Vladivostok'))).toBe(false);
  });
});

describe('send window', () => {
  const weekdaysOfficeHours: ScheduleRules = {
    zone: 'Europe/Moscow',
    allowed: DEFAULT_QUIET_HOURS,
    window: { days: WEEKDAYS, from: '09:00', to: '18:00' },
  };

  it('a Friday-evening send is rescheduled to Monday 09:00 by a Mon–Fri window', () => {
    // Friday 12 June 2026, 19:00 MSK → Monday 15 June, 09:00 MSK.
    expect(next('2026-06-12T16:00:00Z', weekdaysOfficeHours)).toBe('2026-06-15T06:00:00.000Z');
    // Saturday noon, too.
    expect(next('2026-06-13T09:00:00Z', weekdaysOfficeHours)).toBe('2026-06-15T06:00:00.000Z');
    // Friday 17:59 is still inside.
    expect(isAllowedAt(utc('2026-06-12T14:59:00Z'), weekdaysOfficeHours)).toBe(true);
  });

  it('a window narrower than the quiet hours decides', () => {
    const rules: ScheduleRules = { zone: 'Europe/Moscow', allowed: DEFAULT_QUIET_HOURS, window: { days: EVERY_DAY, from: '10:00', to: '12:00' } };
    expect(next('2026-06-10T06:30:00Z', rules)).toBe('2026-06-10T07:00:00.000Z'); // 09:30 → 10:00
    expect(next('2026-06-10T09:00:00Z', rules)).toBe('2026-06-11T07:00:00.000Z'); // 12:00 → tomorrow 10:00
  });

  it('quiet hours narrower than the window decide', () => {
    const rules: ScheduleRules = { zone: 'Europe/Moscow', allowed: DEFAULT_QUIET_HOURS, window: { days: EVERY_DAY, from: '08:00', to: '22:00' } };
    expect(next('2026-06-10T05:30:00Z', rules)).toBe('2026-06-10T06:00:00.000Z'); // 08:30 → 09:00
    expect(next('2026-06-10T18:30:00Z', rules)).toBe('2026-06-11T06:00:00.000Z'); // 21:30 → tomorrow 09:00
  });

  it("'24:00' as `to` means up to the end of the day", () => {
    const rules: ScheduleRules = { zone: 'Europe/Moscow', allowed: { from: '18:00', to: '24:00' } };
    expect(isAllowedAt(utc('2026-06-10T20:59:59.999Z'), rules)).toBe(true); // 23:59:59.999
    expect(next('2026-06-10T21:00:00Z', rules)).toBe('2026-06-11T15:00:00.000Z'); // midnight → 18:00

    // Friday evenings only: Saturday 00:00 waits for the next Friday.
    const fridays = windowOnly('Europe/Moscow', { days: [5], from: '18:00', to: '24:00' });
    expect(isAllowedAt(utc('2026-06-12T20:59:00Z'), fridays)).toBe(true);
    expect(next('2026-06-12T21:00:00Z', fridays)).toBe('2026-06-19T15:00:00.000Z');
  });

  it('an impossible rule set throws a clear error', () => {
    const disjoint: ScheduleRules = { zone: 'Europe/Moscow', allowed: { from: '09:00', to: '12:00' }, window: { days: EVERY_DAY, from: '13:00', to: '15:00' } };
    expect(() => nextAllowedInstant(utc('2026-06-10T00:00:00Z'), disjoint)).toThrow(/do not overlap/);
    const touching: ScheduleRules = { zone: 'Europe/Moscow', allowed: { from: '09:00', to: '12:00' }, window: { days: EVERY_DAY, from: '12:00', to: '15:00' } };
    expect(() => isAllowedAt(utc('2026-06-10T00:00:00Z'), touching)).toThrow(/do not overlap/);
    const noDays = windowOnly('Europe/Moscow', { days: [], from: '09:00', to: '18:00' });
    expect(() => nextAllowedInstant(utc('2026-06-10T00:00:00Z'), noDays)).toThrow(/at least one weekday/);
    const backwards: ScheduleRules = { zone: 'Europe/Moscow', allowed: { from: '21:00', to: '09:00' } };
    expect(() => nextAllowedInstant(utc('2026-06-10T00:00:00Z'), backwards)).toThrow(/earlier than the end/);
    expect(() => nextAllowedInstant(utc('2026-06-10T00:00:00Z'), quiet('Mars/Olympus_Mons'))).toThrow(/Unknown time zone/);
    expect(() => nextAllowedInstant(new Date(Number.NaN), quiet('Europe/Moscow'))).toThrow(/not a valid date/);
  });
});

describe('daylight saving time', () => {
  describe('Europe/Berlin spring forward, 2026-03-29 (02:00 CET → 03:00 CEST at 01:00 UTC)', () => {
    it('quiet hours follow the new offset', () => {
      expect(next('2026-03-29T06:00:00Z', quiet('Europe/Berlin'))).toBe('2026-03-29T07:00:00.000Z'); // 08:00 CEST → 09:00 CEST
      expect(next('2026-03-28T06:00:00Z', quiet('Europe/Berlin'))).toBe('2026-03-28T08:00:00.000Z'); // the day before: CET
    });

    it('a window starting in the gap opens at the first existing instant, 03:00 CEST', () => {
      const rules = windowOnly('Europe/Berlin', { days: EVERY_DAY, from: '02:30', to: '05:00' });
      expect(next('2026-03-29T00:00:00Z', rules)).toBe('2026-03-29T01:00:00.000Z');
      expect(isAllowedAt(utc('2026-03-29T00:59:59Z'), rules)).toBe(false); // 01:59:59 CET
    });

    it('a window straddling the gap is one real hour shorter', () => {
      const rules = windowOnly('Europe/Berlin', { days: EVERY_DAY, from: '01:30', to: '03:30' });
      expect(next('2026-03-29T00:00:00Z', rules)).toBe('2026-03-29T00:30:00.000Z'); // 01:30 CET
      expect(isAllowedAt(utc('2026-03-29T01:00:00Z'), rules)).toBe(true); // 03:00 CEST
      expect(isAllowedAt(utc('2026-03-29T01:29:59Z'), rules)).toBe(true); // 03:29:59 CEST
      expect(next('2026-03-29T01:30:00Z', rules)).toBe('2026-03-29T23:30:00.000Z'); // 03:30 CEST → 01:30 CEST next day
    });

    it('a window wholly inside the gap is empty that day', () => {
      const rules = windowOnly('Europe/Berlin', { days: EVERY_DAY, from: '02:15', to: '02:45' });
      expect(next('2026-03-29T00:00:00Z', rules)).toBe('2026-03-30T00:15:00.000Z');
    });
  });

  describe('Europe/Berlin fall back, 2026-10-25 (03:00 CEST → 02:00 CET at 01:00 UTC)', () => {
    it('a window starting in the overlap opens at the earlier 02:30 and keeps the repeated hour', () => {
      const rules = windowOnly('Europe/Berlin', { days: EVERY_DAY, from: '02:30', to: '03:30' });
      expect(next('2026-10-25T00:00:00Z', rules)).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
      expect(isAllowedAt(utc('2026-10-25T01:15:00Z'), rules)).toBe(true); // 02:15 CET, second pass
      expect(isAllowedAt(utc('2026-10-25T02:29:59Z'), rules)).toBe(true); // 03:29:59 CET
      expect(next('2026-10-25T02:30:00Z', rules)).toBe('2026-10-26T01:30:00.000Z'); // 02:30 CET next day
    });

    it('a window ending in the overlap closes at the earlier instance', () => {
      const rules = windowOnly('Europe/Berlin', { days: EVERY_DAY, from: '01:00', to: '02:30' });
      expect(isAllowedAt(utc('2026-10-25T00:20:00Z'), rules)).toBe(true); // 02:20 CEST, first pass
      expect(isAllowedAt(utc('2026-10-25T01:10:00Z'), rules)).toBe(false); // 02:10 CET, second pass
      expect(next('2026-10-25T01:10:00Z', rules)).toBe('2026-10-26T00:00:00.000Z'); // 01:00 CET next day
    });

    it('quiet hours follow the new offset', () => {
      expect(next('2026-10-25T06:00:00Z', quiet('Europe/Berlin'))).toBe('2026-10-25T08:00:00.000Z'); // 07:00 CET → 09:00 CET
    });
  });

  describe('America/New_York spring forward, 2026-03-08 (02:00 EST → 03:00 EDT at 07:00 UTC)', () => {
    it('a window straddling the gap', () => {
      const rules = windowOnly('America/New_York', { days: EVERY_DAY, from: '01:30', to: '03:30' });
      expect(next('2026-03-08T06:00:00Z', rules)).toBe('2026-03-08T06:30:00.000Z'); // 01:30 EST
      expect(isAllowedAt(utc('2026-03-08T07:00:00Z'), rules)).toBe(true); // 03:00 EDT
      expect(next('2026-03-08T07:30:00Z', rules)).toBe('2026-03-09T05:30:00.000Z'); // 03:30 EDT → 01:30 EDT
    });

    it('a window starting in the gap opens at 03:00 EDT', () => {
      const rules = windowOnly('America/New_York', { days: EVERY_DAY, from: '02:30', to: '04:00' });
      expect(next('2026-03-08T05:00:00Z', rules)).toBe('2026-03-08T07:00:00.000Z');
    });
  });

  describe('America/New_York fall back, 2026-11-01 (02:00 EDT → 01:00 EST at 06:00 UTC)', () => {
    it('a window starting in the overlap opens at the earlier 01:30 (EDT)', () => {
      const rules = windowOnly('America/New_York', { days: EVERY_DAY, from: '01:30', to: '03:00' });
      expect(next('2026-11-01T04:00:00Z', rules)).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
      expect(isAllowedAt(utc('2026-11-01T06:15:00Z'), rules)).toBe(true); // 01:15 EST, second pass
      expect(next('2026-11-01T08:00:00Z', rules)).toBe('2026-11-02T06:30:00.000Z'); // 03:00 EST → 01:30 EST
    });

    it('a window ending in the overlap closes at the earlier 01:30 (EDT)', () => {
      const rules = windowOnly('America/New_York', { days: EVERY_DAY, from: '00:00', to: '01:30' });
      expect(isAllowedAt(utc('2026-11-01T05:15:00Z'), rules)).toBe(true); // 01:15 EDT
      expect(isAllowedAt(utc('2026-11-01T06:15:00Z'), rules)).toBe(false); // 01:15 EST, second pass
      expect(next('2026-11-01T06:15:00Z', rules)).toBe('2026-11-02T05:00:00.000Z'); // 00:00 EST next day
    });
  });
});

describe('checks for the API', () => {
  it('checkAllowedHours', () => {
    expect(checkAllowedHours(DEFAULT_QUIET_HOURS)).toBeNull();
    expect(checkAllowedHours({ from: '00:00', to: '24:00' })).toBeNull();
    expect(checkAllowedHours({ from: '24:00', to: '24:00' })).toMatch(/not a time/);
    expect(checkAllowedHours({ from: '9:00', to: '21:00' })).toMatch(/not a time/);
    expect(checkAllowedHours({ from: '09:60', to: '21:00' })).toMatch(/not a time/);
    expect(checkAllowedHours({ from: '09:00', to: '24:01' })).toMatch(/not a time/);
    expect(checkAllowedHours({ from: '09:00', to: '25:00' })).toMatch(/not a time/);
    expect(checkAllowedHours({ from: '09:00', to: '09:00' })).toMatch(/earlier than the end/);
    expect(checkAllowedHours({ from: '22:00', to: '06:00' })).toMatch(/across midnight/);
  });

  it('checkSendWindow', () => {
    expect(checkSendWindow({ days: WEEKDAYS, from: '09:00', to: '18:00' })).toBeNull();
    expect(checkSendWindow({ days: [], from: '09:00', to: '18:00' })).toMatch(/at least one weekday/);
    expect(checkSendWindow({ days: [0], from: '09:00', to: '18:00' })).toMatch(/not valid/);
    expect(checkSendWindow({ days: [8], from: '09:00', to: '18:00' })).toMatch(/not valid/);
    expect(checkSendWindow({ days: [1.5], from: '09:00', to: '18:00' })).toMatch(/not valid/);
    expect(checkSendWindow({ days: [1, 1], from: '09:00', to: '18:00' })).toMatch(/more than once/);
    expect(checkSendWindow({ days: [1], from: '18:00', to: '09:00' })).toMatch(/earlier than the end/);
  });

  it('isValidTimeZone', () => {
    for (const zone of ['Europe/Moscow', 'Asia/Vladivostok', 'America/New_York', 'UTC']) expect(isValidTimeZone(zone)).toBe(true);
    for (const zone of ['', 'Mars/Olympus_Mons', 'Europe/Nowhere']) expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('laws (property-based)', () => {
  const ZONES = [
    'Europe/Kaliningrad',
    'Europe/Moscow',
    'Asia/Vladivostok',
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe', // 30-minute DST shift
    'Asia/Kathmandu', // +05:45
    'America/St_Johns', // −03:30 with DST
    'America/Havana', // transitions at midnight
    'America/Santiago', // southern-hemisphere DST, transitions at midnight
    'Pacific/Chatham', // +12:45 / +13:45
    'UTC',
  ];
  const MINUTE_MS = 60_000;
  /** DST transitions of 2026, so that a good share of the instants land next to one. */
  const TRANSITIONS = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z'].map((iso) => Date.parse(iso));

  const minuteOfDay = fc.integer({ min: 0, max: 1439 });
  /** 'HH:MM' pair with from < to; `to` may be 24:00. */
  const range = fc.tuple(minuteOfDay, fc.integer({ min: 1, max: 1440 })).filter(([a, b]) => a < b);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const rulesArb: fc.Arbitrary<ScheduleRules> = fc
    .record({
      zone: fc.constantFrom(...ZONES),
      allowed: range,
      window: fc.option(fc.record({ days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), hours: range })),
    })
    .filter(({ allowed, window }) => !window || Math.max(allowed[0], window.hours[0]) < Math.min(allowed[1], window.hours[1]))
    .map(({ zone, allowed, window }) => ({
      zone,
      allowed: { from: hhmm(allowed[0]), to: hhmm(allowed[1]) },
      window: window ? { days: window.days, from: hhmm(window.hours[0]), to: hhmm(window.hours[1]) } : null,
    }));
  const instantArb = fc.oneof(
    fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
    fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 })).map(([t, d]) => t + d),
  );

  /**
   * Independent reading of the rules on the wall clock (luxon DateTime). Exact for instants a few hours
   * away from a DST transition; next to one, the boundaries resolve as the module documents instead.
   */
  function wallClockAllows(ms: number, rules: ScheduleRules): boolean {
    const local = DateTime.fromMillis(ms, { zone: rules.zone });
    const minutes = local.hour * 60 + local.minute;
    const inRange = (r: { from: string; to: string }) => minutes >= toMinutes(r.from) && minutes < toMinutes(r.to);
    if (!inRange(rules.allowed)) return false;
    return !rules.window || (rules.window.days.includes(local.weekday) && inRange(rules.window));
  }
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const TRANSITION_MARGIN_MS = 3 * 3_600_000; // more than any DST shift of these zones
  const nearTransition = (ms: number, zone: string) => {
    const z = IANAZone.create(zone);
    return z.offset(ms - TRANSITION_MARGIN_MS) !== z.offset(ms + TRANSITION_MARGIN_MS);
  };

  it('the result is at or after `at`, allowed, and nothing allowed lies between (sampled by the minute)', () => {
    fc.assert(
      fc.property(instantArb, rulesArb, fc.integer({ min: 0, max: 1_000_000 }), (atMs, rules, seed) => {
        const at = new Date(atMs);
        const result = nextAllowedInstant(at, rules).getTime();
        expect(result).toBeGreaterThanOrEqual(atMs);
        expect(result - atMs).toBeLessThanOrEqual(8 * 86_400_000);
        expect(isAllowedAt(new Date(result), rules)).toBe(true);
        if (!nearTransition(result, rules.zone)) expect(wallClockAllows(result, rules)).toBe(true);

        // Whole minutes strictly between `at` and the result: the last few, the first few, and a spread.
        const first = Math.floor(atMs / MINUTE_MS) + 1;
        const last = Math.ceil(result / MINUTE_MS) - 1;
        const count = last - first + 1;
        if (count <= 0) return;
        const sample = new Set<number>();
        for (let i = 0; i < Math.min(3, count); i++) sample.add(first + i).add(last - i);
        for (let i = 0; i < Math.min(40, count); i++) sample.add(first + ((seed + i * 7919 * 31) % count));
        for (const minute of sample) {
          const ms = minute * MINUTE_MS;
          expect(isAllowedAt(new Date(ms), rules), `${new Date(ms).toISOString()} is allowed`).toBe(false);
          if (!nearTransition(ms, rules.zone)) expect(wallClockAllows(ms, rules)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a plain wall-clock reading a few hours away from DST transitions', () => {
    fc.assert(
      fc.property(instantArb, rulesArb, (atMs, rules) => {
        fc.pre(!nearTransition(atMs, rules.zone));
        expect(isAllowedAt(new Date(atMs), rules)).toBe(wallClockAllows(atMs, rules));
      }),
      { numRuns: 1000 },
    );
  });
});
