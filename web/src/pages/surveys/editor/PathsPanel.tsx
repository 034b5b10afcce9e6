import { localize, surveyPaths, type SurveyDefinition } from '../../../../../src/domain/surveys/index.ts';
import { useI18n } from '../../../i18n/index.tsx';

/** The flow in words: each question, whether it is always asked or when, and what it decides. */
export function PathsPanel({ definition }: { definition: SurveyDefinition }) {
  const { t, lang } = useI18n();
  let paths;
  try {
    paths = surveyPaths(definition);
  } catch {
    return null; // a draft the paths cannot be drawn for is explained by the problems panel
  }
  const nameOf = (id: string) => {
    const question = definition.questions.find((q) => q.id === id);
    return question ? (localize(question.label, lang, definition.defaultLanguage) ?? id) : id;
  };
  return (
    <section className="card" aria-labelledby="paths-title" data-testid="survey-paths">
      <h2 id="paths-title">{t('editor.pathsTitle')}</h2>
      {paths.questions.length === 0 && <p className="muted">{t('editor.noQuestions')}</p>}
      <ol className="path-list">
        {paths.questions.map((path) => (
          <li key={`${path.index}:${path.questionId}`}>
            <strong>{localize(path.label, lang, definition.defaultLanguage) ?? path.questionId}</strong>{' '}
            <span className="muted small">({t(`questionType.${path.type}`)})</span>
            <div className={path.shownIf ? 'path-rule conditional' : 'path-rule'}>
              {path.shownIf ? `↳ ${t('editor.askedOnly')} ${path.shownIf[lang]}` : t('editor.alwaysAsked')}
            </div>
            {path.decides.length > 0 && (
              <div className="muted small">{t('editor.decides', { questions: path.decides.map(nameOf).join(', ') })}</div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
