import { useId } from 'react';
import type { LocalizedText } from '../../../../../src/domain/surveys/index.ts';

interface Props {
  label: string;
  languages: readonly string[];
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  multiline?: boolean;
  /** For the preview and tests: `text`, `label` … */
  name?: string;
}

/** One text in every language of the survey, side by side (stacked on a phone). */
export function LocalizedFields({ label, languages, value, onChange, multiline = false, name }: Props) {
  const id = useId();
  return (
    <div className="field localized" role="group" aria-labelledby={`${id}-legend`}>
      <span id={`${id}-legend`} className="field-label">
        {label}
      </span>
      <div className="localized-grid">
        {languages.map((language) => {
          const controlId = `${id}-${language}`;
          const text = value[language] ?? '';
          const props = {
            id: controlId,
            name: name ? `${name}.${language}` : undefined,
            lang: language,
            'aria-label': `${label} (${language.toUpperCase()})`,
            value: text,
            'aria-invalid': text.trim() === '' ? true : undefined,
            onChange: (e: { target: { value: string } }) => onChange({ ...value, [language]: e.target.value }),
          };
          return (
            <div key={language} className="localized-cell">
              <label htmlFor={controlId} className="lang-tag">
                {language.toUpperCase()}
              </label>
              {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
            </div>
          );
        })}
      </div>
    </div>
  );
}
