import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTES_MAX,
  AnswerAttributes,
  DIMENSIONS,
  DIMENSION_PROBLEM_CODES,
  customDimensionKeyProblem,
  isValidDimensionKey,
} from '../../../src/domain/surveys/index.ts';
import { BUILT_IN_DIMENSION_LABELS, customDimensionsProblems } from '../../../src/domain/surveys/dimensions.ts';

describe('dimensions', () => {
  it('has the built-in breakdowns', () => {
    expect(DIMENSIONS).toEqual(['service_type', 'department', 'employee', 'channel', 'region']);
  });

  it.each(['branch', 'a', 'product_line_2', 'x'.repeat(40)])('accepts the key %s', (key) => {
    expect(isValidDimensionKey(key)).toBe(true);
    expect(customDimensionKeyProblem(key)).toBeNull();
  });

  it.each(['', '2nd', 'Branch', 'product-line', 'a b', 'x'.repeat(41), 'филиал'])('refuses the key %j', (key) => {
    expect(isValidDimensionKey(key)).toBe(false);
    expect(customDimensionKeyProblem(key)?.code).toBe(DIMENSION_PROBLEM_CODES.invalidKey);
  });

  it('refuses a custom dimension named like a built-in one', () => {
    expect(customDimensionKeyProblem('department')?.code).toBe(DIMENSION_PROBLEM_CODES.reservedKey);
  });
});

describe('AnswerAttributes', () => {
  it('takes built-in and custom dimensions with string values, trimmed', () => {
    expect(AnswerAttributes.parse({ department: ' billing ', employee: 'op-17', branch: 'Алматы' })).toEqual({
      department: 'billing',
      employee: 'op-17',
      branch: 'Алматы',
    });
  });

  it('refuses bad keys, empty or non-string values, and too many attributes', () => {
    expect(AnswerAttributes.safeParse({ Department: 'x' }).success).toBe(false);
    expect(AnswerAttributes.safeParse({ department: '  ' }).success).toBe(false);
    expect(AnswerAttributes.safeParse({ department: 5 }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: ATTRIBUTES_MAX + 1 }, (_, i) => [`d${i}`, 'v']));
    expect(AnswerAttributes.safeParse(many).success).toBe(false);
  });
});

describe('custom dimensions of a tenant', () => {
  const named = (key: string) => ({ key, label: { ru: key, en: key } });

  it('names every built-in dimension in ru and en', () => {
    for (const key of DIMENSIONS) expect(BUILT_IN_DIMENSION_LABELS[key].ru && BUILT_IN_DIMENSION_LABELS[key].en).toBeTruthy();
  });

  it('finds invalid, reserved and repeated keys by position, reporting each key once', () => {
    expect(customDimensionsProblems([named('branch'), named('product_line')])).toEqual([]);
    expect(customDimensionsProblems([named('branch'), named('region'), named('Branch Name'), named('branch'), named('branch')]).map((p) => [p.path, p.code])).toEqual([
      ['customDimensions.1.key', DIMENSION_PROBLEM_CODES.reservedKey],
      ['customDimensions.2.key', DIMENSION_PROBLEM_CODES.invalidKey],
      ['customDimensions.3.key', DIMENSION_PROBLEM_CODES.duplicateKey],
      ['customDimensions.4.key', DIMENSION_PROBLEM_CODES.duplicateKey],
    ]);
  });
});
