import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { sectionPath } from '../../sections.ts';

/** The campaigns section's own tabs: the campaigns, and the organisation's sending settings. */
export function CampaignsTabs({ tenantId }: { tenantId: string }) {
  const { t } = useI18n();
  const base = sectionPath('campaigns', tenantId);
  return (
    <nav className="sub-nav" aria-label={t('campaigns.sections')}>
      <ul>
        <li>
          <NavLink to={base} end>
            {t('campaigns.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/settings`}>{t('campaignSettings.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
