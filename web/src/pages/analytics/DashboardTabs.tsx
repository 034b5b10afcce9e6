// In-page tabs (WAI-ARIA tabs pattern: arrow keys move between them, one tab stop).
import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { TABS, type TabId } from './useDashboardState.ts';

export const tabId = (tab: TabId) => `analytics-tab-${tab}`;
export const panelId = (tab: TabId) => `analytics-panel-${tab}`;

export function DashboardTabs({ current, onChange }: { current: TabId; onChange: (tab: TabId) => void }) {
  const { t } = useI18n();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent) => {
    const index = TABS.indexOf(current);
    const next = e.key === 'ArrowRight' ? (index + 1) % TABS.length : e.key === 'ArrowLeft' ? (index - 1 + TABS.length) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(TABS[next]!);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(TABS[next]!)}`)?.focus();
  };

  return (
    <div className="analytics-tabs" role="tablist" aria-label={t('analytics.tabs.label')} ref={list} onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(tab)}
          aria-selected={tab === current}
          aria-controls={panelId(tab)}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {t(`analytics.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
