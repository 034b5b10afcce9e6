import { TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { newRow, type DimensionField, type DimensionRow } from './settingsForm.ts';

const MAX_ROWS = 50;

interface Props {
  rows: DimensionRow[];
  onChange: (rows: DimensionRow[]) => void;
}

/** The tenant's own dimensions: a key and a name in each language, one card per dimension. */
export function CustomDimensionRows({ rows, onChange }: Props) {
  const { t } = useI18n();
  // Editing a field retires the server's complaint about it; the others stay until the next save.
  const set = (id: number, field: DimensionField, value: string) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, [field]: value, errors: { ...r.errors, [field]: undefined } } : r)));
  const add = () => {
    const row = newRow();
    onChange([...rows, row]);
    requestAnimationFrame(() => document.getElementById(`dimension-${row.id}-key`)?.focus());
  };

  return (
    <div className="dimension-rows">
      {rows.length === 0 && <p className="muted">{t('surveySettings.customEmpty')}</p>}
      <ol className="dimension-list">
        {rows.map((row, i) => {
          const n = i + 1;
          return (
            <li key={row.id} className="dimension-row" data-testid="custom-dimension">
              <fieldset className="fieldset">
                <legend>{t('surveySettings.dimensionN', { n })}</legend>
                <div className="dimension-fields">
                  <TextField
                    id={`dimension-${row.id}-key`}
                    label={t('surveySettings.key')}
                    hint={t('surveySettings.keyHint')}
                    error={row.errors.key}
                    className="dimension-key"
                    autoCapitalize="off"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={40}
                    placeholder="branch"
                    value={row.key}
                    onChange={(e) => set(row.id, 'key', e.target.value)}
                  />
                  <TextField label={t('surveySettings.nameRu')} lang="ru" error={row.errors.ru} maxLength={100} value={row.ru} onChange={(e) => set(row.id, 'ru', e.target.value)} />
                  <TextField label={t('surveySettings.nameEn')} lang="en" error={row.errors.en} maxLength={100} value={row.en} onChange={(e) => set(row.id, 'en', e.target.value)} />
                </div>
                <button type="button" className="btn btn-small btn-danger-outline" onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                  {t('surveySettings.removeDimension', { n })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {rows.length < MAX_ROWS ? (
        <button type="button" className="btn" onClick={add}>
          {t('surveySettings.addDimension')}
        </button>
      ) : (
        <p className="muted">{t('surveySettings.maxReached', { max: MAX_ROWS })}</p>
      )}
    </div>
  );
}
