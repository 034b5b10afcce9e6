import { TableWrap } from '../../../components/TableWrap.tsx';
import type { ImportSummary } from '../../../contactTypes.ts';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';

const COUNTS = ['total', 'valid', 'invalid', 'duplicates', 'new', 'existing'] as const;

/** Problem codes this screen words itself; any other shows the server's message. */
const KNOWN_CODES = new Set([
  'missing_required',
  'phone_invalid',
  'email_invalid',
  'timezone_invalid',
  'language_invalid',
  'consent_invalid',
  'value_too_long',
  'duplicate_in_file',
  'unclosed_quote',
  'invalid_quote',
  'column_count',
  'record_too_large',
  'invalid_text',
]);

/** Step 3: what the dry run found — counts, then every problem by line — before anything is written. */
export function CheckReport({ summary }: { summary: ImportSummary }) {
  const { t, formatNumber } = useI18n();
  const fieldName = (field: string) =>
    field === '*' ? t('import.wholeRow') : field.startsWith('attributes.') ? field.slice('attributes.'.length) : t(`contactField.${field}` as MessageKey);
  return (
    <section className="card" aria-labelledby="report-title" data-testid="import-report">
      <h2 id="report-title">{t('import.reportTitle')}</h2>
      <p className="alert alert-info">{t('import.nothingImported')}</p>
      {summary.fileProblem && (
        <p className="alert alert-error" role="alert">
          {summary.fileProblem.line === null
            ? t('import.fileProblem', { reason: summary.fileProblem.message })
            : t('import.fileProblemAt', { line: summary.fileProblem.line, reason: summary.fileProblem.message })}
        </p>
      )}
      {summary.mappingProblems.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>{t('import.mappingProblems')}</p>
          <ul>
            {summary.mappingProblems.map((problem, i) => (
              <li key={i}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="counts-grid">
        {COUNTS.map((key) => (
          <div key={key} className={key === 'invalid' && summary.counts.invalid > 0 ? 'count bad' : 'count'}>
            <dt>{t(`import.count.${key}`)}</dt>
            <dd>{formatNumber(summary.counts[key] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      {summary.problems.length === 0 ? (
        <p className="alert alert-success">{t('import.noProblems')}</p>
      ) : (
        <>
          <h3>{t('import.problemsTitle', { count: summary.problems.length })}</h3>
          <TableWrap label={t('import.problemsTitle', { count: summary.problems.length })}>
            <table className="problems-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.field')}</th>
                  <th scope="col">{t('import.reason')}</th>
                  <th scope="col">{t('import.value')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.problems.map((problem, i) => (
                  <tr key={`${problem.line}:${problem.field}:${i}`}>
                    <td className="nowrap">{problem.line}</td>
                    <td>{fieldName(problem.field)}</td>
                    <td title={problem.message}>{KNOWN_CODES.has(problem.code) ? t(`importProblem.${problem.code}` as MessageKey) : problem.message}</td>
                    <td>{problem.value === undefined || problem.value === '' ? <span className="muted">{t('import.empty')}</span> : <code>{problem.value}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {summary.problemRowsOmitted > 0 && <p className="muted small">{t('import.rowsOmitted', { count: formatNumber(summary.problemRowsOmitted) })}</p>}
        </>
      )}
    </section>
  );
}
