// Behavioural outcomes (churned, repeat purchase, revenue …) by NPS group: pick an uploaded outcome,
// see its rate or mean per group with 95% intervals and detractors − promoters; upload more by CSV,
// with the rows left out listed by line.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { request, upload } from '../../api.ts';
import { FormError } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Field.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n, type I18n, type MessageKey, type Translate } from '../../i18n/index.tsx';
import { EChart } from './EChart.tsx';
import type { AnalyticsPanelProps, DashboardFilters } from './filters.ts';
import { pValueText } from './format.ts';
import { intervalText, outcomeChartOption, valueText, type OutcomeKeyItem, type OutcomesView } from './outcomeChart.ts';
import { PanelBody } from './PanelState.tsx';

interface CsvReport {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  validRows: number;
  values: number;
  keys: string[];
  problems: Array<{ line: number; column: string | null; code: string; message: string; value?: string }>;
  problemsOmitted: number;
  stoppedAtLine: number | null;
}

const base = (tenantId: string) => `/tenants/${encodeURIComponent(tenantId)}/analytics`;

const outcomesApi = {
  keys: (tenantId: string) => request<{ items: OutcomeKeyItem[] }>('GET', `${base(tenantId)}/outcome-keys`),
  /** Period and survey apply; the dashboard's dimension filter does not (outcomes are per contact, not per answer attribute). */
  byGroup: (tenantId: string, f: DashboardFilters, key: string) => {
    const q = new URLSearchParams({ from: f.from, to: f.to, key });
    if (f.surveyId) q.set('surveyId', f.surveyId);
    return request<OutcomesView>('GET', `${base(tenantId)}/outcomes?${q.toString()}`);
  },
  uploadCsv: (tenantId: string, file: File, dryRun: boolean) => upload<CsvReport>(`${base(tenantId)}/outcomes.csv${dryRun ? '?dryRun=true' : ''}`, file, 'text/csv'),
};

const PROBLEM_CODES = ['empty_identifier', 'unknown_contact', 'ambiguous_contact', 'bad_phone', 'bad_email', 'bad_number', 'bad_date'] as const;
const problemText = (code: string, t: Translate) =>
  t((PROBLEM_CODES as readonly string[]).includes(code) ? (`outcomes.problem.${code}` as MessageKey) : 'outcomes.problem.other');

export function OutcomesPanel({ tenantId, filters }: AnalyticsPanelProps) {
  const { t, formatNumber } = useI18n();
  const [version, setVersion] = useState(0);
  const keys = useLoad(() => outcomesApi.keys(tenantId), [tenantId, version]);
  const [key, setKey] = useState<string>('');
  const items = keys.data?.items ?? [];
  useEffect(() => {
    if (items.length > 0 && !items.some((k) => k.key === key)) setKey(items[0]!.key);
  }, [items, key]);

  return (
    <section className="card" aria-labelledby="outcomes-title">
      <div className="analytics-card-head">
        <h2 id="outcomes-title">{t('outcomes.title')}</h2>
        {items.length > 0 && (
          <div className="analytics-inline-field">
            <SelectField label={t('outcomes.key')} value={key} onChange={(e) => setKey(e.target.value)}>
              {items.map((k) => (
                <option key={k.key} value={k.key}>
                  {t('outcomes.keyOption', { key: k.key, kind: t(`outcomes.kind.${k.kind}`), n: formatNumber(k.contacts) })}
                </option>
              ))}
            </SelectField>
          </div>
        )}
      </div>
      <p className="muted">{t('outcomes.intro')}</p>
      {filters.dimension && filters.value && <p className="muted small">{t('outcomes.filterIgnored')}</p>}
      {keys.data && items.length === 0 && <p className="muted">{t('outcomes.noKeys')}</p>}
      {key && <OutcomeFigures tenantId={tenantId} filters={filters} outcomeKey={key} version={version} />}
      <OutcomesUpload tenantId={tenantId} onApplied={() => setVersion((v) => v + 1)} />
    </section>
  );
}

function OutcomeFigures({ tenantId, filters, outcomeKey, version }: { tenantId: string; filters: DashboardFilters; outcomeKey: string; version: number }) {
  const view = useLoad(() => outcomesApi.byGroup(tenantId, filters, outcomeKey), [tenantId, filters.from, filters.to, filters.surveyId, outcomeKey, version]);
  return (
    <PanelBody loaded={view} isEmpty={(v) => v.groups.every((g) => g.respondents === 0)}>
      {(v) => <OutcomeBody view={v} />}
    </PanelBody>
  );
}

function OutcomeBody({ view }: { view: OutcomesView }) {
  const { t, formatNumber } = useI18n();
  const option = useMemo(() => outcomeChartOption(view, t, formatNumber), [view, t, formatNumber]);
  const description = t('outcomes.chartAria', {
    key: view.key,
    list: view.groups
      .map((g) => `${t(`outcomes.group.${g.group}`)}: ${valueText(g.estimate, view.kind, formatNumber)} (${intervalText(g.interval, view.kind, formatNumber)}, n = ${formatNumber(g.n)})`)
      .join('; '),
  });
  const d = view.difference;
  return (
    <>
      <EChart option={option} description={description} height={200} />
      <TableWrap label={t('outcomes.tableLabel', { key: view.key })}>
        <table className="analytics-table">
          <thead>
            <tr>
              <th scope="col">{t('outcomes.col.group')}</th>
              <th scope="col" className="num">
                {t('outcomes.col.respondents')}
              </th>
              <th scope="col" className="num">
                {t('outcomes.col.n')}
              </th>
              <th scope="col" className="num">
                {t(view.kind === 'binary' ? 'outcomes.col.rate' : 'outcomes.col.mean')}
              </th>
              <th scope="col" className="num">
                {t('outcomes.col.interval')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.groups.map((g) => (
              <tr key={g.group} className={g.smallSample ? 'muted' : undefined}>
                <th scope="row">
                  {t(`outcomes.group.${g.group}`)}
                  {g.smallSample && <span className="small muted"> · {t('outcomes.small', { min: formatNumber(view.smallSampleMin) })}</span>}
                </th>
                <td className="num">{formatNumber(g.respondents)}</td>
                <td className="num">{formatNumber(g.n)}</td>
                <td className="num">{valueText(g.estimate, view.kind, formatNumber)}</td>
                <td className="num">{intervalText(g.interval, view.kind, formatNumber)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {d.estimate === null ? (
        <p className="muted">{t('outcomes.noDifference')}</p>
      ) : (
        <p>
          {t('outcomes.difference', {
            difference: valueText(d.estimate, view.kind, formatNumber, true),
            range: intervalText(d.interval, view.kind, formatNumber),
            p: pValueText(d.pValue, formatNumber),
          })}{' '}
          <strong>{t(d.significant ? 'outcomes.significant' : 'outcomes.notSignificant')}</strong>
        </p>
      )}
      <p className="muted small">{t('outcomes.method')}</p>
    </>
  );
}

function OutcomesUpload({ tenantId, onApplied }: { tenantId: string; onApplied: () => void }) {
  const { t, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CsvReport | null>(null);
  const send = useAction((chosen: File, dryRun: boolean) => outcomesApi.uploadCsv(tenantId, chosen, dryRun));

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setReport(null);
    const result = await send.run(file, dryRun);
    if (!result) return;
    setReport(result);
    if (result.applied) onApplied();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(false);
  };

  return (
    <form className="form analytics-outcomes-upload" onSubmit={submit} aria-labelledby="outcomes-upload-title">
      <h3 id="outcomes-upload-title">{t('outcomes.upload.title')}</h3>
      <p className="muted small">{t('outcomes.upload.help')}</p>
      <FormError error={send.error} />
      <div className="field">
        <label htmlFor="outcomes-file">{t('outcomes.upload.file')}</label>
        <input id="outcomes-file" type="file" accept=".csv,.txt,text/csv" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setReport(null))} />
      </div>
      <div className="form-actions">
        <button type="button" className="btn" disabled={!file || send.pending} onClick={() => void run(true)}>
          {send.pending ? t('outcomes.upload.sending') : t('outcomes.upload.check')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={!file || send.pending}>
          {send.pending ? t('outcomes.upload.sending') : t('outcomes.upload.apply')}
        </button>
      </div>
      {report && <UploadReport report={report} formatNumber={formatNumber} t={t} />}
    </form>
  );
}

function UploadReport({ report, formatNumber, t }: { report: CsvReport; formatNumber: I18n['formatNumber']; t: Translate }) {
  const counts = { rows: formatNumber(report.rows), valid: formatNumber(report.validRows), values: formatNumber(report.values) };
  return (
    <div role="status">
      {report.stoppedAtLine !== null ? (
        <p className="alert alert-error">{t('outcomes.upload.notApplied', { line: formatNumber(report.stoppedAtLine) })}</p>
      ) : (
        <p className={report.applied ? 'alert alert-success' : 'alert alert-info'}>{t(report.applied ? 'outcomes.upload.applied' : 'outcomes.upload.checked', counts)}</p>
      )}
      {report.problems.length > 0 && (
        <TableWrap label={t('outcomes.upload.problems')}>
          <table className="analytics-table">
            <caption>{t('outcomes.upload.problems')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('outcomes.upload.col.line')}
                </th>
                <th scope="col">{t('outcomes.upload.col.column')}</th>
                <th scope="col">{t('outcomes.upload.col.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={`${p.line}:${p.column ?? ''}:${i}`}>
                  <td className="num">{p.line}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>
                    {problemText(p.code, t)}
                    {p.value !== undefined && <span className="muted"> — «{p.value}»</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {report.problemsOmitted > 0 && <p className="muted small">{t('outcomes.upload.omitted', { n: formatNumber(report.problemsOmitted) })}</p>}
    </div>
  );
}
