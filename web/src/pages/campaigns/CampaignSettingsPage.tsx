import { useState, type FormEvent } from 'react';
import { ApiError, fieldErrors } from '../../api.ts';
import type { CampaignSettingsView } from '../../campaignTypes.ts';
import { FormError, LoadState, Notice } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { api } from '../../endpoints.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { hasTenantPermission } from '../../sections.ts';
import { useUser } from '../../session.tsx';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { CampaignsTabs } from './CampaignsTabs.tsx';
import { EventHooks } from './EventHooks.tsx';
import './campaigns.css';

/** `/t/:tenantId/campaigns/settings`: contact hours, senders, and the receivers of service events. */
export function CampaignSettingsPage() {
  const { current } = useTenants();
  return current ? <CampaignSettingsScreen key={current.id} tenant={current} /> : null;
}

function CampaignSettingsScreen({ tenant }: { tenant: TenantView }) {
  const { t } = useI18n();
  const user = useUser();
  const settings = useLoad(() => api.getCampaignSettings(tenant.id), [tenant.id]);
  const canManage = hasTenantPermission(user, tenant.id, 'campaigns.manage');
  const canHooks = hasTenantPermission(user, tenant.id, 'events.write');

  return (
    <>
      <CampaignsTabs tenantId={tenant.id} />
      <PageHeader title={t('campaignSettings.title')} />
      <p className="muted">{t('campaignSettings.intro', { tenant: tenant.name })}</p>
      {!canManage && <p className="alert alert-info">{t('campaignSettings.readOnly')}</p>}
      {!settings.data && <LoadState loading={settings.loading} error={settings.error} reload={settings.reload} />}
      {settings.data && <SettingsForm key={JSON.stringify(settings.data)} tenantId={tenant.id} initial={settings.data} readOnly={!canManage} />}
      {canHooks && <EventHooks tenantId={tenant.id} />}
    </>
  );
}

interface Form {
  from: string;
  to: string;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  senderId: string;
}

const formOf = (s: CampaignSettingsView): Form => ({
  from: s.contactHours.from,
  to: s.contactHours.to,
  fromName: s.email.fromName ?? '',
  fromAddress: s.email.fromAddress ?? '',
  replyTo: s.email.replyTo ?? '',
  senderId: s.sms.senderId ?? '',
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const FIELDS = ['contactHours', 'contactHours.from', 'contactHours.to', 'email.fromName', 'email.fromAddress', 'email.replyTo', 'sms.senderId'];

function SettingsForm({ tenantId, initial, readOnly }: { tenantId: string; initial: CampaignSettingsView; readOnly: boolean }) {
  const { t } = useI18n();
  const [view, setView] = useState(initial);
  const [form, setForm] = useState<Form>(() => formOf(initial));
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = fieldErrors(error);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    setPending(true);
    try {
      const saved = await api.putCampaignSettings(tenantId, {
        contactHours: { from: form.from, to: form.to },
        email: { fromName: orNull(form.fromName), fromAddress: orNull(form.fromAddress), replyTo: orNull(form.replyTo) },
        sms: { senderId: orNull(form.senderId) },
      });
      setView(saved);
      setForm(formOf(saved));
      setNotice(t('common.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  const allPlaced = error instanceof ApiError && error.errors.length > 0 && error.errors.every((e) => FIELDS.includes(e.path));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="plain-fieldset" disabled={readOnly}>
        <section className="card" aria-labelledby="hours-title">
          <h2 id="hours-title">{t('campaignSettings.hoursTitle')}</h2>
          <p className="muted small">{t('campaignSettings.hoursHint')}</p>
          {errors.contactHours && <p className="field-error">{errors.contactHours}</p>}
          <div className="form-grid time-grid">
            <TextField label={t('campaigns.window.from')} type="time" required value={form.from} onChange={(e) => set({ from: e.target.value })} error={errors['contactHours.from']} />
            <TextField label={t('campaigns.window.to')} type="time" required value={form.to} onChange={(e) => set({ to: e.target.value })} error={errors['contactHours.to']} />
          </div>
        </section>
        <section className="card" aria-labelledby="email-title">
          <h2 id="email-title">{t('campaignSettings.emailTitle')}</h2>
          <div className="form-grid">
            <TextField label={t('campaignSettings.fromName')} hint={t('campaignSettings.fromNameHint')} value={form.fromName} maxLength={100} onChange={(e) => set({ fromName: e.target.value })} error={errors['email.fromName']} />
            <TextField
              label={t('campaignSettings.fromAddress')}
              hint={t('campaignSettings.defaultHint', { value: view.defaults.fromAddress })}
              type="email"
              placeholder={view.defaults.fromAddress}
              value={form.fromAddress}
              onChange={(e) => set({ fromAddress: e.target.value })}
              error={errors['email.fromAddress']}
            />
            <TextField
              label={t('campaignSettings.replyTo')}
              hint={t('campaignSettings.replyToHint')}
              type="email"
              value={form.replyTo}
              onChange={(e) => set({ replyTo: e.target.value })}
              error={errors['email.replyTo']}
            />
          </div>
        </section>
        <section className="card" aria-labelledby="sms-title">
          <h2 id="sms-title">{t('campaignSettings.smsTitle')}</h2>
          <div className="form-grid">
            <TextField
              label={t('campaignSettings.senderId')}
              hint={t('campaignSettings.senderIdHint', { value: view.defaults.senderId })}
              placeholder={view.defaults.senderId}
              maxLength={16}
              spellCheck={false}
              value={form.senderId}
              onChange={(e) => set({ senderId: e.target.value })}
              error={errors['sms.senderId']}
            />
          </div>
        </section>
      </fieldset>
      {allPlaced ? (
        <p role="alert" className="alert alert-error">
          {t('campaigns.fixFields')}
        </p>
      ) : (
        <FormError error={error} fields={FIELDS} />
      )}
      <Notice>{notice}</Notice>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      )}
    </form>
  );
}
