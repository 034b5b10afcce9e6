import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api.ts';
import { FormError } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Field.tsx';
import { api } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ApiTokenView, ScopeView } from '../../types.ts';

interface Props {
  tenantId: string;
  scopes: ScopeView[];
  onCreated: (token: ApiTokenView, secret: string) => void;
  onCancel: () => void;
}

export function TokenCreateForm({ tenantId, scopes, onCreated, onCancel }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [checked, setChecked] = useState(false);
  const create = useAction(() =>
    api.createToken(tenantId, { name, scopes: chosen, ...(expiresOn ? { expiresAt: endOfLocalDay(expiresOn) } : {}) }),
  );
  const errors = fieldErrors(create.error);
  const scopesMissing = checked && chosen.length === 0;

  const toggle = (scope: string, on: boolean) =>
    setChosen((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (chosen.length === 0) return;
    const result = await create.run();
    if (result) onCreated(result.token, result.secret);
  };

  const scopeError = scopesMissing ? t('tokens.scopesRequired') : errors.scopes;
  return (
    <form className="form" onSubmit={submit}>
      <FormError error={create.error} fields={['name', 'scopes', 'expiresAt']} />
      <TextField label={t('common.name')} required autoFocus value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <fieldset className="fieldset" aria-describedby={scopeError ? 'token-scopes-error' : undefined}>
        <legend>{t('tokens.scopes')}</legend>
        <ul className="checkbox-list">
          {scopes.map(({ scope, description }) => (
            <li key={scope}>
              <label className="checkbox">
                <input type="checkbox" checked={chosen.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
                <span>
                  <code>{scope}</code>
                  <span className="muted small"> {description}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {scopeError && (
          <p id="token-scopes-error" className="field-error">
            {scopeError}
          </p>
        )}
      </fieldset>
      <TextField
        label={`${t('tokens.expiresLabel')} ${t('common.optional')}`}
        type="date"
        min={tomorrow()}
        hint={t('tokens.expiresHint')}
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.target.value)}
        error={errors.expiresAt}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.pending}>
          {create.pending ? t('common.creating') : t('tokens.submit')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** `2025-03-01` → the last second of that day in the browser's time zone, as ISO. */
const endOfLocalDay = (date: string) => new Date(`${date}T23:59:59`).toISOString();

function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
