import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { COUNT_KEYS, parseWhole, type CountsText } from './numbers.ts';

/** Promoters, passives and detractors as three number inputs inside a named group. */
export function CountsFieldset({ legend, value, onChange }: { legend: string; value: CountsText; onChange: (value: CountsText) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset counts">
      <legend>{legend}</legend>
      {COUNT_KEYS.map((key) => (
        <TextField
          key={key}
          label={t(`nps.${key}`)}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={value[key]}
          onChange={(e) => onChange({ ...value, [key]: e.target.value })}
          error={parseWhole(value[key]) === null ? t('nps.error.count') : undefined}
        />
      ))}
    </fieldset>
  );
}
