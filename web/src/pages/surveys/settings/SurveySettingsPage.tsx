import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api.ts';
import { FormError, LoadState, Notice } from '../../../components/Feedback.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { api } from '../../../endpoints.ts';
import { useLoad } from '../../../hooks.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { hasTenantPermission, sectionPath } from '../../../sections.ts';
import { useUser } from '../../../session.tsx';
import type { SurveySettingsView } from '../../../surveySettingsTypes.ts';
import { useTenants } from '../../../tenants.tsx';
import type { TenantView } from '../../../types.ts';
import { CustomDimensionRows } from './CustomDimensionRows.tsx';
import { DimensionTable } from './DimensionTable.tsx';
import { FrequencyCapFields } from './FrequencyCapFields.tsx';
import { bodyFrom, capFrom, formFrom, withServerErrors, type SettingsForm } from './settingsForm.ts';
import './surveySettings.css';

/** `/t/:tenantId/surveys/settings`: the frequency cap and the answer dimensions of the tenant. */
export function SurveySettingsPage() {
  const { current } = useTenants();
  return current ? <SurveySettingsScreen key={current.id} tenant={current} /> : null;
}

function SurveySettingsScreen({ tenant }: { tenant: TenantView }) {
  const { t } = useI18n();
  const user = useUser();
  const canManage = hasTenantPermission(user, tenant.id, 'surveys.manage');
  const settings = useLoad(() => api.getSurveySettings(tenant.id), [tenant.id]);

  return (
    <>
      <PageHeader title={t('surveySettings.title')}>
        <Link className="btn" to={sectionPath('surveys', tenant.id)}>
          {t('surveySettings.back')}
        </Link>
      </PageHeader>
      <p className="muted">{t('surveySettings.intro', { tenant: tenant.name })}</p>
      {!settings.data && <LoadState loading={settings.loading} error={settings.error} reload={settings.reload} />}
      {settings.data && (canManage ? <SettingsEditor tenantId={tenant.id} initial={settings.data} /> : <SettingsReadOnly settings={settings.data} />)}
    </>
  );
}

function SettingsReadOnly({ settings }: { settings: SurveySettingsView }) {
  const { t } = useI18n();
  return (
    <>
      <p className="alert alert-info">{t('surveySettings.readOnly')}</p>
      <section className="card settings-section" aria-labelledby="cap-title">
        <h2 id="cap-title">{t('surveySettings.capTitle')}</h2>
        <p data-testid="cap-value">
          {settings.frequencyCapDays === null ? t('surveySettings.capNone') : t('surveySettings.capExplain', { days: settings.frequencyCapDays })}
        </p>
      </section>
      <DimensionsSection settings={settings}>
        {settings.customDimensions.length === 0 ? (
          <p className="muted">{t('surveySettings.customEmpty')}</p>
        ) : (
          <DimensionTable label={t('surveySettings.customTitle')} dimensions={settings.customDimensions} testId="custom-dimensions" />
        )}
      </DimensionsSection>
    </>
  );
}

function DimensionsSection({ settings, children }: { settings: SurveySettingsView; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="card settings-section" aria-labelledby="dimensions-title">
      <h2 id="dimensions-title">{t('surveySettings.dimensionsTitle')}</h2>
      <p className="muted">{t('surveySettings.dimensionsExplain')}</p>
      <h3>{t('surveySettings.builtInTitle')}</h3>
      <DimensionTable label={t('surveySettings.builtInTitle')} dimensions={settings.builtInDimensions} testId="built-in-dimensions" />
      <h3>{t('surveySettings.customTitle')}</h3>
      {children}
    </section>
  );
}

function SettingsEditor({ tenantId, initial }: { tenantId: string; initial: SurveySettingsView }) {
  const { t } = useI18n();
  const [view, setView] = useState(initial);
  const [form, setForm] = useState<SettingsForm>(() => formFrom(initial));
  const [capError, setCapError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [placed, setPlaced] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setError(null);
    const cap = capFrom(form);
    setCapError(cap === 'invalid' ? t('surveySettings.capInvalid') : undefined);
    if (cap === 'invalid') return;
    setPending(true);
    try {
      const saved = await api.putSurveySettings(tenantId, bodyFrom(form, cap));
      setView(saved);
      setForm(formFrom(saved));
      setPlaced([]);
      setNotice(t('surveySettings.saved'));
    } catch (err) {
      // Field errors go next to their fields, pinned to the rows they were about.
      const pinned = withServerErrors(form.rows, err, t);
      setForm({ ...form, rows: pinned.rows });
      setCapError(pinned.capError);
      setPlaced(pinned.placed);
      setError(err);
    } finally {
      setPending(false);
    }
  };

  // The server's own sentence is English; when every complaint sits by its field, say so in the reader's language.
  const allPlaced = error instanceof ApiError && error.errors.length > 0 && error.errors.every((e) => placed.includes(e.path));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <section className="card settings-section" aria-labelledby="cap-title">
        <h2 id="cap-title">{t('surveySettings.capTitle')}</h2>
        <FrequencyCapFields
          form={form}
          error={capError}
          onChange={(patch) => {
            setForm({ ...form, ...patch });
            setCapError(undefined);
          }}
        />
      </section>
      <DimensionsSection settings={view}>
        <CustomDimensionRows rows={form.rows} onChange={(rows) => setForm({ ...form, rows })} />
      </DimensionsSection>
      {allPlaced ? (
        <p role="alert" className="alert alert-error">
          {t('surveySettings.fixFields')}
        </p>
      ) : (
        <FormError error={error} fields={placed} />
      )}
      <Notice>{notice}</Notice>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('common.saving') : t('surveySettings.save')}
        </button>
      </div>
    </form>
  );
}
