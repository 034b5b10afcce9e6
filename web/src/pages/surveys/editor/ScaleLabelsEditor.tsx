import type { LocalizedText, ScaleLabel } from '../../../../../src/domain/surveys/index.ts';
import type { Scale } from '../../../../../src/domain/metrics/types.ts';
import { TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { LocalizedFields } from './LocalizedFields.tsx';

interface Props {
  languages: readonly string[];
  scale: Scale;
  labels: ScaleLabel[];
  onChange: (labels: ScaleLabel[]) => void;
}

/** Captions for points of the scale, e.g. 0 = "Not at all likely", 10 = "Extremely likely". */
export function ScaleLabelsEditor({ languages, scale, labels, onChange }: Props) {
  const { t } = useI18n();
  const set = (index: number, label: ScaleLabel) => onChange(labels.map((l, i) => (i === index ? label : l)));
  const add = () => {
    const used = new Set(labels.map((l) => l.value));
    const value = [scale.min, scale.max].find((v) => !used.has(v)) ?? scale.min;
    const label: LocalizedText = Object.fromEntries(languages.map((l) => [l, '']));
    onChange([...labels, { value, label }]);
  };
  return (
    <fieldset className="fieldset">
      <legend>{t('editor.scaleLabels', { min: scale.min, max: scale.max })}</legend>
      {labels.length === 0 && <p className="field-hint">{t('editor.noScaleLabels')}</p>}
      <ol className="sub-list">
        {labels.map((label, index) => (
          <li key={index} className="sub-item">
            <TextField
              label={t('editor.scalePoint')}
              type="number"
              min={scale.min}
              max={scale.max}
              value={String(label.value)}
              onChange={(e) => e.target.value !== '' && set(index, { ...label, value: Number(e.target.value) })}
            />
            <LocalizedFields label={t('editor.scaleCaption')} languages={languages} value={label.label} onChange={(text) => set(index, { ...label, label: text })} />
            <button type="button" className="btn btn-small" onClick={() => onChange(labels.filter((_, i) => i !== index))}>
              {t('editor.removeScaleLabel')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" onClick={add}>
        {t('editor.addScaleLabel')}
      </button>
    </fieldset>
  );
}
