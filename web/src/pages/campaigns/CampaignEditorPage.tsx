import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, fieldErrors } from '../../api.ts';
import { FormError, LoadState } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { CampaignView } from '../../campaignTypes.ts';
import { api } from '../../endpoints.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hasTenantPermission, sectionPath } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import type { SurveySummary } from '../../surveyTypes.ts';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { AudienceFields } from './AudienceFields.tsx';
import { bodyFrom, editableParts, emptyForm, formFrom, isPlaced, patchFrom, type CampaignForm, type FormErrors } from './campaignForm.ts';
import { StepsEditor } from './StepsEditor.tsx';
import { LimitsFields, WindowFields } from './WindowLimitsFields.tsx';
import './campaigns.css';

/** `/t/:tenantId/campaigns/new` and `/t/:tenantId/campaigns/:campaignId/edit`. */
export function CampaignEditorPage() {
  const { current } = useTenants();
  const { campaignId } = useParams();
  return current ? <CampaignEditorScreen key={`${current.id}:${campaignId ?? 'new'}`} tenant={current} campaignId={campaignId ?? null} /> : null;
}

function CampaignEditorScreen({ tenant, campaignId }: { tenant: TenantView; campaignId: string | null }) {
  const { t } = useI18n();
  const user = useUser();
  const surveys = useLoad(() => api.listSurveys(tenant.id), [tenant.id]);
  const campaign = useLoad(() => (campaignId ? api.getCampaign(tenant.id, campaignId) : Promise.resolve(null)), [tenant.id, campaignId]);
  const base = sectionPath('campaigns', tenant.id);
  const back = campaignId ? `${base}/${encodeURIComponent(campaignId)}` : base;
  const title = campaignId ? t('campaigns.editTitle') : t('campaigns.new');

  if (!hasTenantPermission(user, tenant.id, 'campaigns.manage')) return <p className="alert alert-error">{t('error.noAccessPage')}</p>;
  const loaded = surveys.data && campaign.data !== undefined;
  return (
    <>
      <PageHeader title={title}>
        <Link className="btn" to={back}>
          {t('common.cancel')}
        </Link>
      </PageHeader>
      {!surveys.data && <LoadState loading={surveys.loading} error={surveys.error} reload={surveys.reload} />}
      {campaign.data === undefined && <LoadState loading={campaign.loading} error={campaign.error} reload={campaign.reload} />}
      {loaded && <CampaignEditor tenantId={tenant.id} surveys={surveys.data!.items} campaign={campaign.data ?? null} />}
    </>
  );
}

function CampaignEditor({ tenantId, surveys, campaign }: { tenantId: string; surveys: SurveySummary[]; campaign: CampaignView | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form, setForm] = useState<CampaignForm>(() => (campaign ? formFrom(campaign) : emptyForm()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const editable = editableParts(campaign?.status ?? null);
  const fixedCount = campaign && !editable.all ? campaign.plan.steps.length : 0;
  const change = (patch: Partial<CampaignForm>) => setForm((f) => ({ ...f, ...patch }));

  if (!editable.any) return <p className="alert alert-info">{t('campaigns.finishedNoEdit')}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const built = bodyFrom(form, t);
    setErrors(built.errors);
    if (Object.keys(built.errors).length > 0) {
      focusFirstError();
      return;
    }
    setPending(true);
    try {
      const saved = campaign
        ? await api.updateCampaign(tenantId, campaign.id, patchFrom(built.body, editable.all))
        : await api.createCampaign(tenantId, built.body);
      navigate(`${sectionPath('campaigns', tenantId)}/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(err);
      focusFirstError();
    } finally {
      setPending(false);
    }
  };

  const placed = error instanceof ApiError ? error.errors.map((e) => e.path).filter(isPlaced) : [];
  const allPlaced = error instanceof ApiError && error.errors.length > 0 && placed.length === error.errors.length;
  const localProblems = Object.keys(errors).length > 0 && !error;
  const selectable = surveys.filter((s) => !s.anonymous || s.id === form.surveyId).sort((a, b) => a.name.localeCompare(b.name));
  const chosen = surveys.find((s) => s.id === form.surveyId);

  return (
    <form className="form campaign-form" onSubmit={(e) => void submit(e)} noValidate>
      {!editable.all && <p className="alert alert-info">{t('campaigns.launchedEditNote')}</p>}
      <fieldset className="fieldset campaign-section">
        <legend>{t('campaigns.basics')}</legend>
        <div className="form-grid">
          <TextField label={t('campaigns.name')} value={form.name} maxLength={200} required onChange={(e) => change({ name: e.target.value })} error={errors.name} />
          <SelectField
            label={t('campaigns.survey')}
            hint={chosen && chosen.status !== 'active' ? t('campaigns.surveyNotActive') : t('campaigns.surveyHint')}
            value={form.surveyId}
            required
            disabled={!editable.all}
            onChange={(e) => change({ surveyId: e.target.value })}
            error={errors.surveyId}
          >
            <option value="">{t('campaigns.chooseSurvey')}</option>
            {selectable.map((s) => (
              <option key={s.id} value={s.id}>
                {`${s.name} (${t(`surveys.status.${s.status}`)})`}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('campaigns.expiresInDays')}
            hint={t('campaigns.expiresInDaysHint')}
            type="number"
            min={1}
            max={365}
            inputMode="numeric"
            value={form.expiresInDays}
            disabled={!editable.all}
            onChange={(e) => change({ expiresInDays: e.target.value })}
            error={errors.expiresInDays}
          />
        </div>
      </fieldset>
      <fieldset className="plain-fieldset" disabled={!editable.all}>
        <AudienceFields form={form} errors={errors} onChange={change} />
      </fieldset>
      <StepsEditor steps={form.steps} errors={errors} fixedCount={fixedCount} onChange={(steps) => change({ steps })} />
      <WindowFields form={form} errors={errors} onChange={change} />
      <LimitsFields form={form} errors={errors} onChange={change} />
      {localProblems && (
        <p role="alert" className="alert alert-error">
          {t('campaigns.fixFields')}
        </p>
      )}
      {allPlaced ? (
        <p role="alert" className="alert alert-error">
          {t('campaigns.fixFields')}
        </p>
      ) : (
        <FormError error={error} fields={placed} />
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? t('common.saving') : campaign ? t('common.save') : t('campaigns.createDraft')}
        </button>
      </div>
    </form>
  );
}

/** After a failed save, the first field marked invalid gets the focus (once React has drawn the messages). */
function focusFirstError() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('.campaign-form [aria-invalid="true"], .campaign-form .group-errors');
    if (field?.matches('input, select, textarea')) field.focus();
    else field?.scrollIntoView({ block: 'center' });
  });
}
