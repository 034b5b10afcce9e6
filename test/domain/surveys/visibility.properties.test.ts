import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ANSWER_PROBLEM_CODES,
  SURVEY_PROBLEM_CODES,
  evaluateRule,
  resolveVisibility,
  validateAnswers,
  validateSurvey,
  visibleQuestions,
  type Answers,
} from '../../../src/domain/surveys/index.ts';
import { answerDomain, answersArbitrary, SMALL_TYPES, surveyArbitrary } from './arbitraries.ts';

const withAnswers = surveyArbitrary().chain((definition) => fc.tuple(fc.constant(definition), answersArbitrary(definition)));

describe('visibility laws', () => {
  it('a question is visible exactly when it has no rule or its rule holds on the answers that count', () => {
    fc.assert(
      fc.property(withAnswers, ([definition, answers]) => {
        const { visible, answers: counted } = resolveVisibility(definition, answers as Answers);
        const shown = new Set(visible.map((q) => q.id));
        for (const q of definition.questions) {
          expect(shown.has(q.id)).toBe(!q.showIf || evaluateRule(q.showIf, counted));
        }
        for (const id of Object.keys(counted)) expect(shown.has(id)).toBe(true);
      }),
    );
  });

  it('validateAnswers keeps answers only to visible questions, drops the hidden ones, and is idempotent', () => {
    fc.assert(
      fc.property(withAnswers, fc.boolean(), ([definition, answers], partial) => {
        const result = validateAnswers(definition, answers, { partial });
        const shown = new Set(visibleQuestions(definition, result.answers).map((q) => q.id));
        for (const id of Object.keys(result.answers)) expect(shown.has(id)).toBe(true);
        for (const id of result.dropped) expect(Object.keys(result.answers)).not.toContain(id);
        for (const problem of result.problems) {
          if (problem.code !== ANSWER_PROBLEM_CODES.unknownQuestion) expect(result.dropped).not.toContain(problem.questionId);
        }
        expect(result.ok).toBe(result.problems.length === 0);
        if (result.ok) expect(validateAnswers(definition, result.answers, { partial })).toEqual({ ...result, dropped: [] });
      }),
    );
  });
});

describe('reachability agrees with brute force', () => {
  it('a question is flagged unreachable exactly when no complete, valid response shows it', () => {
    fc.assert(
      fc.property(surveyArbitrary(SMALL_TYPES, 4), (definition) => {
        const reachable = new Set<string>();
        const combos = definition.questions.reduce<Array<Record<string, unknown>>>(
          (partial, q) => partial.flatMap((answers) => answerDomain(q).map((value) => (value === undefined ? answers : { ...answers, [q.id]: value }))),
          [{}],
        );
        for (const answers of combos) {
          if (!validateAnswers(definition, answers).ok) continue;
          for (const q of visibleQuestions(definition, answers as Answers)) reachable.add(q.id);
        }
        const flagged = new Set(
          validateSurvey(definition)
            .problems.filter((p) => p.code === SURVEY_PROBLEM_CODES.unreachableQuestion)
            .map((p) => p.details?.questionId),
        );
        for (const q of definition.questions) expect([q.id, flagged.has(q.id)]).toEqual([q.id, !reachable.has(q.id)]);
      }),
      { numRuns: 300 },
    );
  });
});
