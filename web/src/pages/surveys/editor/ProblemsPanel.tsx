import type { SurveyDefinition, SurveyProblem } from '../../../../../src/domain/surveys/index.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { problemMessage, problemPlace, problemQuestionIndex } from './problemText.ts';

/** What stops the draft from launching, checked live as it is edited (the server checks again). */
export function ProblemsPanel({ definition, problems }: { definition: SurveyDefinition; problems: SurveyProblem[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="card" aria-labelledby="problems-title" data-testid="survey-problems">
      <h2 id="problems-title">
        {t('editor.problemsTitle')} {problems.length > 0 && <span className="badge badge-error">{problems.length}</span>}
      </h2>
      {problems.length === 0 ? (
        <p className="alert alert-success">{t('editor.noProblems')}</p>
      ) : (
        <ul className="problem-list">
          {problems.map((problem, i) => {
            const index = problemQuestionIndex(problem);
            const place = problemPlace(problem, definition, t, lang);
            return (
              <li key={`${problem.code}:${problem.path.join('.')}:${i}`}>
                <span className="small">{index === null ? place : <a href={`#question-${index}`}>{place}</a>}</span>
                {' — '}
                <span>{problemMessage(problem, t)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
