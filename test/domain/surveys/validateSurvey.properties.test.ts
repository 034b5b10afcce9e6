import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SURVEY_PROBLEM_CODES,
  canonicalJson,
  describeRule,
  surveyFingerprint,
  surveyTemplates,
  validateSurvey,
  type ShowIfRule,
} from '../../../src/domain/surveys/index.ts';
import { reverseKeys, surveyArbitrary } from './arbitraries.ts';

const KNOWN_CODES: readonly string[] = Object.values(SURVEY_PROBLEM_CODES);

describe('validateSurvey laws', () => {
  it('is deterministic and blind to key order and copying', () => {
    fc.assert(
      fc.property(surveyArbitrary(), (definition) => {
        const first = validateSurvey(definition);
        expect(validateSurvey(definition)).toEqual(first);
        expect(validateSurvey(structuredClone(definition))).toEqual(first);
        expect(validateSurvey(reverseKeys(definition))).toEqual(first);
        expect(first.ok).toBe(first.problems.length === 0);
      }),
    );
  });

  it('never throws, whatever JSON it is given, and uses only known codes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), surveyArbitrary().map((d) => ({ ...d, questions: [...d.questions, { id: 1 }] }))), (input) => {
        const result = validateSurvey(input);
        for (const problem of result.problems) {
          expect(KNOWN_CODES).toContain(problem.code);
          expect(problem.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('reports a rule on the same or a later question as a loop, at that rule', () => {
    const withPair = surveyArbitrary().chain((definition) => {
      const n = definition.questions.length;
      return fc.tuple(
        fc.constant(definition),
        fc.integer({ min: 0, max: n - 1 }).chain((i) => fc.tuple(fc.constant(i), fc.integer({ min: i, max: n - 1 }))),
        fc.boolean(),
      );
    });
    fc.assert(
      fc.property(withPair, ([definition, [from, to], nested]) => {
        const copy = structuredClone(definition);
        const forward: ShowIfRule = { when: { question: copy.questions[to]!.id, op: 'answered' } };
        copy.questions[from]!.showIf = nested ? { any: [{ when: { question: 'q0', op: 'answered' } }, forward] } : forward;
        const loops = validateSurvey(copy).problems.filter((p) => p.code === SURVEY_PROBLEM_CODES.ruleLoop);
        const path = nested ? ['questions', from, 'showIf', 'any', 1, 'when', 'question'] : ['questions', from, 'showIf', 'when', 'question'];
        expect(loops).toContainEqual(expect.objectContaining({ path }));
      }),
    );
  });

  it('finds no problems in any generated survey whose rules only point backwards, besides reachability and unknown options', () => {
    const expected: readonly string[] = [SURVEY_PROBLEM_CODES.unreachableQuestion, SURVEY_PROBLEM_CODES.ruleUnknownOption];
    fc.assert(
      fc.property(surveyArbitrary(), (definition) => {
        for (const problem of validateSurvey(definition).problems) expect(expected).toContain(problem.code);
      }),
    );
  });

  it('summaries of generated rules read as conditions in both languages', () => {
    fc.assert(
      fc.property(surveyArbitrary(), (definition) => {
        for (const q of definition.questions) {
          if (!q.showIf) continue;
          expect(describeRule(definition, q.showIf, 'ru')).toMatch(/^если /);
          expect(describeRule(definition, q.showIf, 'en')).toMatch(/^if /);
        }
      }),
    );
  });
});

describe('fingerprint laws', () => {
  it('ignores key order and survives a JSON round trip', () => {
    const definitions = fc.oneof(surveyArbitrary(), fc.constantFrom(...surveyTemplates.map((t) => t.definition)));
    fc.assert(
      fc.property(definitions, (definition) => {
        expect(surveyFingerprint(reverseKeys(definition) as typeof definition)).toBe(surveyFingerprint(definition));
        expect(JSON.parse(canonicalJson(definition))).toEqual(definition);
      }),
    );
  });

  it('differs between distinct generated surveys', () => {
    fc.assert(
      fc.property(surveyArbitrary(), surveyArbitrary(), (a, b) => {
        fc.pre(canonicalJson(a) !== canonicalJson(b));
        expect(surveyFingerprint(a)).not.toBe(surveyFingerprint(b));
      }),
    );
  });
});
