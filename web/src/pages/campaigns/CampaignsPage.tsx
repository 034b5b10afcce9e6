import { Link } from 'react-router';
import { LoadState } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../endpoints.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hasTenantPermission, sectionPath } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { CampaignStatusBadge } from './CampaignStatusBadge.tsx';
import { CampaignsTabs } from './CampaignsTabs.tsx';
import './campaigns.css';

/** `/t/:tenantId/campaigns`: every campaign of the tenant, newest first. */
export function CampaignsPage() {
  const { current } = useTenants();
  return current ? <CampaignList key={current.id} tenant={current} /> : null;
}

function CampaignList({ tenant }: { tenant: TenantView }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const user = useUser();
  const campaigns = useLoad(() => api.listCampaigns(tenant.id), [tenant.id]);
  // The survey names; an analyst without surveys.read would still see the campaigns.
  const surveys = useLoad(() => api.listSurveys(tenant.id).catch(() => ({ items: [] })), [tenant.id]);
  const canManage = hasTenantPermission(user, tenant.id, 'campaigns.manage');
  const base = sectionPath('campaigns', tenant.id);
  const surveyName = new Map((surveys.data?.items ?? []).map((s) => [s.id, s.name]));
  const list = campaigns.data?.items ?? [];

  return (
    <>
      <CampaignsTabs tenantId={tenant.id} />
      <PageHeader title={t('campaigns.title')}>
        {canManage && (
          <Link className="btn btn-primary" to={`${base}/new`}>
            {t('campaigns.new')}
          </Link>
        )}
      </PageHeader>
      <p className="muted">{t('campaigns.intro', { tenant: tenant.name })}</p>
      {!campaigns.data && <LoadState loading={campaigns.loading} error={campaigns.error} reload={campaigns.reload} />}
      {campaigns.data && list.length === 0 && <p className="muted">{t('campaigns.empty')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('campaigns.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.name')}</th>
                <th scope="col">{t('campaigns.survey')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('campaigns.planned')}</th>
                <th scope="col">{t('campaigns.launched')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((campaign) => (
                <tr key={campaign.id}>
                  <th scope="row">
                    <Link to={`${base}/${encodeURIComponent(campaign.id)}`}>{campaign.name}</Link>
                  </th>
                  <td>{surveyName.get(campaign.surveyId) ?? t('common.none')}</td>
                  <td>
                    <CampaignStatusBadge status={campaign.status} pauseReason={campaign.pauseReason} />
                  </td>
                  <td className="num">{campaign.audience.kind === 'events' && campaign.planned === 0 ? t('campaigns.byEvents') : formatNumber(campaign.planned)}</td>
                  <td className="nowrap">{campaign.launchedAt ? formatDateTime(campaign.launchedAt) : t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
