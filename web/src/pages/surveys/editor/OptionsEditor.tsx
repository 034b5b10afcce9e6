import type { ChoiceOption, LocalizedText } from '../../../../../src/domain/surveys/index.ts';
import { TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { LocalizedFields } from './LocalizedFields.tsx';

interface Props {
  languages: readonly string[];
  options: ChoiceOption[];
  onChange: (options: ChoiceOption[]) => void;
}

/** The answers of a choice question: an id (used by rules and reports) and a label per language. */
export function OptionsEditor({ languages, options, onChange }: Props) {
  const { t } = useI18n();
  const set = (index: number, option: ChoiceOption) => onChange(options.map((o, i) => (i === index ? option : o)));
  const add = () => {
    const taken = new Set(options.map((o) => o.id));
    let n = options.length + 1;
    while (taken.has(`option${n}`)) n += 1;
    const label: LocalizedText = Object.fromEntries(languages.map((l) => [l, '']));
    onChange([...options, { id: `option${n}`, label }]);
  };
  return (
    <fieldset className="fieldset">
      <legend>{t('editor.options')}</legend>
      <ol className="sub-list">
        {options.map((option, index) => (
          <li key={index} className="sub-item">
            <TextField label={t('editor.optionId')} value={option.id} onChange={(e) => set(index, { ...option, id: e.target.value })} />
            <LocalizedFields label={t('editor.optionLabel')} languages={languages} value={option.label} onChange={(label) => set(index, { ...option, label })} />
            <button type="button" className="btn btn-small" onClick={() => onChange(options.filter((_, i) => i !== index))}>
              {t('editor.removeOption')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" onClick={add}>
        {t('editor.addOption')}
      </button>
    </fieldset>
  );
}
