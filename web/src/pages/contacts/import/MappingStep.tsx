import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/Field.tsx';
import type { ImportView } from '../../../contactTypes.ts';
import { api } from '../../../endpoints.ts';
import { useAction } from '../../../hooks.ts';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import type { TenantView } from '../../../types.ts';
import { ColumnTargetField } from './ColumnTargetField.tsx';
import { mappingFrom, mappingIssues, rowsFrom, type MappingIssue } from './mappingModel.ts';

interface Props {
  tenant: TenantView;
  view: ImportView;
  onChecking: (view: ImportView) => void;
  onCancel?: () => void;
}

/** Step 2: each column of the file to a contact field, an attribute or nothing; then the dry run. */
export function MappingStep({ tenant, view, onChecking, onCancel }: Props) {
  const { t } = useI18n();
  const [rows, setRows] = useState(() => rowsFrom(view.headers, view.mapping ?? view.suggestedMapping));
  const [updateExisting, setUpdateExisting] = useState(true);
  const [defaultRegion, setDefaultRegion] = useState(tenant.defaultRegion);
  const issues = mappingIssues(rows);
  const check = useAction(() =>
    api.checkContactImport(tenant.id, view.id, {
      mapping: mappingFrom(rows),
      options: { updateExisting, ...(defaultRegion ? { defaultRegion: defaultRegion.toUpperCase() } : {}) },
    }),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (issues.length > 0) return;
    const next = await check.run();
    if (next) onChecking(next);
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('import.mappingTitle')}</h2>
      <p className="muted">{t('import.mappingIntro', { file: view.fileName, count: view.headers.length })}</p>
      <ul className="mapping-list">
        {rows.map((row, index) => (
          <ColumnTargetField key={row.column} row={row} index={index} onChange={(next) => setRows(rows.map((r, i) => (i === index ? next : r)))} />
        ))}
      </ul>
      <fieldset className="fieldset">
        <legend>{t('import.options')}</legend>
        <div className="form">
          <label className="checkbox">
            <input type="checkbox" checked={updateExisting} onChange={(e) => setUpdateExisting(e.target.checked)} />
            <span>{t('import.updateExisting')}</span>
          </label>
          <TextField label={t('tenants.region')} hint={t('tenants.regionHint')} className="input-short" maxLength={2} value={defaultRegion} onChange={(e) => setDefaultRegion(e.target.value)} />
        </div>
      </fieldset>
      {issues.length > 0 && (
        <div className="alert alert-warning" role="status">
          <ul>
            {issues.map((issue, i) => (
              <li key={i}>{issueText(issue, t)}</li>
            ))}
          </ul>
        </div>
      )}
      <FormError error={check.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={issues.length > 0 || check.pending}>
          {check.pending ? t('import.startingCheck') : t('import.runCheck')}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <span className="muted small">{t('import.nothingYet')}</span>
      </div>
    </form>
  );
}

function issueText(issue: MappingIssue, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  if (issue.kind === 'noIdentifier') return t('import.issue.noIdentifier');
  if (issue.kind === 'twice') return t('import.issue.twice', { target: issue.target });
  return t('import.issue.badKey', { column: issue.column });
}
