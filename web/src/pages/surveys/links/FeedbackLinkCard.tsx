import { FormError } from '../../../components/Feedback.tsx';
import { api } from '../../../endpoints.ts';
import { useAction } from '../../../hooks.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { FeedbackLinkView } from '../../../linkTypes.ts';
import { CopyField } from './CopyField.tsx';
import { embedSnippet } from './embedSnippet.ts';

/**
 * One permanent link: its URL, its QR code for print, and the widget snippet for a website.
 * The QR is a same-origin image, so the session cookie (SameSite=Lax) comes with it.
 */
export function FeedbackLinkCard({ tenantId, link, onSwitch }: { tenantId: string; link: FeedbackLinkView; onSwitch?: ((changed: FeedbackLinkView) => void) | undefined }) {
  const { t, formatDateTime } = useI18n();
  const toggle = useAction(async () => onSwitch?.(await api.setFeedbackLinkActive(tenantId, link.surveyId, link.id, !link.active)));
  const attributes = Object.entries(link.attributes);
  return (
    <li className="feedback-link" data-testid="feedback-link" data-slug={link.slug}>
      <div className="feedback-link-head">
        <h4>{t('links.feedback.heading', { slug: link.slug })}</h4>
        {!link.active && <span className="badge badge-muted">{t('links.feedback.inactive')}</span>}
        <span className="muted small">{t('links.feedback.createdAt', { date: formatDateTime(link.createdAt) })}</span>
        {onSwitch && (
          <button type="button" className="btn btn-small" disabled={toggle.pending} onClick={() => void toggle.run()}>
            {link.active ? t('links.feedback.switchOff') : t('links.feedback.switchOn')}
          </button>
        )}
      </div>
      <FormError error={toggle.error} />
      {attributes.length > 0 && (
        <ul className="attribute-chips" aria-label={t('links.attributes')}>
          {attributes.map(([key, value]) => (
            <li key={key}>
              <code>{key}</code> = {value}
            </li>
          ))}
        </ul>
      )}
      <div className="feedback-link-body">
        <figure className="qr">
          <img src={link.qrUrl} alt={t('links.feedback.qrAlt', { url: link.url })} width={160} height={160} />
          <figcaption>
            <a href={link.qrUrl} download={`voxpop-${link.slug}.svg`}>
              {t('links.feedback.downloadQr')}
            </a>
          </figcaption>
        </figure>
        <div className="feedback-link-fields">
          <CopyField label={t('links.feedback.url')} value={link.url}>
            <a className="btn" href={link.url} target="_blank" rel="noopener noreferrer">
              {t('links.open')}
            </a>
          </CopyField>
          <CopyField label={t('links.feedback.embed')} value={embedSnippet(link)} multiline hint={t('links.feedback.embedHint')} testId="embed-snippet" />
        </div>
      </div>
    </li>
  );
}
