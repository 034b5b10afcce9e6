import { useState } from 'react';
import type { Question, SurveyDefinition } from '../../../../../src/domain/surveys/index.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { QuestionFields } from './QuestionFields.tsx';
import { questionName } from './questionName.ts';

interface Props {
  definition: SurveyDefinition;
  index: number;
  question: Question;
  problemCount: number;
  readOnly: boolean;
  onChange: (question: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** A question in the list: its number, name and type, reorder/remove, and its fields when opened. */
export function QuestionCard({ definition, index, question, problemCount, readOnly, onChange, onMove, onRemove }: Props) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(definition.questions.length <= 3);
  const bodyId = `question-${index}-body`;
  const last = index === definition.questions.length - 1;
  return (
    <li className="card question-card" id={`question-${index}`} data-question-id={question.id}>
      <div className="question-head">
        <h3>
          <span className="question-number">{index + 1}.</span> {questionName(question, lang, definition.defaultLanguage)}{' '}
          <span className="badge badge-muted">{t(`questionType.${question.type}`)}</span>
          {question.showIf && <span className="badge badge-info">{t('editor.conditional')}</span>}
          {problemCount > 0 && <span className="badge badge-error">{t('surveys.problemCount', { count: problemCount })}</span>}
        </h3>
        <div className="question-tools">
          <button type="button" className="btn btn-small" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((v) => !v)}>
            {open ? t('editor.collapse') : t('editor.expand')}
          </button>
          {!readOnly && (
            <>
              <button type="button" className="btn btn-small" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('editor.moveUp', { n: index + 1 })}>
                ↑
              </button>
              <button type="button" className="btn btn-small" disabled={last} onClick={() => onMove(1)} aria-label={t('editor.moveDown', { n: index + 1 })}>
                ↓
              </button>
              <button type="button" className="btn btn-small btn-danger-outline" onClick={onRemove} aria-label={t('editor.removeQuestion', { n: index + 1 })}>
                ✕
              </button>
            </>
          )}
        </div>
      </div>
      {open && (
        <div id={bodyId}>
          <QuestionFields definition={definition} index={index} question={question} onChange={onChange} />
        </div>
      )}
    </li>
  );
}
