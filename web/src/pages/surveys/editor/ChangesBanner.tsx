import type { SurveyChange } from '../../../../../src/domain/surveys/index.ts';
import { useI18n, type Translate } from '../../../i18n/index.tsx';

function describeChange(change: SurveyChange, t: Translate): string {
  const question = 'questionId' in change ? change.questionId : '';
  switch (change.kind) {
    case 'survey_setting_changed':
      return t('change.setting', { setting: t(`change.setting.${change.setting}`) });
    case 'text_changed':
    case 'label_changed':
    case 'option_label_changed':
    case 'thank_you_changed':
      return t(`change.${change.kind}`, { question, language: change.language.toUpperCase() });
    case 'option_added':
    case 'option_removed':
      return t(`change.${change.kind}`, { question, option: change.optionId });
    case 'questions_reordered':
      return t('change.questions_reordered');
    default:
      return t(`change.${change.kind}`, { question });
  }
}

/** The draft is not what respondents see: say so, and what would change on launch. */
export function ChangesBanner({ version, changes }: { version: number | null; changes: SurveyChange[] }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-warning changes-banner" role="status">
      <p>
        <strong>{t('editor.draftDiffers', { version: version ?? '' })}</strong>
      </p>
      {changes.length > 0 && (
        <ul>
          {changes.map((change, i) => (
            <li key={i}>{describeChange(change, t)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
