import { useId } from 'react';
import { SelectField, TextField } from '../../components/Field.tsx';
import type { Channel } from '../../campaignTypes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { UnitSelect } from './AudienceFields.tsx';
import { emptyStep, errorAt, move, restAt, type FormErrors, type StepForm } from './campaignForm.ts';
import { GroupErrors } from './FieldErrors.tsx';

const MAX_STEPS = 10;

interface Props {
  steps: StepForm[];
  errors: FormErrors;
  /** After launch: steps that existed then may change but not go away or move (messages of them may be waiting). */
  fixedCount: number;
  onChange: (steps: StepForm[]) => void;
}

/** The channel plan: an ordered chain of steps, each a channel with its delay, attempts and words. */
export function StepsEditor({ steps, errors, fixedCount, onChange }: Props) {
  const { t } = useI18n();
  const update = (index: number, patch: Partial<StepForm>) => onChange(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const stepPaths = steps.map((_, i) => `plan.steps.${i}`);

  return (
    <fieldset className="fieldset campaign-section">
      <legend>{t('campaigns.plan.title')}</legend>
      <p className="muted small">{t('campaigns.plan.intro')}</p>
      <GroupErrors messages={restAt(errors, 'plan', stepPaths)} />
      <ol className="step-list">
        {steps.map((step, i) => {
          const path = `plan.steps.${i}`;
          const fixed = i < fixedCount;
          const title = t('campaigns.plan.stepTitle', { n: i + 1, channel: t(`campaigns.channel.${step.channel}`) });
          const fieldPaths = ['channel', 'delayMinutes', 'attempts', 'retryMinutes', 'template'].map((f) => `${path}.${f}`);
          return (
            <li key={step.key} className="card step-card">
              <div className="step-head">
                <h3 id={`${step.key}-title`}>{title}</h3>
                <div className="step-tools" role="group" aria-label={t('campaigns.plan.stepTools', { n: i + 1 })}>
                  <button type="button" className="btn btn-small" disabled={i === 0 || i <= fixedCount} aria-label={t('campaigns.plan.moveUp', { n: i + 1 })} onClick={() => onChange(move(steps, i, -1))}>
                    ↑
                  </button>
                  <button type="button" className="btn btn-small" disabled={i === steps.length - 1 || fixed} aria-label={t('campaigns.plan.moveDown', { n: i + 1 })} onClick={() => onChange(move(steps, i, 1))}>
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-danger-outline"
                    disabled={steps.length === 1 || fixed}
                    aria-label={t('campaigns.plan.removeStep', { n: i + 1 })}
                    onClick={() => onChange(steps.filter((_, j) => j !== i))}
                  >
                    {t('campaigns.remove')}
                  </button>
                </div>
              </div>
              {fixed && fixedCount > 0 && <p className="muted small">{t('campaigns.plan.fixedStep')}</p>}
              <GroupErrors messages={restAt(errors, path, fieldPaths)} />
              <div className="form-grid step-grid">
                <SelectField label={t('campaigns.plan.channel')} value={step.channel} onChange={(e) => update(i, { channel: e.target.value as Channel })} error={errorAt(errors, `${path}.channel`)}>
                  <option value="email">{t('campaigns.channel.email')}</option>
                  <option value="sms">{t('campaigns.channel.sms')}</option>
                  {step.channel === 'voice' && <option value="voice">{t('campaigns.channel.voice')}</option>}
                </SelectField>
                <div className="delay-pair">
                  <TextField
                    label={i === 0 ? t('campaigns.plan.firstDelay') : t('campaigns.plan.delay')}
                    type="number"
                    min={0}
                    step="any"
                    inputMode="decimal"
                    value={step.delay}
                    onChange={(e) => update(i, { delay: e.target.value })}
                    error={errorAt(errors, `${path}.delayMinutes`)}
                  />
                  <UnitSelect value={step.delayUnit} onChange={(delayUnit) => update(i, { delayUnit })} />
                </div>
                <TextField
                  label={t('campaigns.plan.attempts')}
                  hint={t('campaigns.plan.attemptsHint')}
                  type="number"
                  min={1}
                  max={5}
                  inputMode="numeric"
                  value={step.attempts}
                  onChange={(e) => update(i, { attempts: e.target.value })}
                  error={errorAt(errors, `${path}.attempts`)}
                />
                <TextField
                  label={t('campaigns.plan.retryMinutes')}
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={step.retryMinutes}
                  disabled={step.attempts.trim() === '1'}
                  onChange={(e) => update(i, { retryMinutes: e.target.value })}
                  error={errorAt(errors, `${path}.retryMinutes`)}
                />
              </div>
              <details className="step-words" open={Boolean(step.subjectRu || step.subjectEn || step.introRu || step.introEn || errorAt(errors, `${path}.template`))}>
                <summary>{t('campaigns.plan.words')}</summary>
                <p className="muted small">{t('campaigns.plan.wordsHint')}</p>
                <GroupErrors messages={restAt(errors, `${path}.template`, [])} />
                <div className="form-grid">
                  {step.channel === 'email' && (
                    <>
                      <TextField label={t('campaigns.plan.subjectRu')} lang="ru" value={step.subjectRu} maxLength={2000} onChange={(e) => update(i, { subjectRu: e.target.value })} />
                      <TextField label={t('campaigns.plan.subjectEn')} lang="en" value={step.subjectEn} maxLength={2000} onChange={(e) => update(i, { subjectEn: e.target.value })} />
                    </>
                  )}
                  <TextArea label={step.channel === 'sms' ? t('campaigns.plan.smsRu') : t('campaigns.plan.introRu')} lang="ru" value={step.introRu} onChange={(introRu) => update(i, { introRu })} />
                  <TextArea label={step.channel === 'sms' ? t('campaigns.plan.smsEn') : t('campaigns.plan.introEn')} lang="en" value={step.introEn} onChange={(introEn) => update(i, { introEn })} />
                </div>
              </details>
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn" disabled={steps.length >= MAX_STEPS} onClick={() => onChange([...steps, emptyStep(steps.at(-1)?.channel === 'email' ? 'sms' : 'email')])}>
        {t('campaigns.plan.addStep')}
      </button>
    </fieldset>
  );
}

function TextArea({ label, lang, value, onChange }: { label: string; lang: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} lang={lang} rows={3} maxLength={2000} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
