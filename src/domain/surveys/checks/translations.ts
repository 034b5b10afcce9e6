/**
 * Every text a respondent or report reader sees must exist in each of the
 * survey's languages: a Kazakh respondent should never meet a blank question.
 */
import type { SurveyDefinition } from '../definition.ts';
import { hasTranslation, type LocalizedText } from '../localizedText.ts';
import { problem, SURVEY_PROBLEM_CODES as CODES, type ProblemPath, type SurveyProblem } from '../problems.ts';

interface TextField {
  path: ProblemPath;
  text: LocalizedText;
  /** Names the field in the message: `the text of question "nps"`. */
  description: string;
  questionId?: string;
}

export function checkTranslations(definition: SurveyDefinition): SurveyProblem[] {
  const languages = [...new Set(definition.languages)];
  const problems: SurveyProblem[] = [];
  for (const field of textFields(definition)) {
    for (const language of languages) {
      if (hasTranslation(field.text, language)) continue;
      const details = field.questionId === undefined ? { language } : { language, questionId: field.questionId };
      problems.push(
        problem(CODES.missingTranslation, [...field.path, language], `${capitalize(field.description)} has no "${language}" translation`, details),
      );
    }
  }
  return problems;
}

function textFields(definition: SurveyDefinition): TextField[] {
  const fields: TextField[] = [];
  definition.questions.forEach((question, index) => {
    const at: ProblemPath = ['questions', index];
    const questionId = question.id;
    fields.push(
      { path: [...at, 'text'], text: question.text, description: `the text of question "${questionId}"`, questionId },
      { path: [...at, 'label'], text: question.label, description: `the label of question "${questionId}"`, questionId },
    );
    if ('options' in question) {
      question.options.forEach((option, optionIndex) =>
        fields.push({
          path: [...at, 'options', optionIndex, 'label'],
          text: option.label,
          description: `option "${option.id}" of question "${questionId}"`,
          questionId,
        }),
      );
    }
    if ('scaleLabels' in question && question.scaleLabels) {
      question.scaleLabels.forEach((scaleLabel, labelIndex) =>
        fields.push({
          path: [...at, 'scaleLabels', labelIndex, 'label'],
          text: scaleLabel.label,
          description: `the label of point ${scaleLabel.value} of question "${questionId}"`,
          questionId,
        }),
      );
    }
  });
  fields.push({ path: ['thankYou'], text: definition.thankYou, description: 'the thank-you text' });
  return fields;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
