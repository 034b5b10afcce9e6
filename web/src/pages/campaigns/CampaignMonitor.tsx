import type { CampaignStats, ChannelFunnel } from '../../campaignTypes.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { FUNNEL_OUTCOMES, FUNNEL_STAGES, monitorSummary, percentOf, reasonLabel, sortedReasons } from './funnel.ts';

/** The live numbers: one funnel per channel, the people overall, and why messages were not sent. */
export function CampaignMonitor({ stats, live }: { stats: CampaignStats; live: boolean }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const reasons = sortedReasons(stats.reasons);
  const hasEmail = stats.channels.some((c) => c.channel === 'email');

  return (
    <section className="card" aria-labelledby="monitor-title">
      <div className="card-head-row">
        <h2 id="monitor-title">{t('campaigns.monitor.title')}</h2>
        <span className="muted small">{live ? t('campaigns.monitor.live') : t('campaigns.monitor.at', { at: formatDateTime(stats.at) })}</span>
      </div>
      <p className="monitor-summary" role="status">
        {monitorSummary(stats, t, (n) => formatNumber(n))}
      </p>
      {stats.channels.length === 0 ? (
        <p className="muted">{t('campaigns.monitor.nothingYet')}</p>
      ) : (
        <div className="funnels">
          {stats.channels.map((channel) => (
            <Funnel key={channel.channel} funnel={channel} />
          ))}
        </div>
      )}
      {hasEmail && <p className="muted small">{t('campaigns.monitor.emailDelivered')}</p>}

      <h3 className="subsection">{t('campaigns.monitor.people')}</h3>
      <dl className="people-list">
        {(['planned', 'reached', 'opened', 'started', 'completed', 'stopped'] as const).map((key) => (
          <div key={key}>
            <dt>{t(`campaigns.people.${key}`)}</dt>
            <dd>{formatNumber(stats.people[key])}</dd>
          </div>
        ))}
      </dl>

      <h3 className="subsection">{t('campaigns.monitor.reasons')}</h3>
      {reasons.length === 0 ? (
        <p className="muted">{t('campaigns.monitor.noReasons')}</p>
      ) : (
        <TableWrap label={t('campaigns.monitor.reasons')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.monitor.reason')}</th>
                <th scope="col">{t('campaigns.monitor.code')}</th>
                <th scope="col" className="num">
                  {t('campaigns.monitor.messages')}
                </th>
              </tr>
            </thead>
            <tbody>
              {reasons.map(([code, count]) => (
                <tr key={code}>
                  <th scope="row">{reasonLabel(code, t)}</th>
                  <td>
                    <code>{code}</code>
                  </td>
                  <td className="num">{formatNumber(count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function Funnel({ funnel }: { funnel: ChannelFunnel }) {
  const { t, formatNumber } = useI18n();
  const known = funnel.channel === 'email' || funnel.channel === 'sms' || funnel.channel === 'voice';
  const name = known ? t(`campaigns.channel.${funnel.channel as 'email' | 'sms' | 'voice'}`) : funnel.channel;
  return (
    <section className="funnel" aria-label={t('campaigns.monitor.funnelOf', { channel: name })}>
      <h3>{name}</h3>
      <ul className="funnel-bars">
        {FUNNEL_STAGES.map((stage) => {
          const value = funnel[stage];
          const pct = percentOf(value, funnel.planned);
          return (
            <li key={stage} className="funnel-row">
              <span className="funnel-label">{t(`campaigns.stage.${stage}`)}</span>
              <span className="funnel-bar" aria-hidden="true">
                <span style={{ width: `${stage === 'planned' ? (funnel.planned > 0 ? 100 : 0) : pct}%` }} />
              </span>
              <span className="funnel-value">
                {formatNumber(value)}
                {stage !== 'planned' && funnel.planned > 0 && <span className="muted"> · {formatNumber(pct)}%</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <ul className="funnel-outcomes">
        {FUNNEL_OUTCOMES.map((key) => (
          <li key={key}>
            {t(`campaigns.stage.${key}`)}: <strong>{formatNumber(funnel[key])}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
