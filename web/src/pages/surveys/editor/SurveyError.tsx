import type { SurveyDefinition, SurveyProblem } from '../../../../../src/domain/surveys/index.ts';
import { ApiError } from '../../../api.ts';
import { FormError } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { problemMessage, problemPlace } from './problemText.ts';

/** `questions.1.text.ru` → ['questions', 1, 'text', 'ru'] */
const toPath = (path: string) => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * A refused launch lists the server's problems in the reader's language; any other
 * failure is shown as usual.
 */
export function SurveyError({ error, definition }: { error: unknown; definition: SurveyDefinition }) {
  const { t, lang } = useI18n();
  if (!(error instanceof ApiError) || error.code !== 'surveys.invalid') return <FormError error={error} />;
  const problems = error.errors.map((e): SurveyProblem => ({ code: (e as { code?: string }).code ?? '', path: toPath(e.path), message: e.message }) as SurveyProblem);
  return (
    <div role="alert" className="alert alert-error" data-testid="launch-refused">
      <p>
        <strong>{t('editor.launchRefused', { count: problems.length })}</strong>
      </p>
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>
            <span className="small">{problemPlace(problem, definition, t, lang)} — </span>
            {problemMessage(problem, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}
