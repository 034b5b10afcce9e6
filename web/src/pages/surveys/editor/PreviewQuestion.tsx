import { localize, questionScale, type AnswerValue, type Question } from '../../../../../src/domain/surveys/index.ts';

interface Props {
  question: Question;
  language: string;
  fallback: string;
  answer: AnswerValue | undefined;
  onAnswer: (value: AnswerValue | undefined) => void;
  /** Shown for a text with no translation in this language. */
  missing: string;
  words: { yes: string; no: string; record: string; required: string };
}

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** Up to 11 points (0–10) stay on one row even on a phone, as respondents expect of NPS; longer scales wrap. */
const scaleColumns = (points: number) => (points <= 11 ? { gridTemplateColumns: `repeat(${points}, minmax(0, 1fr))` } : undefined);

/** One question as a respondent sees it, answerable so the branching can be tried out. */
export function PreviewQuestion({ question, language, fallback, answer, onAnswer, missing, words }: Props) {
  const text = (value: Parameters<typeof localize>[0]) => localize(value, language, fallback) ?? missing;
  const scale = questionScale(question);
  const name = `preview-${question.id}`;
  return (
    <fieldset className="pv-question" data-preview-question={question.id}>
      <legend>
        {text(question.text)}
        {question.required && <span className="pv-required" title={words.required}> *</span>}
      </legend>
      {scale && (
        <>
          <div className="pv-scale" role="radiogroup" style={scaleColumns(scale.max - scale.min + 1)}>
            {range(scale.min, scale.max).map((score) => (
              <label key={score} className={answer === score ? 'pv-score chosen' : 'pv-score'}>
                <input type="radio" name={name} checked={answer === score} onChange={() => onAnswer(score)} />
                {score}
              </label>
            ))}
          </div>
          {'scaleLabels' in question && question.scaleLabels && question.scaleLabels.length > 0 && (
            <div className="pv-scale-labels">
              {[...question.scaleLabels]
                .sort((a, b) => a.value - b.value)
                .map((label) => (
                  <span key={label.value}>
                    {label.value} — {text(label.label)}
                  </span>
                ))}
            </div>
          )}
        </>
      )}
      {question.type === 'fcr' && (
        <div className="pv-choices">
          {[true, false].map((value) => (
            <label key={String(value)} className="pv-choice">
              <input type="radio" name={name} checked={answer === value} onChange={() => onAnswer(value)} /> {value ? words.yes : words.no}
            </label>
          ))}
        </div>
      )}
      {question.type === 'single_choice' && (
        <div className="pv-choices">
          {question.options.map((option) => (
            <label key={option.id} className="pv-choice">
              <input type="radio" name={name} checked={answer === option.id} onChange={() => onAnswer(option.id)} /> {text(option.label)}
            </label>
          ))}
        </div>
      )}
      {question.type === 'multiple_choice' && (
        <div className="pv-choices">
          {question.options.map((option) => {
            const chosen = Array.isArray(answer) ? answer : [];
            return (
              <label key={option.id} className="pv-choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(option.id)}
                  onChange={(e) => onAnswer(e.target.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id))}
                />{' '}
                {text(option.label)}
              </label>
            );
          })}
        </div>
      )}
      {question.type === 'open_text' && (
        <textarea rows={3} aria-label={text(question.label)} value={typeof answer === 'string' ? answer : ''} onChange={(e) => onAnswer(e.target.value)} />
      )}
      {question.type === 'voice_comment' && (
        <button type="button" className="btn btn-small" disabled>
          ● {words.record}
        </button>
      )}
    </fieldset>
  );
}
