// `/t/:tenantId/analytics`: the NPS dashboard. Filters and the tab live in the URL; every panel
// takes `{ tenantId, filters }` (see filters.ts), so panels built elsewhere slot in unchanged.
import { useMemo } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { BreakdownPanel } from './BreakdownPanel.tsx';
import { CommentsPanel } from './CommentsPanel.tsx';
import { DashboardTabs, panelId, tabId } from './DashboardTabs.tsx';
import { EmployeesPanel } from './EmployeesPanel.tsx';
import { FilterBar } from './FilterBar.tsx';
import { FunnelPanel } from './FunnelPanel.tsx';
import { HeadlinePanel } from './HeadlinePanel.tsx';
import { MetricsPanel } from './MetricsPanel.tsx';
import { OutcomesPanel } from './OutcomesPanel.tsx';
import { todayIn } from './period.ts';
import { TrendPanel } from './TrendPanel.tsx';
import { useDashboardState } from './useDashboardState.ts';
import { WeightingPanel } from './WeightingPanel.tsx';
import './analytics.css';

export function DashboardPage() {
  const { current } = useTenants();
  return current ? <Dashboard key={current.id} tenant={current} /> : null;
}

function Dashboard({ tenant }: { tenant: TenantView }) {
  const { t } = useI18n();
  // "This month" is the organisation's month, wherever the viewer is.
  const today = useMemo(() => todayIn(tenant.timezone), [tenant.timezone]);
  const { state, update } = useDashboardState(today);
  const { filters, tab } = state;
  const props = { tenantId: tenant.id, filters };

  return (
    <div className="analytics">
      <PageHeader title={t('analytics.title')} />
      <FilterBar tenantId={tenant.id} state={state} update={update} today={today} />
      <DashboardTabs current={tab} onChange={(next) => update({ tab: next === 'overview' ? null : next })} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="analytics-panel">
        {tab === 'overview' && (
          <>
            <HeadlinePanel {...props} />
            <MetricsPanel {...props} />
            <TrendPanel {...props} />
            <FunnelPanel {...props} />
          </>
        )}
        {tab === 'breakdowns' && (
          <>
            <BreakdownPanel {...props} />
            <WeightingPanel {...props} />
          </>
        )}
        {tab === 'employees' && <EmployeesPanel {...props} />}
        {tab === 'comments' && <CommentsPanel {...props} />}
        {tab === 'outcomes' && <OutcomesPanel {...props} />}
      </div>
    </div>
  );
}
