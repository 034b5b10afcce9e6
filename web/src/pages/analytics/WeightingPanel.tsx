// Post-stratified NPS: choose (or create) a weighting scheme — the known population share of each
// value of one dimension — and compare the weighted NPS with the unweighted one, with the effective
// sample size the weighting leaves. A stratum with a share but no answers is named, never papered over.
import { useEffect, useState, type FormEvent } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError, LoadState } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { ApiError } from '../../api.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hasTenantPermission } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import type { AnalyticsPanelProps } from './filters.ts';
import { npsText, rangeText, shareText } from './format.ts';
import { metricsApi, type WeightedView, type WeightingScheme } from './metricsApi.ts';
import { PanelBody } from './PanelState.tsx';
import './analyticsMetrics.css';

const BUILT_IN_DIMENSIONS = ['service_type', 'department', 'employee', 'channel', 'region'];
/** The server accepts shares summing to 1 ± 0.001, i.e. 100 ± 0.1 %. */
const SUM_TOLERANCE_PERCENT = 0.1;

interface ShareRow {
  value: string;
  percent: string;
}

interface Draft {
  id: string | null;
  name: string;
  dimension: string;
  rows: ShareRow[];
}

const emptyDraft = (): Draft => ({ id: null, name: '', dimension: 'region', rows: [{ value: '', percent: '' }] });
const draftOf = (s: WeightingScheme): Draft => ({
  id: s.id,
  name: s.name,
  dimension: s.dimension,
  rows: Object.entries(s.shares).map(([value, share]) => ({ value, percent: String(Math.round(share * 100_000) / 1000) })),
});
const percentOf = (text: string) => Number(text.replace(',', '.'));

function SchemeEditor({ tenantId, draft, onSaved, onCancel }: { tenantId: string; draft: Draft; onSaved: (s: WeightingScheme) => void; onCancel: () => void }) {
  const { t, formatNumber } = useI18n();
  const [state, setState] = useState<Draft>(draft);
  useEffect(() => setState(draft), [draft]);
  const save = useAction((body: { name: string; dimension: string; shares: Record<string, number> }) =>
    state.id ? metricsApi.updateScheme(tenantId, state.id, body) : metricsApi.createScheme(tenantId, body),
  );
  const sum = state.rows.reduce((s, r) => s + (Number.isFinite(percentOf(r.percent)) ? percentOf(r.percent) : 0), 0);
  const sumOff = Math.abs(sum - 100) > SUM_TOLERANCE_PERCENT;
  const fieldError = (path: string) => (save.error instanceof ApiError ? save.error.errors.find((e) => e.path === path)?.message : undefined);
  const setRow = (i: number, patch: Partial<ShareRow>) => setState((s) => ({ ...s, rows: s.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const shares = Object.fromEntries(state.rows.filter((r) => r.value.trim() !== '').map((r) => [r.value.trim(), percentOf(r.percent) / 100]));
    const saved = await save.run({ name: state.name.trim(), dimension: state.dimension.trim(), shares });
    if (saved) onSaved(saved);
  };

  return (
    <form className="weighting-editor" onSubmit={submit} noValidate>
      <h3>{state.id ? t('analyticsMetrics.weighting.edit') : t('analyticsMetrics.weighting.new')}</h3>
      <FormError error={save.error} fields={['name', 'dimension']} />
      <TextField label={t('analyticsMetrics.weighting.name')} value={state.name} maxLength={200} required error={fieldError('name')} onChange={(e) => setState({ ...state, name: e.target.value })} />
      <TextField
        label={t('analyticsMetrics.weighting.dimension')}
        hint={t('analyticsMetrics.weighting.dimensionHint')}
        value={state.dimension}
        list="weighting-dimensions"
        required
        error={fieldError('dimension')}
        onChange={(e) => setState({ ...state, dimension: e.target.value })}
      />
      <datalist id="weighting-dimensions">
        {BUILT_IN_DIMENSIONS.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <fieldset>
        <legend>{t('analyticsMetrics.weighting.sharesLabel')}</legend>
        {state.rows.map((row, i) => (
          <div className="weighting-share-row" key={i}>
            <TextField label={t('analyticsMetrics.weighting.value')} value={row.value} maxLength={200} onChange={(e) => setRow(i, { value: e.target.value })} />
            <TextField label={t('analyticsMetrics.weighting.share')} value={row.percent} inputMode="decimal" onChange={(e) => setRow(i, { percent: e.target.value })} />
            <button
              type="button"
              className="btn btn-small"
              aria-label={t('analyticsMetrics.weighting.removeValue', { value: row.value || String(i + 1) })}
              disabled={state.rows.length === 1}
              onClick={() => setState({ ...state, rows: state.rows.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => setState({ ...state, rows: [...state.rows, { value: '', percent: '' }] })}>
          {t('analyticsMetrics.weighting.addValue')}
        </button>
        <p className={sumOff ? 'weighting-sum-off' : 'muted'} aria-live="polite">
          {sumOff ? t('analyticsMetrics.weighting.sumOff', { sum: formatNumber(sum, { maximumFractionDigits: 3 }) }) : t('analyticsMetrics.weighting.sum', { sum: formatNumber(sum, { maximumFractionDigits: 3 }) })}
        </p>
      </fieldset>
      <div className="weighting-toolbar">
        <button type="submit" className="btn btn-primary" disabled={save.pending}>
          {save.pending ? t('common.saving') : t('analyticsMetrics.weighting.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function WeightedResult({ view }: { view: WeightedView }) {
  const { t, formatNumber } = useI18n();
  const number = (v: number, digits = 1) => formatNumber(v, { maximumFractionDigits: digits });
  return (
    <>
      <div className="weighting-compare">
        <div>
          <p className="muted">{t('analyticsMetrics.weighting.unweighted')}</p>
          <p className="weighting-figure">{npsText(view.unweighted.nps, formatNumber)}</p>
          <p className="muted small">{t('analyticsMetrics.interval', { range: rangeText(view.unweighted.interval, formatNumber) })}</p>
          <p className="muted small">{t('analyticsMetrics.n', { n: formatNumber(view.unweighted.n) })}</p>
        </div>
        <div>
          <p className="muted">{t('analyticsMetrics.weighting.weighted')}</p>
          <p className="weighting-figure">{npsText(view.weighted?.nps, formatNumber)}</p>
          {view.weighted && (
            <>
              <p className="muted small">{t('analyticsMetrics.interval', { range: rangeText(view.weighted.interval, formatNumber) })}</p>
              <p className="muted small">
                {t('analyticsMetrics.weighting.effectiveN', { neff: number(view.weighted.effectiveN), n: formatNumber(view.weighted.n), deff: number(view.designEffect ?? 1, 2) })}
              </p>
            </>
          )}
        </div>
      </div>
      {view.missingStrata.length > 0 && (
        <p className="alert alert-warning" role="note">
          {t('analyticsMetrics.weighting.missing', { values: view.missingStrata.join(', ') })}
        </p>
      )}
      {view.unlistedStrata.length > 0 && <p className="muted small">{t('analyticsMetrics.weighting.unlisted', { values: view.unlistedStrata.join(', ') })}</p>}
      {view.withheldGroups > 0 && <p className="muted small">{t('analyticsMetrics.weighting.withheld', { n: view.withheldGroups })}</p>}
      <TableWrap label={t('analyticsMetrics.weighting.tableLabel')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('analyticsMetrics.col.value')}</th>
              <th scope="col" className="numeric">{t('analyticsMetrics.col.populationShare')}</th>
              <th scope="col" className="numeric">{t('analyticsMetrics.col.sampleN')}</th>
              <th scope="col" className="numeric">{t('analyticsMetrics.col.sampleShare')}</th>
              <th scope="col" className="numeric">{t('analyticsMetrics.col.weight')}</th>
              <th scope="col" className="numeric">{t('analyticsMetrics.col.nps')}</th>
              <th scope="col">{t('analyticsMetrics.col.interval')}</th>
            </tr>
          </thead>
          <tbody>
            {view.strata.map((s) => (
              <tr key={s.value} className={s.populationShare === null ? 'row-muted' : undefined}>
                <th scope="row">{s.value}</th>
                <td className="numeric">{s.populationShare === null ? t('analyticsMetrics.weighting.notListed') : shareText(s.populationShare, formatNumber)}</td>
                <td className="numeric">{formatNumber(s.sampleN)}</td>
                <td className="numeric">{shareText(s.sampleShare, formatNumber)}</td>
                <td className="numeric">{s.weight === null ? '—' : number(s.weight, 2)}</td>
                <td className="numeric">{npsText(s.nps.nps, formatNumber)}</td>
                <td>{rangeText(s.nps.interval, formatNumber)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

export function WeightingPanel({ tenantId, filters }: AnalyticsPanelProps) {
  const { t } = useI18n();
  const user = useUser();
  const canWrite = hasTenantPermission(user, tenantId, 'surveys.manage');
  const schemes = useLoad(() => metricsApi.schemes(tenantId), [tenantId]);
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const items = schemes.data?.items ?? [];
  const schemeId = selected && items.some((s) => s.id === selected) ? selected : (items[0]?.id ?? null);
  const current = items.find((s) => s.id === schemeId) ?? null;
  const weighted = useLoad(
    () => (schemeId ? metricsApi.weighted(tenantId, filters, schemeId) : Promise.resolve(null)),
    [tenantId, schemeId, filters.from, filters.to, filters.surveyId, current?.updatedAt],
  );

  const saved = (s: WeightingScheme) => {
    schemes.setData((d) => ({ items: [...(d?.items ?? []).filter((x) => x.id !== s.id), s].sort((a, b) => a.name.localeCompare(b.name)) }));
    setSelected(s.id);
    setDraft(null);
  };
  const remove = async (s: WeightingScheme) => {
    await metricsApi.deleteScheme(tenantId, s.id);
    schemes.setData((d) => ({ items: (d?.items ?? []).filter((x) => x.id !== s.id) }));
    setSelected(null);
  };

  return (
    <section className="card" aria-labelledby="weighting-title">
      <h2 id="weighting-title">{t('analyticsMetrics.weighting.title')}</h2>
      <p className="muted">{t('analyticsMetrics.weighting.intro')}</p>
      {filters.dimension && <p className="muted small">{t('analyticsMetrics.filterIgnored')}</p>}
      {schemes.data === undefined ? (
        <LoadState loading={schemes.loading} error={schemes.error} reload={schemes.reload} />
      ) : (
        <>
          <div className="weighting-toolbar">
            {items.length > 0 ? (
              <div className="analytics-inline-field">
                <SelectField label={t('analyticsMetrics.weighting.scheme')} value={schemeId ?? ''} onChange={(e) => setSelected(e.target.value)}>
                  {items.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.dimension})
                    </option>
                  ))}
                </SelectField>
              </div>
            ) : (
              <p className="muted">{t('analyticsMetrics.weighting.none')}</p>
            )}
            {canWrite && (
              <>
                <button type="button" className="btn btn-small" onClick={() => setDraft(emptyDraft())}>
                  {t('analyticsMetrics.weighting.new')}
                </button>
                {current && (
                  <>
                    <button type="button" className="btn btn-small" onClick={() => setDraft(draftOf(current))}>
                      {t('analyticsMetrics.weighting.edit')}
                    </button>
                    <ConfirmButton
                      label={t('analyticsMetrics.weighting.delete')}
                      action={t('analyticsMetrics.weighting.deleteAction')}
                      question={t('analyticsMetrics.weighting.deleteQuestion', { name: current.name })}
                      onConfirm={() => remove(current)}
                    />
                  </>
                )}
              </>
            )}
          </div>
          {!canWrite && <p className="muted small">{t('analyticsMetrics.weighting.readOnly')}</p>}
          {draft && <SchemeEditor tenantId={tenantId} draft={draft} onSaved={saved} onCancel={() => setDraft(null)} />}
          {schemeId && (
            <PanelBody loaded={weighted} isEmpty={(w) => w === null || w.unweighted.n === 0}>
              {(w) => (w ? <WeightedResult view={w} /> : null)}
            </PanelBody>
          )}
        </>
      )}
    </section>
  );
}
