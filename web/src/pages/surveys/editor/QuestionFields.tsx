import {
  QUESTION_TYPES,
  STANDARD_METRIC_KEYS,
  isScaleQuestion,
  questionScale,
  type Question,
  type QuestionType,
  type SurveyDefinition,
} from '../../../../../src/domain/surveys/index.ts';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { withType } from './draftOps.ts';
import { LocalizedFields } from './LocalizedFields.tsx';
import { OptionsEditor } from './OptionsEditor.tsx';
import { ScaleLabelsEditor } from './ScaleLabelsEditor.tsx';
import { ShowIfEditor } from './ShowIfEditor.tsx';

interface Props {
  definition: SurveyDefinition;
  index: number;
  question: Question;
  onChange: (question: Question) => void;
}

/** Everything about one question: id, type, texts per language, report label and metric, rule. */
export function QuestionFields({ definition, index, question, onChange }: Props) {
  const { t } = useI18n();
  const languages = definition.languages;
  const scale = questionScale(question);
  const metricListId = `metric-keys-${index}`;

  return (
    <div className="form question-fields">
      <div className="form-grid">
        <SelectField label={t('editor.type')} value={question.type} onChange={(e) => onChange(withType(question, e.target.value as QuestionType, definition))}>
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`questionType.${type}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('editor.questionId')} hint={t('editor.questionIdHint')} value={question.id} onChange={(e) => onChange({ ...question, id: e.target.value })} />
      </div>
      <LocalizedFields label={t('editor.text')} name={`q${index}.text`} languages={languages} value={question.text} multiline onChange={(text) => onChange({ ...question, text })} />
      <LocalizedFields label={t('editor.label')} name={`q${index}.label`} languages={languages} value={question.label} onChange={(label) => onChange({ ...question, label })} />
      <div className="form-grid">
        <TextField
          label={t('editor.metricKey')}
          hint={t('editor.metricKeyHint')}
          list={metricListId}
          value={question.metricKey ?? ''}
          onChange={(e) => onChange({ ...question, metricKey: e.target.value.trim() === '' ? null : e.target.value.trim() })}
        />
        <datalist id={metricListId}>
          {STANDARD_METRIC_KEYS.map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
        <label className="checkbox checkbox-field">
          <input type="checkbox" checked={question.required} onChange={(e) => onChange({ ...question, required: e.target.checked })} />
          <span>{t('editor.required')}</span>
        </label>
      </div>
      {question.type === 'rating' && (
        <div className="form-grid">
          <TextField label={t('editor.min')} type="number" value={String(question.min)} onChange={(e) => e.target.value !== '' && onChange({ ...question, min: Number(e.target.value) })} />
          <TextField label={t('editor.max')} type="number" value={String(question.max)} onChange={(e) => e.target.value !== '' && onChange({ ...question, max: Number(e.target.value) })} />
        </div>
      )}
      {isScaleQuestion(question) && scale && (
        <ScaleLabelsEditor languages={languages} scale={scale} labels={question.scaleLabels ?? []} onChange={(scaleLabels) => onChange({ ...question, scaleLabels })} />
      )}
      {(question.type === 'single_choice' || question.type === 'multiple_choice') && (
        <OptionsEditor languages={languages} options={question.options} onChange={(options) => onChange({ ...question, options })} />
      )}
      <ShowIfEditor
        // The rule form keeps which kind of rule is being built; a different question starts afresh.
        key={question.id}
        definition={definition}
        index={index}
        rule={question.showIf}
        onChange={(showIf) => {
          const { showIf: _dropped, ...rest } = question;
          onChange(showIf ? { ...question, showIf } : (rest as Question));
        }}
      />
    </div>
  );
}
