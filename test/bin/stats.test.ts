import { describe, expect, it } from 'vitest';
import { Command, CommanderError } from 'commander';
import { registerStatsCommand, USAGE_EXIT_CODE } from '../../src/bin/commands/stats.ts';
import { parseNpsArgs, parseNpsTriple, parseSampleSizeArgs, UsageError } from '../../src/bin/commands/statsArgs.ts';
import {
  formatCompareReport,
  formatFixed,
  formatInterval,
  formatLevel,
  formatNpsReport,
  formatPValue,
  formatSampleSizeReport,
  formatTable,
} from '../../src/bin/commands/statsFormat.ts';
import { compareNps, npsFromCounts, npsSampleSize } from '../../src/domain/metrics/index.ts';

describe('stats formatting', () => {
  it('aligns table columns and trims trailing space', () => {
    expect(formatTable([['NPS', '45.0'], ['Small sample', 'no'], ['x', '']])).toBe(
      'NPS           45.0\nSmall sample  no\nx\n',
    );
  });

  it('formats numbers without "-0.0" and with n/a for missing values', () => {
    expect(formatFixed(-0.04)).toBe('0.0');
    expect(formatFixed(-12.345, 2)).toBe('-12.35');
    expect(formatFixed(null)).toBe('n/a');
    expect(formatLevel(0.95)).toBe('95%');
    expect(formatLevel(0.995)).toBe('99.5%');
    expect(formatPValue(0.0004)).toBe('< 0.001');
    expect(formatPValue(0.0401)).toBe('0.040');
    expect(formatInterval(null)).toBe('n/a');
  });

  it('renders the NPS report', () => {
    expect(formatNpsReport(npsFromCounts({ promoters: 120, passives: 50, detractors: 30 }))).toBe(
      [
        'NPS           45.0',
        '95% interval  34.1 to 54.5 (adjusted Wald)',
        'Answers       200',
        '  Promoters   120 (60.0%)',
        '  Passives     50 (25.0%)',
        '  Detractors   30 (15.0%)',
        'Population    not given',
        'Small sample  no',
        '',
      ].join('\n'),
    );
  });

  it('renders an empty NPS without inventing numbers', () => {
    const text = formatNpsReport(npsFromCounts({ promoters: 0, passives: 0, detractors: 0 }));
    expect(text).toMatch(/^NPS {11}n\/a$/m);
    expect(text).toMatch(/^95% interval {2}n\/a$/m);
    expect(text).toMatch(/Small sample {2}yes/);
  });

  it('renders the comparison report', () => {
    const text = formatCompareReport(
      compareNps({ promoters: 120, passives: 50, detractors: 30 }, { promoters: 80, passives: 60, detractors: 60 }),
    );
    expect(text).toContain('NPS           45.0                          10.0');
    expect(text).toContain('Difference (A - B)  35.0 points');
    expect(text).toContain('95% interval        19.2 to 49.8 (adjusted Wald)');
    expect(text).toContain('z                   4.42');
    expect(text).toContain('p-value             < 0.001');
    expect(text).toContain('Significant         yes (at alpha = 0.05)');
  });

  it('renders the sample-size report', () => {
    const text = formatSampleSizeReport(npsSampleSize({ marginPoints: 10, expectedNps: 40, populationSize: 2000 }));
    expect(text).toContain('Answers needed                 276\n');
    expect(text).toContain('Margin                         ±10.0 NPS points at 95% confidence');
    expect(text).toContain('expected: 70% promoters, 0% passives, 30% detractors');
    expect(text).toContain('Without population correction  320');
  });
});

describe('stats argument parsing', () => {
  it('parses counts and defaults', () => {
    expect(parseNpsArgs({ promoters: '1', passives: '2', detractors: '3' })).toEqual({
      counts: { promoters: 1, passives: 2, detractors: 3 },
      options: { populationSize: undefined, method: 'adjusted-wald', level: 0.95 },
    });
    expect(parseNpsTriple(' 120, 50,30', '--a')).toEqual({ promoters: 120, passives: 50, detractors: 30 });
  });

  it.each([
    [{ promoters: '-3', passives: '1', detractors: '1' }, '--promoters must be a whole number ≥ 0, got "-3"'],
    [{ promoters: '1.5', passives: '1', detractors: '1' }, '--promoters must be a whole number ≥ 0, got "1.5"'],
    [{ promoters: '1', passives: '1' }, 'missing required option --detractors'],
    [{ promoters: '1', passives: '1', detractors: '1', level: '95' }, '--level must be between 0 and 1 (e.g. 0.95), got "95"'],
    [{ promoters: '1', passives: '1', detractors: '1', method: 'exact' }, '--method must be "adjusted-wald" or "wald", got "exact"'],
  ])('rejects %o', (raw, message) => {
    expect(() => parseNpsArgs(raw)).toThrow(new UsageError(message));
  });

  it('rejects a malformed group and a bad margin', () => {
    expect(() => parseNpsTriple('1,2', '--a')).toThrow(UsageError);
    expect(() => parseSampleSizeArgs({ margin: '0' })).toThrow(UsageError);
    expect(() => parseSampleSizeArgs({ margin: 'abc' })).toThrow(UsageError);
    expect(() => parseSampleSizeArgs({ margin: '5', expectedNps: '101' })).toThrow(UsageError);
  });
});

/** A fresh program as voxpop.ts builds it, with output captured and exits turned into exceptions. */
async function run(...args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  let out = '';
  let err = '';
  // Settings are inherited when a subcommand is created, so configure before registering.
  const program = new Command('voxpop')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (err += text) });
  registerStatsCommand(program);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { out, err, exitCode: 0 };
  } catch (error) {
    if (error instanceof CommanderError) return { out, err, exitCode: error.exitCode };
    throw error;
  }
}

describe('voxpop stats (through commander)', () => {
  it('nps prints the report', async () => {
    const result = await run('stats', 'nps', '--promoters', '120', '--passives', '50', '--detractors', '30');
    expect(result.exitCode).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toContain('95% interval  34.1 to 54.5 (adjusted Wald)');
  });

  it('nps --json prints only the numbers', async () => {
    const args = ['stats', 'nps', '--promoters', '120', '--passives', '50', '--detractors', '30', '--method', 'wald', '--population', '1000', '--json'];
    const result = await run(...args);
    expect(JSON.parse(result.out)).toEqual(
      npsFromCounts({ promoters: 120, passives: 50, detractors: 30 }, { method: 'wald', populationSize: 1000 }),
    );
  });

  it('compare --json returns the test', async () => {
    const result = await run('stats', 'compare', '--a', '120,50,30', '--b', '80,60,60', '--json');
    const parsed = JSON.parse(result.out);
    expect(parsed).toMatchObject({ difference: 35, significant: true });
    expect(parsed.statistic).toBeCloseTo(4.417233965210719, 10);
  });

  it('sample-size prints the plan', async () => {
    expect((await run('stats', 'sample-size', '--margin', '5')).out).toMatch(/^Answers needed {4}1534$/m);
    const json = await run('stats', 'sample-size', '--margin', '10', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ requiredN: 382, assumption: 'worst-case' });
  });

  it.each([
    [['stats', 'nps', '--promoters', '-3', '--passives', '1', '--detractors', '1'], 'error: --promoters must be a whole number ≥ 0, got "-3"'],
    [['stats', 'nps', '--promoters', '3', '--passives', '1'], 'error: missing required option --detractors'],
    [['stats', 'nps', '--promoters', '3', '--passives', '1', '--detractors', '2', '--population', '4'], 'error: population size 4 is smaller than the 6 answers'],
    [['stats', 'nps', '--promoters', '3', '--bogus', '1'], "error: unknown option '--bogus'"],
    [['stats', 'nps', '--promoters'], "error: option '--promoters <count>' argument missing"],
    [['stats', 'compare', '--a', '1,2', '--b', '1,2,3'], 'error: --a must be promoters,passives,detractors (e.g. 120,50,30), got "1,2"'],
    [['stats', 'sample-size'], 'error: missing required option --margin'],
  ])('%j fails with one line on stderr and exit code 2', async (args, message) => {
    const result = await run(...args);
    expect(result.exitCode).toBe(USAGE_EXIT_CODE);
    expect(result.out).toBe('');
    expect(result.err).toBe(`${message}\n`);
  });
});
