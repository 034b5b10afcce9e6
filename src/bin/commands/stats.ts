/**
 * `voxpop stats …`: the metrics engine from the command line, for checking a
 * number by hand or planning a survey. No database, no configuration.
 */
import { Command, type ErrorOptions } from 'commander';
import { DomainError } from '../../domain/errors.ts';
import { compareNps, npsFromCounts, npsSampleSize } from '../../domain/metrics/index.ts';
import {
  parseCompareArgs,
  parseNpsArgs,
  parseSampleSizeArgs,
  UsageError,
  type RawCompareOptions,
  type RawNpsOptions,
  type RawSampleSizeOptions,
} from './statsArgs.ts';
import { formatCompareReport, formatJson, formatNpsReport, formatSampleSizeReport } from './statsFormat.ts';

/** Wrong input is the caller's mistake, told apart from failures (exit 1). */
export const USAGE_EXIT_CODE = 2;

/**
 * Every usage error under `stats` — ours, and commander's own (unknown option,
 * missing value) — exits with 2 and prints one line.
 */
class StatsCommand extends Command {
  override createCommand(name?: string): StatsCommand {
    return new StatsCommand(name);
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(message, { ...errorOptions, exitCode: USAGE_EXIT_CODE });
  }
}

export function registerStatsCommand(program: Command): void {
  const stats = new StatsCommand('stats')
    .description('NPS arithmetic: estimates with intervals, comparisons, sample sizes')
    .copyInheritedSettings(program)
    .showHelpAfterError(false);
  program.addCommand(stats);

  stats
    .command('nps')
    .description('NPS with a confidence interval from promoter, passive and detractor counts')
    .option('--promoters <count>', 'answers scoring 9–10')
    .option('--passives <count>', 'answers scoring 7–8')
    .option('--detractors <count>', 'answers scoring 0–6')
    .option('--population <size>', 'size of the surveyed population (applies the finite population correction)')
    .option('--method <method>', 'interval method: adjusted-wald or wald', 'adjusted-wald')
    .option('--level <level>', 'confidence level', '0.95')
    .option('--json', 'print the result as JSON')
    .action((raw: RawNpsOptions, cmd: Command) =>
      runReporting(cmd, raw.json, () => {
        const { counts, options } = parseNpsArgs(raw);
        const result = npsFromCounts(counts, options);
        return { data: result, text: () => formatNpsReport(result) };
      }),
    );

  stats
    .command('compare')
    .description('Compare the NPS of two groups or periods (z test on adjusted Wald)')
    .option('--a <counts>', 'group A as promoters,passives,detractors (e.g. 120,50,30)')
    .option('--b <counts>', 'group B as promoters,passives,detractors')
    .option('--method <method>', 'interval method: adjusted-wald or wald', 'adjusted-wald')
    .option('--level <level>', 'confidence level (alpha = 1 − level)', '0.95')
    .option('--json', 'print the result as JSON')
    .action((raw: RawCompareOptions, cmd: Command) =>
      runReporting(cmd, raw.json, () => {
        const { a, b, options } = parseCompareArgs(raw);
        const result = compareNps(a, b, options);
        return { data: result, text: () => formatCompareReport(result) };
      }),
    );

  stats
    .command('sample-size')
    .description('Answers needed for an NPS within ±margin points')
    .option('--margin <points>', 'desired half-width of the interval, in NPS points')
    .option('--expected-nps <nps>', 'expected NPS, −100..100 (default: assume the worst case)')
    .option('--population <size>', 'size of the population to be surveyed')
    .option('--level <level>', 'confidence level', '0.95')
    .option('--json', 'print the result as JSON')
    .action((raw: RawSampleSizeOptions, cmd: Command) =>
      runReporting(cmd, raw.json, () => {
        const plan = npsSampleSize(parseSampleSizeArgs(raw));
        return { data: plan, text: () => formatSampleSizeReport(plan) };
      }),
    );
}

/** Runs a report, prints it as text or JSON, and turns input mistakes into one-line errors. */
function runReporting(
  cmd: Command,
  json: boolean | undefined,
  compute: () => { data: unknown; text: () => string },
): void {
  let report: { data: unknown; text: () => string };
  try {
    report = compute();
  } catch (err) {
    if (err instanceof UsageError || err instanceof DomainError) {
      cmd.error(`error: ${err.message}`, { exitCode: USAGE_EXIT_CODE, code: 'voxpop.stats.invalid_input' });
    }
    throw err;
  }
  // Written through commander's output so tests (and embedders) can capture it.
  const writeOut = cmd.configureOutput().writeOut ?? ((text: string) => process.stdout.write(text));
  writeOut(json ? formatJson(report.data) : report.text());
}
