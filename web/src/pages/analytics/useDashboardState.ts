// The dashboard's state lives in the URL (bookmarkable, shareable): period, survey, dimension filter, tab.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DashboardFilters } from './filters.ts';
import { DEFAULT_PRESET, isPreset, presetRange, type PeriodPreset } from './period.ts';

export const TABS = ['overview', 'breakdowns', 'employees', 'comments', 'outcomes'] as const;
export type TabId = (typeof TABS)[number];

export interface DashboardState {
  preset: PeriodPreset;
  /** `2026-Q1` when preset is `quarter`. */
  quarter: string | null;
  tab: TabId;
  filters: DashboardFilters;
}

/** The names of the URL parameters, in one place. */
const P = { period: 'period', quarter: 'quarter', from: 'from', to: 'to', survey: 'survey', dimension: 'dimension', value: 'value', tab: 'tab' } as const;

export function useDashboardState(today: string) {
  const [params, setParams] = useSearchParams();

  const state = useMemo<DashboardState>(() => {
    const raw = params.get(P.period);
    const preset = isPreset(raw) ? raw : DEFAULT_PRESET;
    const quarter = params.get(P.quarter);
    const range = presetRange(preset, today, { quarter, from: params.get(P.from), to: params.get(P.to) });
    const dimension = params.get(P.dimension) || undefined;
    const value = dimension ? params.get(P.value) || undefined : undefined;
    const tab = TABS.find((x) => x === params.get(P.tab)) ?? 'overview';
    return { preset, quarter, tab, filters: { ...range, surveyId: params.get(P.survey) || undefined, dimension, value } };
  }, [params, today]);

  /** Sets or clears URL parameters; a null or empty value removes it. The new state replaces history only for typing-like changes. */
  const update = useCallback(
    (changes: Partial<Record<keyof typeof P, string | null>>, opts: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            const name = P[key as keyof typeof P];
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: opts.replace ?? false },
      );
    },
    [setParams],
  );

  return { state, update };
}
