import { TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { capFrom, type SettingsForm } from './settingsForm.ts';

interface Props {
  form: SettingsForm;
  error: string | undefined;
  onChange: (patch: Pick<Partial<SettingsForm>, 'capEnabled' | 'capDays'>) => void;
}

/** The per-person cap: off, or at most one survey in N days across every survey of the tenant. */
export function FrequencyCapFields({ form, error, onChange }: Props) {
  const { t } = useI18n();
  const cap = capFrom(form);
  return (
    <div className="form">
      <label className="checkbox">
        <input type="checkbox" checked={form.capEnabled} onChange={(e) => onChange({ capEnabled: e.target.checked })} />
        <span>{t('surveySettings.capEnabled')}</span>
      </label>
      {form.capEnabled && (
        <TextField
          label={t('surveySettings.capDays')}
          hint={t('surveySettings.capHint')}
          error={error}
          className="cap-days"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          step={1}
          value={form.capDays}
          onChange={(e) => onChange({ capDays: e.target.value })}
        />
      )}
      <p className="muted" data-testid="cap-explain">
        {!form.capEnabled ? t('surveySettings.capExplainOff') : t('surveySettings.capExplain', { days: typeof cap === 'number' ? cap : 'N' })}
      </p>
    </div>
  );
}
