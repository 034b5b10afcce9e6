import { useState } from 'react';
import { LoadState, Notice } from '../../../components/Feedback.tsx';
import { api } from '../../../endpoints.ts';
import { useLoad } from '../../../hooks.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { FeedbackLinkCard } from './FeedbackLinkCard.tsx';
import { FeedbackLinkForm } from './FeedbackLinkForm.tsx';

interface Props {
  tenantId: string;
  surveyId: string;
  /** May make new links (invitations.manage, survey active); everyone who reads the survey sees them. */
  canCreate: boolean;
  /** May switch links off and on (invitations.manage), whatever the survey's status. */
  canSwitch: boolean;
}

/** The survey's permanent links: newest first, each with URL, QR code and widget snippet. */
export function FeedbackLinks({ tenantId, surveyId, canCreate, canSwitch }: Props) {
  const { t } = useI18n();
  const links = useLoad(() => api.listFeedbackLinks(tenantId, surveyId), [tenantId, surveyId]);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const items = links.data?.items ?? [];

  return (
    <section className="links-block" aria-labelledby="feedback-links-title">
      <h3 id="feedback-links-title">{t('links.feedback.title')}</h3>
      <p>{t('links.feedback.intro')}</p>
      {canCreate && (
        <FeedbackLinkForm
          tenantId={tenantId}
          surveyId={surveyId}
          onCreated={(link) => {
            setCreatedId(link.id);
            links.setData((current) => ({ items: [link, ...(current?.items ?? []).filter((l) => l.id !== link.id)] }));
          }}
        />
      )}
      {createdId && <Notice>{t('links.feedback.created')}</Notice>}
      {!links.data ? (
        <LoadState loading={links.loading} error={links.error} reload={links.reload} />
      ) : items.length === 0 ? (
        <p className="muted">{t('links.feedback.none')}</p>
      ) : (
        <ul className="feedback-link-list">
          {items.map((link) => (
            <FeedbackLinkCard
              key={link.id}
              tenantId={tenantId}
              link={link}
              onSwitch={canSwitch ? (changed) => links.setData((current) => ({ items: (current?.items ?? []).map((l) => (l.id === changed.id ? changed : l)) })) : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
