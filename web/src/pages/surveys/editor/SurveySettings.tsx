import { useState } from 'react';
import type { SurveyDefinition } from '../../../../../src/domain/surveys/index.ts';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { LocalizedFields } from './LocalizedFields.tsx';

interface Props {
  name: string;
  onName: (name: string) => void;
  definition: SurveyDefinition;
  onChange: (definition: SurveyDefinition) => void;
}

const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The survey as a whole: its name, languages, default language, anonymity and thank-you text. */
export function SurveySettings({ name, onName, definition, onChange }: Props) {
  const { t } = useI18n();
  const [newLanguage, setNewLanguage] = useState('');
  const languageName = (code: string) => (code === 'ru' || code === 'en' ? t(`locale.${code}`) : code);
  const canAdd = LANGUAGE_CODE.test(newLanguage) && !definition.languages.includes(newLanguage);

  const removeLanguage = (code: string) => {
    const languages = definition.languages.filter((l) => l !== code);
    onChange({ ...definition, languages, defaultLanguage: languages.includes(definition.defaultLanguage) ? definition.defaultLanguage : (languages[0] ?? '') });
  };

  return (
    <section className="card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('editor.settings')}</h2>
      <div className="form">
        <TextField label={t('surveys.name')} required maxLength={200} value={name} onChange={(e) => onName(e.target.value)} />
        <fieldset className="fieldset">
          <legend>{t('editor.languages')}</legend>
          <ul className="language-list">
            {definition.languages.map((code) => (
              <li key={code}>
                <span lang={code}>{languageName(code)}</span> <code>{code}</code>
                {definition.languages.length > 1 && (
                  <button type="button" className="btn btn-small" onClick={() => removeLanguage(code)} aria-label={t('editor.removeLanguage', { language: languageName(code) })}>
                    ✕
                  </button>
                )}
              </li>
            ))}
          </ul>
          <div className="inline-form">
            <TextField label={t('editor.addLanguageCode')} hint={t('editor.addLanguageHint')} value={newLanguage} onChange={(e) => setNewLanguage(e.target.value.trim())} />
            <button
              type="button"
              className="btn"
              disabled={!canAdd}
              onClick={() => {
                onChange({ ...definition, languages: [...definition.languages, newLanguage] });
                setNewLanguage('');
              }}
            >
              {t('editor.addLanguage')}
            </button>
          </div>
        </fieldset>
        <SelectField label={t('editor.defaultLanguage')} hint={t('editor.defaultLanguageHint')} value={definition.defaultLanguage} onChange={(e) => onChange({ ...definition, defaultLanguage: e.target.value })}>
          {definition.languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </SelectField>
        <label className="checkbox">
          <input type="checkbox" checked={definition.anonymous} onChange={(e) => onChange({ ...definition, anonymous: e.target.checked })} />
          <span>
            {t('editor.anonymous')}
            <span className="muted small"> {t('editor.anonymousHint')}</span>
          </span>
        </label>
        <LocalizedFields label={t('editor.thankYou')} languages={definition.languages} value={definition.thankYou} multiline onChange={(thankYou) => onChange({ ...definition, thankYou })} />
      </div>
    </section>
  );
}
