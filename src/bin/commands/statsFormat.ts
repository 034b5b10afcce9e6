/**
 * Plain-text reports for `voxpop stats …`: pure functions from results to
 * aligned tables. English for now; the labels live here so i18n has one place to hook in.
 */
import type {
  DifferenceTest,
  Interval,
  IntervalMethod,
  NpsResult,
  NpsSampleSizePlan,
} from '../../domain/metrics/index.ts';

const COLUMN_GAP = '  ';
const NOT_AVAILABLE = 'n/a';

const METHOD_LABELS: Record<IntervalMethod, string> = {
  'adjusted-wald': 'adjusted Wald',
  wald: 'Wald',
  wilson: 'Wilson',
  t: 't',
  'scale-bounds': 'whole scale',
  newcombe: 'Newcombe',
  welch: 'Welch',
};

/** Left-aligned columns padded to the widest cell; trailing spaces trimmed. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join(COLUMN_GAP).trimEnd())
    .join('\n')
    .concat('\n');
}

/** Fixed decimals without a "-0.0". */
export function formatFixed(value: number | null, decimals = 1): string {
  if (value === null) return NOT_AVAILABLE;
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

export function formatPercent(share: number | null, decimals = 1): string {
  return share === null ? NOT_AVAILABLE : `${formatFixed(share * 100, decimals)}%`;
}

/** 0.95 → "95%", 0.995 → "99.5%". */
export function formatLevel(level: number): string {
  return `${Number((level * 100).toFixed(2))}%`;
}

export function formatInterval(interval: Interval | null, decimals = 1): string {
  if (interval === null) return NOT_AVAILABLE;
  return `${formatFixed(interval.lower, decimals)} to ${formatFixed(interval.upper, decimals)} (${METHOD_LABELS[interval.method]})`;
}

export function formatPValue(pValue: number | null): string {
  if (pValue === null) return NOT_AVAILABLE;
  return pValue < 0.001 ? '< 0.001' : pValue.toFixed(3);
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

function intervalLabel(result: { interval: Interval | null }, fallbackLevel: number): string {
  return `${formatLevel(result.interval?.level ?? fallbackLevel)} interval`;
}

export function formatNpsReport(result: NpsResult): string {
  const { counts, shares } = result;
  const countWidth = String(Math.max(counts.promoters, counts.passives, counts.detractors)).length;
  const countCell = (count: number, share: number | undefined): string =>
    `${String(count).padStart(countWidth)} (${formatPercent(share ?? null)})`;
  return formatTable([
    [result.metric === 'enps' ? 'eNPS' : 'NPS', formatFixed(result.estimate)],
    [intervalLabel(result, 0.95), formatInterval(result.interval)],
    ['Answers', String(result.n)],
    ['  Promoters', countCell(counts.promoters, shares?.promoters)],
    ['  Passives', countCell(counts.passives, shares?.passives)],
    ['  Detractors', countCell(counts.detractors, shares?.detractors)],
    ['Population', result.populationSize === null ? 'not given' : String(result.populationSize)],
    ['Small sample', yesNo(result.smallSample)],
  ]);
}

export function formatCompareReport(test: DifferenceTest<NpsResult>): string {
  const level = 1 - test.alpha;
  const groups = formatTable([
    ['', 'A', 'B'],
    ['NPS', formatFixed(test.a.estimate), formatFixed(test.b.estimate)],
    [intervalLabel(test.a, level), formatInterval(test.a.interval), formatInterval(test.b.interval)],
    ['Answers', String(test.a.n), String(test.b.n)],
    ['Small sample', yesNo(test.a.smallSample), yesNo(test.b.smallSample)],
  ]);
  const difference = formatTable([
    ['Difference (A - B)', test.difference === null ? NOT_AVAILABLE : `${formatFixed(test.difference)} points`],
    [`${formatLevel(level)} interval`, formatInterval(test.interval)],
    ['z', formatFixed(test.statistic, 2)],
    ['p-value', formatPValue(test.pValue)],
    ['Significant', `${yesNo(test.significant)} (at alpha = ${Number(test.alpha.toFixed(4))})`],
  ]);
  return `${groups}\n${difference}`;
}

export function formatSampleSizeReport(plan: NpsSampleSizePlan): string {
  const { assumedShares: shares } = plan;
  const split = `${formatPercent(shares.promoters, 0)} promoters, ${formatPercent(shares.passives, 0)} passives, ${formatPercent(shares.detractors, 0)} detractors`;
  const assumption = plan.assumption === 'worst-case' ? `worst case: ${split}` : `expected: ${split}`;
  const rows: string[][] = [
    ['Answers needed', String(plan.requiredN)],
    ['Margin', `±${formatFixed(plan.marginPoints)} NPS points at ${formatLevel(plan.level)} confidence`],
    ['Assumed split', assumption],
    ['Assumed variance', plan.assumedVariance.toFixed(4)],
    ['Population', plan.populationSize === null ? 'unlimited' : String(plan.populationSize)],
  ];
  if (plan.populationSize !== null) rows.push(['Without population correction', String(plan.requiredNWithoutFpc)]);
  return formatTable(rows);
}

export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
