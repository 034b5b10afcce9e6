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
import { SurveyStatusBadge } from './SurveyStatusBadge.tsx';
import './surveys.css';

/** `/t/:tenantId/surveys`: every survey of the tenant, newest change first. */
export function SurveysPage() {
  const { current } = useTenants();
  return current ? <SurveyList key={current.id} tenant={current} /> : null;
}

function SurveyList({ tenant }: { tenant: TenantView }) {
  const { t, formatDateTime } = useI18n();
  const user = useUser();
  const surveys = useLoad(() => api.listSurveys(tenant.id), [tenant.id]);
  const canManage = hasTenantPermission(user, tenant.id, 'surveys.manage');
  const base = sectionPath('surveys', tenant.id);
  const list = [...(surveys.data?.items ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  return (
    <>
      <PageHeader title={t('surveys.title')}>
        <Link className="btn" to={`${base}/settings`}>
          {t('surveys.settingsLink')}
        </Link>
        {canManage && (
          <Link className="btn btn-primary" to={`${base}/new`}>
            {t('surveys.new')}
          </Link>
        )}
      </PageHeader>
      <p className="muted">{t('surveys.intro', { tenant: tenant.name })}</p>
      {!surveys.data && <LoadState loading={surveys.loading} error={surveys.error} reload={surveys.reload} />}
      {surveys.data && list.length === 0 && <p className="muted">{t('surveys.empty')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('surveys.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('surveys.nameColumn')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('surveys.version')}</th>
                <th scope="col">{t('surveys.questions')}</th>
                <th scope="col">{t('surveys.problems')}</th>
                <th scope="col">{t('surveys.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((survey) => (
                <tr key={survey.id}>
                  <th scope="row">
                    <Link to={`${base}/${encodeURIComponent(survey.id)}`}>{survey.name}</Link>
                    {survey.anonymous && <span className="muted small"> · {t('surveys.anonymousShort')}</span>}
                  </th>
                  <td>
                    <SurveyStatusBadge status={survey.status} />
                  </td>
                  <td>{survey.currentVersion === null ? t('common.none') : `v${survey.currentVersion}`}</td>
                  <td>{survey.questionCount}</td>
                  <td>
                    {survey.problemCount === 0 ? (
                      <span className="muted">{t('surveys.noProblems')}</span>
                    ) : (
                      <span className="badge badge-error">{t('surveys.problemCount', { count: survey.problemCount })}</span>
                    )}
                  </td>
                  <td className="nowrap">{formatDateTime(survey.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
