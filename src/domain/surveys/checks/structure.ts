/** Checks of the definition's skeleton: questions, ids, languages, options and scales. */
import type { SurveyDefinition } from '../definition.ts';
import { problem, SURVEY_PROBLEM_CODES as CODES, type SurveyProblem } from '../problems.ts';
import { isChoiceQuestion, type Question } from '../question.ts';
import { questionScale } from '../scales.ts';
import { repeatedEntries } from './repeatedEntries.ts';

const MIN_OPTIONS = 2;

export function checkStructure(definition: SurveyDefinition): SurveyProblem[] {
  const problems = [...checkLanguages(definition), ...checkQuestionIds(definition)];
  definition.questions.forEach((question, index) => {
    problems.push(...checkOptions(question, index), ...checkScale(question, index));
    if (definition.anonymous && question.type === 'voice_comment') {
      problems.push(
        problem(
          CODES.voiceInAnonymousSurvey,
          ['questions', index, 'type'],
          `Question "${question.id}" asks for a voice recording, which identifies the speaker; anonymous surveys cannot ask for one`,
          { questionId: question.id },
        ),
      );
    }
  });
  return problems;
}

function checkLanguages(definition: SurveyDefinition): SurveyProblem[] {
  const problems: SurveyProblem[] = [];
  repeatedEntries(definition.languages).forEach(({ index, value }) =>
    problems.push(problem(CODES.duplicateLanguage, ['languages', index], `Language "${value}" is listed twice`, { language: value })),
  );
  if (!definition.languages.includes(definition.defaultLanguage)) {
    problems.push(
      problem(
        CODES.defaultLanguageNotListed,
        ['defaultLanguage'],
        `The default language "${definition.defaultLanguage}" is not among the survey's languages`,
        { language: definition.defaultLanguage },
      ),
    );
  }
  return problems;
}

function checkQuestionIds(definition: SurveyDefinition): SurveyProblem[] {
  if (definition.questions.length === 0) {
    return [problem(CODES.noQuestions, ['questions'], 'A survey needs at least one question')];
  }
  return repeatedEntries(definition.questions.map((question) => question.id)).map(({ index, value }) =>
    problem(CODES.duplicateQuestionId, ['questions', index, 'id'], `Question id "${value}" is used more than once`, {
      questionId: value,
    }),
  );
}

function checkOptions(question: Question, index: number): SurveyProblem[] {
  if (!isChoiceQuestion(question)) return [];
  const problems = repeatedEntries(question.options.map((option) => option.id)).map(({ index: optionIndex, value }) =>
    problem(
      CODES.duplicateOptionId,
      ['questions', index, 'options', optionIndex, 'id'],
      `Option id "${value}" is used more than once in question "${question.id}"`,
      { questionId: question.id, optionId: value },
    ),
  );
  if (question.options.length < MIN_OPTIONS) {
    problems.push(
      problem(
        CODES.tooFewOptions,
        ['questions', index, 'options'],
        `Question "${question.id}" needs at least ${MIN_OPTIONS} options to choose from`,
        { questionId: question.id, minOptions: MIN_OPTIONS },
      ),
    );
  }
  return problems;
}

function checkScale(question: Question, index: number): SurveyProblem[] {
  const scale = questionScale(question);
  if (!scale) return [];
  if (scale.min >= scale.max) {
    return [
      problem(
        CODES.invalidScale,
        ['questions', index, 'min'],
        `The scale of question "${question.id}" must run from a lower to a higher number, got ${scale.min}..${scale.max}`,
        { questionId: question.id, min: scale.min, max: scale.max },
      ),
    ];
  }
  if (!('scaleLabels' in question) || !question.scaleLabels) return [];
  const seen = new Set<number>();
  const problems: SurveyProblem[] = [];
  question.scaleLabels.forEach(({ value }, labelIndex) => {
    const path = ['questions', index, 'scaleLabels', labelIndex, 'value'];
    const details = { questionId: question.id, value, min: scale.min, max: scale.max };
    if (value < scale.min || value > scale.max) {
      problems.push(problem(CODES.invalidScaleLabel, path, `Scale label ${value} is outside the scale ${scale.min}..${scale.max}`, details));
    } else if (seen.has(value)) {
      problems.push(problem(CODES.invalidScaleLabel, path, `Scale point ${value} has more than one label`, details));
    }
    seen.add(value);
  });
  return problems;
}
