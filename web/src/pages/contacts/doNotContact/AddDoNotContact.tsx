import { useId, useState, type FormEvent } from 'react';
import { ApiError, fieldErrors } from '../../../api.ts';
import { FormError } from '../../../components/Feedback.tsx';
import { SelectField, TextField } from '../../../components/Field.tsx';
import type { DoNotContactEntry, DoNotContactKind } from '../../../contactTypes.ts';
import { api } from '../../../endpoints.ts';
import { useAction } from '../../../hooks.ts';
import { useI18n, type Translate } from '../../../i18n/index.tsx';
import type { TenantView } from '../../../types.ts';
import { regionName } from './regionName.ts';

/**
 * Adds one phone or email. The server normalises it (E.164 with the tenant's region, or a
 * lower-cased email) and refuses what it cannot read; that refusal is shown under the field.
 */
interface Props {
  tenant: TenantView;
  /** A new attempt: the outcome of the previous one no longer applies. */
  onSubmit: () => void;
  onAdded: (entry: DoNotContactEntry) => void;
}

export function AddDoNotContact({ tenant, onSubmit, onAdded }: Props) {
  const { t, lang } = useI18n();
  const [kind, setKind] = useState<DoNotContactKind>('phone');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const valueId = useId();
  const add = useAction(async () => {
    const entry = await api.addDoNotContact(tenant.id, { kind, value: value.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) });
    setValue('');
    setReason('');
    onAdded(entry);
    return entry;
  });
  const region = regionName(tenant.defaultRegion, lang);
  const valueError = describeValueError(add.error, kind, t, region);
  const reasonError = fieldErrors(add.error).reason;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
    if ((await add.run()) === undefined) document.getElementById(valueId)?.focus();
  };

  return (
    <section className="card dnc-form" aria-labelledby="dnc-add-title">
      <h2 id="dnc-add-title">{t('dnc.addTitle')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid">
          <SelectField
            label={t('dnc.kind')}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as DoNotContactKind);
              add.reset();
            }}
          >
            <option value="phone">{t('dnc.kind.phone')}</option>
            <option value="email">{t('dnc.kind.email')}</option>
          </SelectField>
          <TextField
            id={valueId}
            label={kind === 'phone' ? t('dnc.valuePhone') : t('dnc.valueEmail')}
            hint={kind === 'phone' ? t('dnc.phoneHint', { region }) : t('dnc.emailHint')}
            error={valueError}
            type={kind === 'phone' ? 'tel' : 'email'}
            autoComplete="off"
            required
            maxLength={254}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <TextField label={`${t('dnc.reason')} ${t('common.optional')}`} hint={t('dnc.reasonHint')} error={reasonError} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        {add.error !== null && !valueError && !reasonError && <FormError error={add.error} fields={['value', 'reason', 'kind']} />}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={add.pending || value.trim() === ''}>
            {add.pending ? t('dnc.adding') : t('dnc.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The server's refusal of the value, in the reader's language: its codes are stable, its English messages are not for everyone. */
function describeValueError(error: unknown, kind: DoNotContactKind, t: Translate, region: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const aboutValue = error.code === 'contacts.phone_invalid' || error.code === 'contacts.email_invalid' || error.errors.some((e) => e.path === 'value');
  if (!aboutValue) return undefined;
  return kind === 'phone' ? t('dnc.phoneInvalid', { region }) : t('dnc.emailInvalid');
}
