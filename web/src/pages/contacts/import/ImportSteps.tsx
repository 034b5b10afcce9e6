import { useI18n } from '../../../i18n/index.tsx';

export type WizardStep = 'upload' | 'mapping' | 'check' | 'import';
const STEPS: readonly WizardStep[] = ['upload', 'mapping', 'check', 'import'];

/** Where the wizard is: 1 upload, 2 mapping, 3 check, 4 import. */
export function ImportSteps({ current }: { current: WizardStep }) {
  const { t } = useI18n();
  const at = STEPS.indexOf(current);
  return (
    <ol className="wizard-steps" aria-label={t('import.steps')}>
      {STEPS.map((step, index) => (
        <li key={step} className={index < at ? 'done' : index === at ? 'current' : ''} aria-current={index === at ? 'step' : undefined}>
          <span className="step-number">{index + 1}</span> {t(`import.step.${step}`)}
        </li>
      ))}
    </ol>
  );
}
