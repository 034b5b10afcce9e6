import { useState } from 'react';
import { QUESTION_TYPES, type QuestionType, type SurveyDefinition, type SurveyProblem } from '../../../../../src/domain/surveys/index.ts';
import { SelectField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { moveQuestion, newQuestion, removeQuestion, replaceQuestion } from './draftOps.ts';
import { QuestionCard } from './QuestionCard.tsx';

interface Props {
  definition: SurveyDefinition;
  problems: SurveyProblem[];
  readOnly: boolean;
  onChange: (definition: SurveyDefinition) => void;
}

/** The questions in order, and a way to add one of any type at the end. */
export function QuestionList({ definition, problems, readOnly, onChange }: Props) {
  const { t } = useI18n();
  const [type, setType] = useState<QuestionType>('nps');
  const problemsOf = (index: number) => problems.filter((p) => p.path[0] === 'questions' && p.path[1] === index).length;
  return (
    <section aria-labelledby="questions-title" className="questions">
      <h2 id="questions-title">{t('editor.questions')}</h2>
      {definition.questions.length === 0 && <p className="muted">{t('editor.noQuestions')}</p>}
      <ol className="question-list">
        {definition.questions.map((question, index) => (
          <QuestionCard
            // By position, so typing a new id does not remount the card (and lose focus).
            key={index}
            definition={definition}
            index={index}
            question={question}
            problemCount={problemsOf(index)}
            readOnly={readOnly}
            onChange={(next) => onChange(replaceQuestion(definition, index, next))}
            onMove={(delta) => onChange(moveQuestion(definition, index, delta))}
            onRemove={() => onChange(removeQuestion(definition, index))}
          />
        ))}
      </ol>
      {!readOnly && (
        <div className="inline-form add-question">
          <SelectField label={t('editor.newQuestionType')} value={type} onChange={(e) => setType(e.target.value as QuestionType)}>
            {QUESTION_TYPES.map((option) => (
              <option key={option} value={option}>
                {t(`questionType.${option}`)}
              </option>
            ))}
          </SelectField>
          <button type="button" className="btn" onClick={() => onChange({ ...definition, questions: [...definition.questions, newQuestion(definition, type)] })}>
            {t('editor.addQuestion')}
          </button>
        </div>
      )}
    </section>
  );
}
