/**
 * The survey as the design screen draws it: for each question, whether it is
 * always asked or under which condition (in words, ru and en), which earlier
 * questions decide that, and which later questions it decides.
 */
import type { SurveyDefinition } from './definition.ts';
import { summarizeRule, type RuleSummary } from './describeRule.ts';
import type { LocalizedText } from './localizedText.ts';
import type { QuestionType } from './question.ts';
import { referencedQuestionIds } from './rule.ts';

export interface QuestionPath {
  questionId: string;
  /** 0-based position in the survey. */
  index: number;
  type: QuestionType;
  label: LocalizedText;
  required: boolean;
  /** null when the question is always asked. */
  shownIf: RuleSummary | null;
  /** Earlier questions whose answers decide whether this one is asked. */
  dependsOn: string[];
  /** Later questions whose rules look at this one's answer: the branches leaving it. */
  decides: string[];
}

export interface SurveyPaths {
  questions: QuestionPath[];
}

export function surveyPaths(definition: SurveyDefinition): SurveyPaths {
  const dependsOn = definition.questions.map((question) => (question.showIf ? referencedQuestionIds(question.showIf) : []));
  const questions = definition.questions.map((question, index) => ({
    questionId: question.id,
    index,
    type: question.type,
    label: question.label,
    required: question.required,
    shownIf: question.showIf ? summarizeRule(definition, question.showIf) : null,
    dependsOn: dependsOn[index]!,
    decides: definition.questions.filter((_, other) => dependsOn[other]!.includes(question.id)).map((other) => other.id),
  }));
  return { questions };
}
