// A destructive action asks in place ("Revoke X? [Yes, revoke] [Cancel]") instead of
// window.confirm: it is readable, translatable and reachable by keyboard and tests.
import { useState } from 'react';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  label: string;
  /** Verb for the confirming button: "Yes, {action}". */
  action: string;
  question: string;
  onConfirm: () => Promise<unknown>;
}

export function ConfirmButton({ label, action, question, onConfirm }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);

  if (!asking)
    return (
      <button type="button" className="btn btn-small btn-danger-outline" onClick={() => setAsking(true)}>
        {label}
      </button>
    );

  const confirm = async () => {
    setPending(true);
    try {
      await onConfirm();
    } finally {
      setPending(false);
      setAsking(false);
    }
  };

  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button type="button" className="btn btn-small btn-danger" onClick={confirm} disabled={pending} autoFocus>
        {t('common.confirm', { action })}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)} disabled={pending}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
