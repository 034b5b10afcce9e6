import { localize, operatorsFor, ruleValueKind, type Condition, type Question, type RuleOperator } from '../../../../../src/domain/surveys/index.ts';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { conditionFor } from './ruleDrafts.ts';

interface Props {
  earlier: readonly Question[];
  condition: Condition;
  nameOf: (question: Question) => string;
  onChange: (condition: Condition) => void;
}

/** One condition: [earlier question] [operator] [value], offering only what fits the question's type. */
export function ConditionFields({ earlier, condition, nameOf, onChange }: Props) {
  const { t, lang } = useI18n();
  const question = earlier.find((q) => q.id === condition.question);
  const operators = question ? operatorsFor(question) : [];
  const kind = question ? ruleValueKind(question) : 'none';
  const options = question && 'options' in question ? question.options : [];

  const chooseQuestion = (id: string) => {
    const next = earlier.find((q) => q.id === id);
    if (next) onChange(conditionFor(next, operatorsFor(next)[0]!));
  };

  return (
    <div className="rule-row">
      <SelectField label={t('editor.ruleQuestion')} value={condition.question} onChange={(e) => chooseQuestion(e.target.value)}>
        {!question && <option value={condition.question}>{condition.question}</option>}
        {earlier.map((q) => (
          <option key={q.id} value={q.id}>
            {nameOf(q)}
          </option>
        ))}
      </SelectField>
      {question && (
        <SelectField
          label={t('editor.ruleOperator')}
          value={condition.op}
          onChange={(e) => onChange(conditionFor(question, e.target.value as RuleOperator, condition))}
        >
          {operators.map((op) => (
            <option key={op} value={op}>
              {t(`editor.op.${op}`)}
            </option>
          ))}
        </SelectField>
      )}
      {'value' in condition && kind === 'score' && condition.op !== 'in' && (
        <TextField
          label={t('editor.ruleValue')}
          type="number"
          inputMode="numeric"
          value={String(condition.value)}
          onChange={(e) => e.target.value !== '' && onChange({ ...condition, value: Number(e.target.value) } as Condition)}
        />
      )}
      {condition.op === 'in' && kind === 'score' && (
        <TextField
          label={t('editor.ruleValues')}
          hint={t('editor.ruleValuesHint')}
          defaultValue={condition.value.join(', ')}
          onBlur={(e) => {
            const values = e.target.value.split(/[,\s]+/).filter(Boolean).map(Number).filter(Number.isFinite);
            if (values.length > 0) onChange({ ...condition, value: values });
          }}
        />
      )}
      {'value' in condition && kind === 'yes_no' && (
        <SelectField
          label={t('editor.ruleValue')}
          value={String(condition.value)}
          onChange={(e) => onChange({ ...condition, value: e.target.value === 'true' } as Condition)}
        >
          <option value="true">{t('editor.yes')}</option>
          <option value="false">{t('editor.no')}</option>
        </SelectField>
      )}
      {'value' in condition && kind === 'option' && condition.op !== 'in' && (
        <SelectField label={t('editor.ruleValue')} value={String(condition.value)} onChange={(e) => onChange({ ...condition, value: e.target.value } as Condition)}>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {localize(option.label, lang, 'en') ?? option.id}
            </option>
          ))}
        </SelectField>
      )}
      {condition.op === 'in' && kind === 'option' && (
        <fieldset className="fieldset">
          <legend>{t('editor.ruleValues')}</legend>
          <ul className="checkbox-list">
            {options.map((option) => (
              <li key={option.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={condition.value.includes(option.id)}
                    onChange={(e) => {
                      const value = e.target.checked ? [...condition.value, option.id] : condition.value.filter((v) => v !== option.id);
                      if (value.length > 0) onChange({ ...condition, value });
                    }}
                  />
                  <span>{localize(option.label, lang, 'en') ?? option.id}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}
