// Pure edits of a survey draft for the editor: new questions, type changes, moves,
// and renaming a question id everywhere rules refer to it.
import type { Condition, LocalizedText, Question, QuestionType, ShowIfRule, SurveyDefinition } from '../../../../../src/domain/surveys/index.ts';

const emptyText = (languages: readonly string[]): LocalizedText => Object.fromEntries(languages.map((l) => [l, '']));

/** The metric key a new question of this type reports under, when no other question uses it yet. */
const DEFAULT_METRIC: Partial<Record<QuestionType, string>> = { nps: 'nps', csat: 'csat', ces: 'ces', fcr: 'fcr' };

/** `q3`, `q4` …: the first free id of that shape. */
export function freeQuestionId(definition: SurveyDefinition, stem = 'q'): string {
  const taken = new Set(definition.questions.map((q) => q.id));
  for (let n = definition.questions.length + 1; ; n += 1) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

function freeMetricKey(definition: SurveyDefinition, type: QuestionType, except?: Question): string | null {
  const key = DEFAULT_METRIC[type];
  if (!key) return null;
  return definition.questions.some((q) => q !== except && q.metricKey === key) ? null : key;
}

/** A question of `type` carrying over what every type shares (id, texts, rule). */
export function withType(base: Question, type: QuestionType, definition: SurveyDefinition): Question {
  const common = {
    id: base.id,
    text: base.text,
    label: base.label,
    required: base.required,
    metricKey: base.type === type ? base.metricKey : freeMetricKey(definition, type, base),
    ...(base.showIf ? { showIf: base.showIf } : {}),
  };
  const options = 'options' in base ? base.options : [];
  switch (type) {
    case 'nps':
    case 'csat':
    case 'ces':
      return { ...common, type };
    case 'fcr':
      return { ...common, type };
    case 'rating':
      return { ...common, type, min: 1, max: 10 };
    case 'single_choice':
    case 'multiple_choice':
      return { ...common, type, options };
    case 'open_text':
      return { ...common, type };
    case 'voice_comment':
      return { ...common, type };
  }
}

export function newQuestion(definition: SurveyDefinition, type: QuestionType): Question {
  const blank: Question = {
    id: freeQuestionId(definition),
    type: 'open_text',
    text: emptyText(definition.languages),
    label: emptyText(definition.languages),
    metricKey: null,
    required: false,
  };
  return withType(blank, type, definition);
}

export function replaceQuestion(definition: SurveyDefinition, index: number, question: Question): SurveyDefinition {
  const previous = definition.questions[index];
  let questions = definition.questions.map((q, i) => (i === index ? question : q));
  if (previous && previous.id !== question.id) questions = questions.map((q) => renameInQuestion(q, previous.id, question.id));
  return { ...definition, questions };
}

export function moveQuestion(definition: SurveyDefinition, index: number, delta: -1 | 1): SurveyDefinition {
  const target = index + delta;
  if (target < 0 || target >= definition.questions.length) return definition;
  const questions = [...definition.questions];
  [questions[index], questions[target]] = [questions[target]!, questions[index]!];
  return { ...definition, questions };
}

export function removeQuestion(definition: SurveyDefinition, index: number): SurveyDefinition {
  return { ...definition, questions: definition.questions.filter((_, i) => i !== index) };
}

function renameInQuestion(question: Question, from: string, to: string): Question {
  if (!question.showIf) return question;
  return { ...question, showIf: renameInRule(question.showIf, from, to) };
}

function renameInRule(rule: ShowIfRule, from: string, to: string): ShowIfRule {
  const rename = (condition: Condition): Condition => (condition.question === from ? { ...condition, question: to } : condition);
  return {
    ...(rule.when ? { when: rename(rule.when) } : {}),
    ...(rule.all ? { all: rule.all.map((child) => renameInRule(child, from, to)) } : {}),
    ...(rule.any ? { any: rule.any.map((child) => renameInRule(child, from, to)) } : {}),
  };
}

/** Same content, compared as the server would store it. */
export const sameDefinition = (a: SurveyDefinition, b: SurveyDefinition) => JSON.stringify(a) === JSON.stringify(b);
