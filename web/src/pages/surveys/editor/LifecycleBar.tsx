import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import type { SurveyStatus } from '../../../surveyTypes.ts';

interface Props {
  status: SurveyStatus;
  launched: boolean;
  dirty: boolean;
  /** Launching makes a difference: never launched, or the draft differs from the current version. */
  hasNewDraft: boolean;
  pending: boolean;
  onSave: () => void;
  onAction: (action: 'launch' | 'pause' | 'resume' | 'close') => Promise<unknown>;
}

/** Save, launch and the survey's life: draft → active ⇄ paused → closed. */
export function LifecycleBar({ status, launched, dirty, hasNewDraft, pending, onSave, onAction }: Props) {
  const { t } = useI18n();
  const open = status !== 'closed';
  return (
    <div className="lifecycle-bar">
      {open && (
        <button type="button" className="btn" onClick={onSave} disabled={pending || !dirty}>
          {pending ? t('common.saving') : t('editor.saveDraft')}
        </button>
      )}
      {open && (hasNewDraft || dirty || status === 'draft') && (
        <button type="button" className="btn btn-primary" onClick={() => void onAction('launch')} disabled={pending}>
          {launched ? t('editor.launchNewVersion') : t('editor.launch')}
        </button>
      )}
      {status === 'active' && (
        <button type="button" className="btn" onClick={() => void onAction('pause')} disabled={pending}>
          {t('editor.pause')}
        </button>
      )}
      {status === 'paused' && (
        <button type="button" className="btn" onClick={() => void onAction('resume')} disabled={pending}>
          {t('editor.resume')}
        </button>
      )}
      {(status === 'active' || status === 'paused') && (
        <ConfirmButton label={t('editor.close')} action={t('editor.closeAction')} question={t('editor.confirmClose')} onConfirm={() => onAction('close')} />
      )}
    </div>
  );
}
