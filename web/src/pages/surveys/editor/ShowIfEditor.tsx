import { useState } from 'react';
import {
  describeRule,
  isScaleQuestion,
  lowScoreFollowUp,
  questionScale,
  readLowScoreFollowUp,
  type Question,
  type ShowIfRule,
  type SurveyDefinition,
} from '../../../../../src/domain/surveys/index.ts';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { ConditionFields } from './ConditionFields.tsx';
import { defaultThreshold, firstCondition, modeOf, type RuleMode } from './ruleDrafts.ts';
import { questionName } from './questionName.ts';

interface Props {
  definition: SurveyDefinition;
  index: number;
  rule: ShowIfRule | undefined;
  onChange: (rule: ShowIfRule | undefined) => void;
}

/** When the question is asked: always, as a low-score follow-up, or when one earlier answer matches. */
export function ShowIfEditor({ definition, index, rule, onChange }: Props) {
  const { t, lang } = useI18n();
  const earlier = definition.questions.slice(0, index);
  const scored = earlier.filter(isScaleQuestion);
  const [mode, setMode] = useState<RuleMode>(() => modeOf(rule, earlier));
  const name = (q: Question) => questionName(q, lang, definition.defaultLanguage);

  const switchMode = (next: RuleMode) => {
    setMode(next);
    if (next === 'always') onChange(undefined);
    if (next === 'lowScore' && scored.length > 0) {
      const score = scored[scored.length - 1]!;
      onChange(lowScoreFollowUp(score.id, defaultThreshold(score)));
    }
    if (next === 'condition') {
      const condition = firstCondition(earlier);
      onChange(condition ? { when: condition } : undefined);
    }
  };

  const low = readLowScoreFollowUp(rule);
  const lowQuestion = low ? scored.find((q) => q.id === low.scoreQuestionId) : undefined;
  const scale = lowQuestion ? questionScale(lowQuestion) : null;

  return (
    <fieldset className="fieldset rule-editor">
      <legend>{t('editor.showIf')}</legend>
      <SelectField label={t('editor.ruleMode')} value={mode} onChange={(e) => switchMode(e.target.value as RuleMode)}>
        <option value="always">{t('editor.rule.always')}</option>
        <option value="lowScore" disabled={scored.length === 0}>
          {t('editor.rule.lowScore')}
        </option>
        <option value="condition" disabled={earlier.length === 0}>
          {t('editor.rule.condition')}
        </option>
        {mode === 'advanced' && <option value="advanced">{t('editor.rule.advanced')}</option>}
      </SelectField>

      {mode === 'lowScore' && low && (
        <div className="rule-row">
          <SelectField
            label={t('editor.scoreQuestion')}
            value={low.scoreQuestionId}
            onChange={(e) => {
              const score = scored.find((q) => q.id === e.target.value);
              if (score) onChange(lowScoreFollowUp(score.id, defaultThreshold(score)));
            }}
          >
            {!lowQuestion && <option value={low.scoreQuestionId}>{low.scoreQuestionId}</option>}
            {scored.map((q) => (
              <option key={q.id} value={q.id}>
                {name(q)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('editor.threshold')}
            hint={t('editor.thresholdHint')}
            type="number"
            inputMode="numeric"
            min={scale?.min}
            max={scale?.max}
            value={String(low.threshold)}
            onChange={(e) => e.target.value !== '' && onChange(lowScoreFollowUp(low.scoreQuestionId, Number(e.target.value)))}
          />
        </div>
      )}

      {mode === 'condition' && rule?.when && (
        <ConditionFields earlier={earlier} condition={rule.when} nameOf={name} onChange={(when) => onChange({ when })} />
      )}

      {mode !== 'always' && rule && (
        <p className="muted small rule-summary">
          {t('editor.ruleReads')} <strong>{describeRule(definition, rule, lang)}</strong>
        </p>
      )}
      {mode === 'advanced' && <p className="field-hint">{t('editor.rule.advancedHint')}</p>}
    </fieldset>
  );
}
