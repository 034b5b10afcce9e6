import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CampaignView } from '../../campaignTypes.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError, LoadState } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { api } from '../../endpoints.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { hasTenantPermission, sectionPath } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { AttemptsTable } from './AttemptsTable.tsx';
import { splitMinutes } from './campaignForm.ts';
import { CampaignMonitor } from './CampaignMonitor.tsx';
import { CampaignStatusBadge } from './CampaignStatusBadge.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { useInterval, usePageVisible } from './usePolling.ts';
import './campaigns.css';

const REFRESH_MS = 5_000;

/** `/t/:tenantId/campaigns/:campaignId`: the campaign, its lifecycle buttons and the live monitor. */
export function CampaignPage() {
  const { current } = useTenants();
  const { campaignId = '' } = useParams();
  return current ? <CampaignScreen key={`${current.id}:${campaignId}`} tenant={current} campaignId={campaignId} /> : null;
}

function CampaignScreen({ tenant, campaignId }: { tenant: TenantView; campaignId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const campaign = useLoad(() => api.getCampaign(tenant.id, campaignId), [tenant.id, campaignId]);
  const stats = useLoad(() => api.campaignStats(tenant.id, campaignId), [tenant.id, campaignId]);
  const surveys = useLoad(() => api.listSurveys(tenant.id).catch(() => ({ items: [] })), [tenant.id]);
  const [attemptsKey, setAttemptsKey] = useState(0);
  const visible = usePageVisible();
  const canManage = hasTenantPermission(user, tenant.id, 'campaigns.manage');
  const canSeeContacts = hasTenantPermission(user, tenant.id, 'contacts.read');
  const navigate = useNavigate();
  const base = sectionPath('campaigns', tenant.id);
  const live = campaign.data?.status === 'running' && visible;

  useInterval(
    () => {
      stats.reload();
      campaign.reload();
      setAttemptsKey((k) => k + 1);
    },
    REFRESH_MS,
    live,
  );

  const act = useAction(async (action: 'launch' | 'pause' | 'resume' | 'cancel') => {
    const updated = await api.campaignAction(tenant.id, campaignId, action);
    campaign.setData(() => updated);
    stats.reload();
    setAttemptsKey((k) => k + 1);
    return updated;
  });

  const back = <Link to={base}>← {t('campaigns.backToList')}</Link>;
  if (!campaign.data)
    return (
      <>
        <p>{back}</p>
        <LoadState loading={campaign.loading} error={campaign.error} reload={campaign.reload} />
      </>
    );
  const view = campaign.data;
  const survey = surveys.data?.items.find((s) => s.id === view.surveyId);
  const editable = view.status === 'draft' || view.status === 'running' || view.status === 'paused';

  return (
    <>
      <PageHeader title={view.name}>
        {canManage && editable && (
          <Link className="btn" to={`${base}/${encodeURIComponent(view.id)}/edit`}>
            {t('common.edit')}
          </Link>
        )}
      </PageHeader>
      <p>{back}</p>
      <div className="status-line" role="group" aria-label={t('campaigns.lifecycle')}>
        <CampaignStatusBadge status={view.status} pauseReason={view.pauseReason} />
        {view.status === 'running' && view.planStatus !== 'done' && <span className="muted small">{t('campaigns.planning')}</span>}
        {canManage && view.status === 'draft' && (
          <button type="button" className="btn btn-primary" disabled={act.pending} onClick={() => void act.run('launch')}>
            {t('campaigns.action.launch')}
          </button>
        )}
        {canManage && view.status === 'running' && (
          <button type="button" className="btn" disabled={act.pending} onClick={() => void act.run('pause')}>
            {t('campaigns.action.pause')}
          </button>
        )}
        {canManage && view.status === 'paused' && (
          <button type="button" className="btn btn-primary" disabled={act.pending} onClick={() => void act.run('resume')}>
            {t('campaigns.action.resume')}
          </button>
        )}
        {canManage && view.status === 'draft' && (
          <ConfirmButton
            label={t('campaigns.action.delete')}
            action={t('campaigns.action.deleteVerb')}
            question={t('campaigns.action.deleteQuestion', { name: view.name })}
            onConfirm={async () => {
              await api.deleteCampaign(tenant.id, view.id);
              void navigate(base);
            }}
          />
        )}
        {canManage && view.status !== 'draft' && editable && (
          <ConfirmButton label={t('campaigns.action.cancel')} action={t('campaigns.action.cancelVerb')} question={t('campaigns.action.cancelQuestion', { name: view.name })} onConfirm={() => act.run('cancel')} />
        )}
      </div>
      {view.status === 'draft' && canManage && <p className="muted small">{t('campaigns.launchHint')}</p>}
      {view.status === 'paused' && view.pauseReason === 'budget' && <p className="alert alert-warning">{t('campaigns.pausedBudgetNote')}</p>}
      <FormError error={act.error} />

      <CampaignFacts view={view} surveyName={survey?.name ?? null} surveyLink={survey ? `${sectionPath('surveys', tenant.id)}/${encodeURIComponent(survey.id)}` : null} />

      {view.status !== 'draft' && (
        <>
          {!stats.data && <LoadState loading={stats.loading} error={stats.error} reload={stats.reload} />}
          {stats.data && <CampaignMonitor stats={stats.data} live={live} />}
          {stats.data && stats.error !== null && <FormError error={stats.error} />}
          <AttemptsTable tenantId={tenant.id} campaignId={view.id} refreshKey={attemptsKey} linkContacts={canSeeContacts} />
        </>
      )}
      <PreviewPanel tenantId={tenant.id} campaign={view} canManage={canManage} />
    </>
  );
}

function CampaignFacts({ view, surveyName, surveyLink }: { view: CampaignView; surveyName: string | null; surveyLink: string | null }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const limits = view.limits ?? {};
  const limitParts = [
    limits.perMinute?.email !== undefined ? t('campaigns.facts.perMinuteEmail', { n: formatNumber(limits.perMinute.email) }) : null,
    limits.perMinute?.sms !== undefined ? t('campaigns.facts.perMinuteSms', { n: formatNumber(limits.perMinute.sms) }) : null,
    limits.maxMessages !== undefined ? t('campaigns.facts.maxMessages', { n: formatNumber(limits.maxMessages) }) : null,
    limits.requireConsent?.length ? t('campaigns.facts.consent', { channels: limits.requireConsent.map((c) => t(`campaigns.channel.${c}`)).join(', ') }) : null,
  ].filter(Boolean);

  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('campaigns.facts.title')}</h2>
      <dl className="result-list facts-list">
        <dt>{t('campaigns.survey')}</dt>
        <dd>{surveyLink && surveyName ? <Link to={surveyLink}>{surveyName}</Link> : t('common.none')}</dd>
        <dt>{t('campaigns.audience.title')}</dt>
        <dd>{audienceText(view, t)}</dd>
        <dt>{t('campaigns.plan.title')}</dt>
        <dd>
          <ol className="plan-summary">
            {view.plan.steps.map((step, i) => (
              <li key={i}>
                {t('campaigns.facts.step', {
                  channel: t(`campaigns.channel.${step.channel}`),
                  delay: delayText(step.delayMinutes, t),
                  attempts: step.attempts,
                  retry: step.retryMinutes,
                })}
              </li>
            ))}
          </ol>
        </dd>
        <dt>{t('campaigns.window.title')}</dt>
        <dd>
          {view.sendWindow
            ? t('campaigns.facts.window', { days: view.sendWindow.days.map((d) => t(`campaigns.weekdayShort.${d as 1 | 2 | 3 | 4 | 5 | 6 | 7}`)).join(', '), from: view.sendWindow.from, to: view.sendWindow.to })
            : t('campaigns.facts.noWindow')}
        </dd>
        <dt>{t('campaigns.limits.title')}</dt>
        <dd>{limitParts.length > 0 ? limitParts.join(' · ') : t('campaigns.facts.noLimits')}</dd>
        <dt>{t('campaigns.expiresInDays')}</dt>
        <dd>{formatNumber(view.expiresInDays)}</dd>
        <dt>{t('campaigns.planned')}</dt>
        <dd>{formatNumber(view.planned)}</dd>
        <dt>{t('common.created')}</dt>
        <dd>{formatDateTime(view.createdAt)}</dd>
        <dt>{t('campaigns.launched')}</dt>
        <dd>{formatDateTime(view.launchedAt)}</dd>
        {view.finishedAt && (
          <>
            <dt>{t('campaigns.finished')}</dt>
            <dd>{formatDateTime(view.finishedAt)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function delayText(minutes: number, t: Translate): string {
  if (minutes === 0) return t('campaigns.facts.rightAway');
  const { value, unit } = splitMinutes(minutes);
  return t(unit === 'days' ? 'campaigns.facts.afterDays' : 'campaigns.facts.afterHours', { n: value });
}

function audienceText(view: CampaignView, t: Translate): string {
  const a = view.audience;
  if (a.kind === 'events') {
    const filter = Object.entries(a.filter).map(([k, v]) => `${k} = ${v.join(' | ')}`);
    return [t('campaigns.facts.events', { type: a.eventType, delay: delayText(a.delayMinutes, t) }), ...filter].join('; ');
  }
  const parts = [
    a.filter.regions?.length ? t('campaigns.facts.regions', { list: a.filter.regions.join(', ') }) : null,
    a.filter.languages?.length ? t('campaigns.facts.languages', { list: a.filter.languages.join(', ') }) : null,
    ...Object.entries(a.filter.attributes ?? {}).map(([k, v]) => `${k} = ${v.join(' | ')}`),
    a.filter.importId ? t('campaigns.audience.importOnly') : null,
  ].filter(Boolean);
  return parts.length > 0 ? `${t('campaigns.audience.contacts')}: ${parts.join('; ')}` : t('campaigns.audience.contacts');
}
