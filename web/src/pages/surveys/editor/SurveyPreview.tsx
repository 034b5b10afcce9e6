import { useState } from 'react';
import { localize, visibleQuestions, type AnswerValue, type Question, type SurveyDefinition } from '../../../../../src/domain/surveys/index.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { PreviewQuestion } from './PreviewQuestion.tsx';

type Width = 'phone' | 'desktop';

/** Questions shown for these answers; a draft with a broken rule shows every question rather than nothing. */
function shownQuestions(definition: SurveyDefinition, answers: Record<string, AnswerValue | undefined>): Question[] {
  try {
    return visibleQuestions(definition, answers);
  } catch {
    return definition.questions;
  }
}

/**
 * The respondent's view of the draft, as they would see it at phone or desktop width,
 * in any of the survey's languages. Answers are kept here only, to try the branching.
 */
export function SurveyPreview({ definition, width, onWidth }: { definition: SurveyDefinition; width: Width; onWidth: (width: Width) => void }) {
  const { t } = useI18n();
  const [language, setLanguage] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue | undefined>>({});
  const shownLanguage = language !== null && definition.languages.includes(language) ? language : definition.defaultLanguage;
  const shown = shownQuestions(definition, answers);
  const hidden = definition.questions.length - shown.length;
  const words = { yes: t('editor.yes'), no: t('editor.no'), record: t('preview.record'), required: t('preview.required') };

  return (
    <section className="card preview" aria-labelledby="preview-title">
      <div className="preview-head">
        <h2 id="preview-title">{t('preview.title')}</h2>
        <div className="segmented" role="group" aria-label={t('preview.width')}>
          {(['phone', 'desktop'] as const).map((option) => (
            <button key={option} type="button" aria-pressed={width === option} onClick={() => onWidth(option)}>
              {t(`preview.${option}`)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('preview.language')}>
          {definition.languages.map((code) => (
            <button key={code} type="button" lang={code} aria-pressed={shownLanguage === code} onClick={() => setLanguage(code)}>
              {code.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      <p className="muted small">{t('preview.intro')}</p>
      <div className={`pv-frame pv-${width}`} lang={shownLanguage} data-testid="survey-preview">
        {shown.length === 0 && <p className="muted">{t('editor.noQuestions')}</p>}
        {shown.map((question) => (
          <PreviewQuestion
            key={question.id}
            question={question}
            language={shownLanguage}
            fallback={definition.defaultLanguage}
            answer={answers[question.id]}
            onAnswer={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
            missing={t('preview.missingText')}
            words={words}
          />
        ))}
        <div className="pv-thanks">
          <span className="muted small">{t('preview.afterSubmit')}</span>
          <p>{localize(definition.thankYou, shownLanguage, definition.defaultLanguage) ?? t('preview.missingText')}</p>
        </div>
      </div>
      <div className="preview-foot">
        <span className="muted small">{hidden > 0 ? t('preview.hiddenCount', { count: hidden }) : t('preview.allShown')}</span>
        <button type="button" className="btn btn-small" onClick={() => setAnswers({})}>
          {t('preview.reset')}
        </button>
      </div>
    </section>
  );
}
