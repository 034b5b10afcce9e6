import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import type { InvitationCreated } from '../../../linkTypes.ts';
import { CopyField } from './CopyField.tsx';

/** A just-made test link: shown this once, with Copy and Open. */
export function OneTimeLink({ invitation }: { invitation: InvitationCreated }) {
  const { t, formatDate } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [invitation.id]);
  return (
    <div className="one-time-link" ref={box} tabIndex={-1} data-testid="test-link">
      <p className="alert alert-warning">{t('links.test.shownOnce', { date: formatDate(invitation.expiresAt) })}</p>
      <CopyField label={t('links.test.url')} value={invitation.url}>
        <a className="btn" href={invitation.url} target="_blank" rel="noopener noreferrer">
          {t('links.open')}
        </a>
      </CopyField>
    </div>
  );
}
