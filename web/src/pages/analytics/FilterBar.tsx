// The filters every panel shares: survey, period (presets, a quarter, or dates), and one dimension value.
import { SelectField, TextField } from '../../components/Field.tsx';
import { api } from '../../endpoints.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { analyticsApi } from './analyticsApi.ts';
import { DIMENSION_KEYS, type DimensionKey } from './analyticsTypes.ts';
import { periodText } from './format.ts';
import { parseQuarter, PERIOD_PRESETS, quarterKey, recentQuarters, type PeriodPreset } from './period.ts';
import type { DashboardState, useDashboardState } from './useDashboardState.ts';

type Update = ReturnType<typeof useDashboardState>['update'];

export function FilterBar({ tenantId, state, update, today }: { tenantId: string; state: DashboardState; update: Update; today: string }) {
  const { t, lang } = useI18n();
  const { filters, preset } = state;
  const surveys = useLoad(() => api.listSurveys(tenantId), [tenantId]);
  const recent = recentQuarters(today, 8);
  // A bookmarked quarter older than the list still shows as chosen.
  const bookmarked = parseQuarter(state.quarter);
  const quarters = bookmarked && !recent.some((q) => q.year === bookmarked.year && q.quarter === bookmarked.quarter) ? [...recent, bookmarked] : recent;
  const dimension = filters.dimension as DimensionKey | undefined;
  // The values a dimension takes in the period: what the breakdown of that dimension lists.
  const values = useLoad(
    () => (dimension ? analyticsApi.breakdown(tenantId, filters, dimension).then((b) => b.groups.map((g) => g.value)) : Promise.resolve([])),
    [tenantId, dimension, filters.from, filters.to, filters.surveyId],
  );
  const valueOptions = values.data ?? [];
  const staleValue = filters.value && !valueOptions.includes(filters.value) ? [filters.value] : [];

  const choosePreset = (next: PeriodPreset) =>
    update({
      period: next,
      quarter: next === 'quarter' ? (state.quarter ?? quarterKey(quarters[0]!.year, quarters[0]!.quarter)) : null,
      from: next === 'custom' ? filters.from : null,
      to: next === 'custom' ? filters.to : null,
    });

  return (
    <section className="analytics-filters" aria-label={t('analytics.filters.label')}>
      <div className="analytics-filter-row">
        <SelectField label={t('analytics.filters.survey')} value={filters.surveyId ?? ''} onChange={(e) => update({ survey: e.target.value || null })}>
          <option value="">{t('analytics.filters.allSurveys')}</option>
          {surveys.data?.items.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          {filters.surveyId && surveys.data && !surveys.data.items.some((s) => s.id === filters.surveyId) && <option value={filters.surveyId}>{t('analytics.filters.unknownSurvey')}</option>}
        </SelectField>
        <SelectField label={t('analytics.filters.period')} value={preset} onChange={(e) => choosePreset(e.target.value as PeriodPreset)}>
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`analytics.period.${p}`)}
            </option>
          ))}
        </SelectField>
        {preset === 'quarter' && (
          <SelectField label={t('analytics.filters.quarter')} value={bookmarked ? quarterKey(bookmarked.year, bookmarked.quarter) : quarterKey(recent[0]!.year, recent[0]!.quarter)} onChange={(e) => update({ quarter: e.target.value })}>
            {quarters.map((q) => (
              <option key={quarterKey(q.year, q.quarter)} value={quarterKey(q.year, q.quarter)}>
                {t('analytics.period.quarterName', { year: q.year, quarter: q.quarter })}
              </option>
            ))}
          </SelectField>
        )}
        {preset === 'custom' && (
          <>
            <TextField type="date" label={t('analytics.filters.from')} value={filters.from} max={filters.to} onChange={(e) => e.target.value && update({ from: e.target.value }, { replace: true })} />
            <TextField type="date" label={t('analytics.filters.to')} value={filters.to} min={filters.from} onChange={(e) => e.target.value && update({ to: e.target.value }, { replace: true })} />
          </>
        )}
        <SelectField label={t('analytics.filters.dimension')} value={dimension ?? ''} onChange={(e) => update({ dimension: e.target.value || null, value: null })}>
          <option value="">{t('analytics.filters.noDimension')}</option>
          {DIMENSION_KEYS.map((d) => (
            <option key={d} value={d}>
              {t(`analytics.dimension.${d}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('analytics.filters.value')}
          value={filters.value ?? ''}
          disabled={!dimension || values.loading}
          hint={dimension && !values.loading && valueOptions.length === 0 ? t('analytics.filters.noValues') : undefined}
          onChange={(e) => update({ value: e.target.value || null })}
        >
          <option value="">{dimension ? t('analytics.filters.anyValue') : t('analytics.filters.chooseDimensionFirst')}</option>
          {[...staleValue, ...valueOptions].map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="muted small analytics-period" aria-live="polite">
        {t('analytics.filters.showing', { period: periodText(filters, lang) })}
      </p>
    </section>
  );
}
