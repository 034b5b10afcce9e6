/**
 * A show-if rule in words, for the design screen: "if NPS ≤ 6" / "если NPS ≤ 6".
 * Questions are named by their report label and options by their label, in
 * the summary's language (falling back to the survey's default, then the id).
 */
import type { SurveyDefinition } from './definition.ts';
import { localize } from './localizedText.ts';
import type { Question } from './question.ts';
import type { Condition, ConditionValue, ShowIfRule } from './rule.ts';

export const SUMMARY_LANGUAGES = ['ru', 'en'] as const;
export type SummaryLanguage = (typeof SUMMARY_LANGUAGES)[number];
export type RuleSummary = Record<SummaryLanguage, string>;

interface Phrases {
  if: string;
  and: string;
  or: string;
  yes: string;
  no: string;
  quote: (text: string) => string;
  oneOf: (label: string, values: string) => string;
  chosen: (label: string, option: string) => string;
  notChosen: (label: string, option: string) => string;
  anyChosen: (label: string, options: string) => string;
  answered: (label: string) => string;
  notAnswered: (label: string) => string;
}

const PHRASES: Record<SummaryLanguage, Phrases> = {
  en: {
    if: 'if',
    and: 'and',
    or: 'or',
    yes: 'yes',
    no: 'no',
    quote: (text) => `“${text}”`,
    oneOf: (label, values) => `${label} is one of ${values}`,
    chosen: (label, option) => `${label}: ${option} chosen`,
    notChosen: (label, option) => `${label}: ${option} not chosen`,
    anyChosen: (label, options) => `${label}: any of ${options} chosen`,
    answered: (label) => `${label} is answered`,
    notAnswered: (label) => `${label} is not answered`,
  },
  ru: {
    if: 'если',
    and: 'и',
    or: 'или',
    yes: 'да',
    no: 'нет',
    quote: (text) => `«${text}»`,
    oneOf: (label, values) => `${label} — одно из: ${values}`,
    chosen: (label, option) => `${label}: выбрано ${option}`,
    notChosen: (label, option) => `${label}: не выбрано ${option}`,
    anyChosen: (label, options) => `${label}: выбрано что-то из ${options}`,
    answered: (label) => `есть ответ на вопрос «${label}»`,
    notAnswered: (label) => `нет ответа на вопрос «${label}»`,
  },
};

export function summarizeRule(definition: SurveyDefinition, rule: ShowIfRule): RuleSummary {
  return { ru: describeRule(definition, rule, 'ru'), en: describeRule(definition, rule, 'en') };
}

export function describeRule(definition: SurveyDefinition, rule: ShowIfRule, language: SummaryLanguage): string {
  const phrases = PHRASES[language];
  // A rule that is only "any" needs no brackets around its alternatives.
  const text =
    rule.any && !rule.when && !rule.all
      ? alternatives(definition, rule.any, language)
      : clauses(definition, rule, language).join(` ${phrases.and} `);
  return `${phrases.if} ${text}`;
}

/**
 * The rule's parts, each a clause that holds on its own; the rule holds when
 * all do. Alternatives are bracketed so "and" never swallows an "or".
 */
function clauses(definition: SurveyDefinition, rule: ShowIfRule, language: SummaryLanguage): string[] {
  const parts: string[] = [];
  if (rule.when) parts.push(describeCondition(definition, rule.when, language));
  for (const child of rule.all ?? []) parts.push(...clauses(definition, child, language));
  if (rule.any) {
    const text = alternatives(definition, rule.any, language);
    parts.push(rule.any.length > 1 ? `(${text})` : text);
  }
  return parts;
}

function alternatives(definition: SurveyDefinition, rules: readonly ShowIfRule[], language: SummaryLanguage): string {
  const phrases = PHRASES[language];
  return rules
    .map((child) => {
      const childClauses = clauses(definition, child, language);
      return childClauses.length > 1 ? `(${childClauses.join(` ${phrases.and} `)})` : childClauses[0]!;
    })
    .join(` ${phrases.or} `);
}

function describeCondition(definition: SurveyDefinition, condition: Condition, language: SummaryLanguage): string {
  const phrases = PHRASES[language];
  const question = definition.questions.find((candidate) => candidate.id === condition.question);
  const label = question ? (localize(question.label, language, definition.defaultLanguage) ?? question.id) : condition.question;
  const show = (value: ConditionValue) => formatValue(definition, question, value, language);
  const multiple = question?.type === 'multiple_choice';
  switch (condition.op) {
    case 'lte':
      return `${label} ≤ ${condition.value}`;
    case 'gte':
      return `${label} ≥ ${condition.value}`;
    case 'eq':
      return multiple ? phrases.chosen(label, show(condition.value)) : `${label} = ${show(condition.value)}`;
    case 'neq':
      return multiple ? phrases.notChosen(label, show(condition.value)) : `${label} ≠ ${show(condition.value)}`;
    case 'in': {
      const values = condition.value.map(show).join(', ');
      return multiple ? phrases.anyChosen(label, values) : phrases.oneOf(label, values);
    }
    case 'answered':
      return phrases.answered(label);
    case 'not_answered':
      return phrases.notAnswered(label);
  }
}

function formatValue(definition: SurveyDefinition, question: Question | undefined, value: ConditionValue, language: SummaryLanguage): string {
  const phrases = PHRASES[language];
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return phrases.quote(value ? phrases.yes : phrases.no);
  const option = question && 'options' in question ? question.options.find((candidate) => candidate.id === value) : undefined;
  return phrases.quote(option ? (localize(option.label, language, definition.defaultLanguage) ?? value) : value);
}
