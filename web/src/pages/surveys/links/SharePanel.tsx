import { useId, useState } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import type { SurveyStatus } from '../../../surveyTypes.ts';
import { FeedbackLinks } from './FeedbackLinks.tsx';
import { TestLinkForm } from './TestLinkForm.tsx';
import './links.css';

interface Props {
  tenantId: string;
  surveyId: string;
  status: SurveyStatus;
  languages: readonly string[];
  defaultLanguage: string;
  /** invitations.manage: may make test and permanent links. */
  canCreate: boolean;
}

const STATUS_NOTE = { draft: 'links.draft', paused: 'links.paused', closed: 'links.closed' } as const;

/**
 * "Share / Links": try the live survey and publish it without the raw API. Folded by
 * default so the editor stays the page's subject; links load only when opened.
 */
export function SharePanel({ tenantId, surveyId, status, languages, defaultLanguage, canCreate }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const creatable = canCreate && status === 'active';

  return (
    <section className="card share-panel" aria-labelledby={`${bodyId}-title`} data-testid="share-panel">
      <h2 id={`${bodyId}-title`} className="share-title">
        <button type="button" className="share-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('links.title')}
        </button>
      </h2>
      {open && (
        <div id={bodyId} className="share-body">
          <p className="muted">{t('links.intro')}</p>
          {status !== 'active' && <p className="alert alert-info">{t(STATUS_NOTE[status])}</p>}
          {!canCreate && status !== 'draft' && <p className="alert alert-info">{t('links.readOnly')}</p>}
          {creatable && <TestLinkForm tenantId={tenantId} surveyId={surveyId} languages={languages} defaultLanguage={defaultLanguage} />}
          {status !== 'draft' && <FeedbackLinks tenantId={tenantId} surveyId={surveyId} canCreate={creatable} canSwitch={canCreate} />}
        </div>
      )}
    </section>
  );
}
