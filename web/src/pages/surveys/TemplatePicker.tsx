import { localize } from '../../../../src/domain/surveys/localizedText.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { SurveyTemplateView } from '../../surveyTypes.ts';

/** Blank is the empty string: a survey with no questions yet. */
export const BLANK = '';

interface Props {
  templates: SurveyTemplateView[];
  chosen: string | null;
  onChoose: (templateId: string) => void;
}

/** Cards to start a survey from: each template in the interface language, and a blank one. */
export function TemplatePicker({ templates, chosen, onChoose }: Props) {
  const { t, lang } = useI18n();
  const cards = [
    ...templates.map((template) => ({
      id: template.id,
      name: localize(template.name, lang, 'en') ?? template.id,
      description: localize(template.description, lang, 'en') ?? '',
      questions: template.definition.questions.length,
      anonymous: template.anonymous,
    })),
    { id: BLANK, name: t('surveys.blank'), description: t('surveys.blankDescription'), questions: 0, anonymous: false },
  ];
  return (
    <fieldset className="fieldset template-picker">
      <legend>{t('surveys.chooseTemplate')}</legend>
      <ul className="template-grid">
        {cards.map((card) => (
          <li key={card.id || 'blank'}>
            <label className={chosen === card.id ? 'template-card chosen' : 'template-card'}>
              <input type="radio" name="template" value={card.id} checked={chosen === card.id} onChange={() => onChoose(card.id)} />
              <span className="template-name">{card.name}</span>
              <span className="template-description">{card.description}</span>
              <span className="muted small">
                {t('surveys.questionCount', { count: card.questions })}
                {card.anonymous && ` · ${t('surveys.anonymousShort')}`}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
