/**
 * A weighting scheme: the known population share of each value of one
 * dimension (calls per queue from the PBX, say), for post-stratified NPS.
 * Shares often come from rounded percentages, so they must sum to 1 within
 * SHARE_SUM_TOLERANCE and are rescaled to sum to exactly 1 before use.
 */
import { DIMENSION_VALUE_MAX_LENGTH } from '../surveys/dimensions.ts';

export const WEIGHTING_VALUES_MIN = 1;
export const WEIGHTING_VALUES_MAX = 500;
export const SHARE_SUM_TOLERANCE = 0.001;
export const WEIGHTING_NAME_MAX_LENGTH = 200;

export interface SchemeProblem {
  path: string;
  message: string;
}

/** Everything wrong with a scheme's shares, by field; empty when they can be saved. */
export function weightingSharesProblems(shares: Readonly<Record<string, number>>): SchemeProblem[] {
  const entries = Object.entries(shares);
  if (entries.length < WEIGHTING_VALUES_MIN || entries.length > WEIGHTING_VALUES_MAX) {
    return [{ path: 'shares', message: `Give between ${WEIGHTING_VALUES_MIN} and ${WEIGHTING_VALUES_MAX} values, got ${entries.length}` }];
  }
  const problems: SchemeProblem[] = [];
  for (const [value, share] of entries) {
    if (value.trim() === '' || value.length > DIMENSION_VALUE_MAX_LENGTH) {
      problems.push({ path: 'shares', message: `A value must have 1 to ${DIMENSION_VALUE_MAX_LENGTH} characters, got "${value.slice(0, 40)}"` });
    } else if (!(typeof share === 'number' && Number.isFinite(share) && share >= 0 && share <= 1)) {
      problems.push({ path: `shares.${value}`, message: `The share of "${value}" must be a number from 0 to 1` });
    }
  }
  if (problems.length > 0) return problems;
  const sum = entries.reduce((s, [, share]) => s + share, 0);
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
    problems.push({ path: 'shares', message: `The shares must sum to 1 (±${SHARE_SUM_TOLERANCE}); they sum to ${Number(sum.toFixed(6))}` });
  }
  return problems;
}

/** The shares rescaled to sum to exactly 1 (they are within the tolerance already). */
export function normalisedShares(shares: Readonly<Record<string, number>>): Record<string, number> {
  const sum = Object.values(shares).reduce((s, v) => s + v, 0);
  return Object.fromEntries(Object.entries(shares).map(([value, share]) => [value, sum === 0 ? 0 : share / sum]));
}
