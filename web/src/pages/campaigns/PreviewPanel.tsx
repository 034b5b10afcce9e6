import { useId, useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api.ts';
import type { CampaignView, MessagePreview } from '../../campaignTypes.ts';
import { FormError, Notice } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { api } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { smsSize } from './smsText.ts';

/** A step's message as a person would get it, and a test copy sent to yourself. */
export function PreviewPanel({ tenantId, campaign, canManage }: { tenantId: string; campaign: CampaignView; canManage: boolean }) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const [contactId, setContactId] = useState('');
  const [language, setLanguage] = useState('');
  const [preview, setPreview] = useState<MessagePreview | null>(null);
  const show = useAction(async () => {
    const result = await api.previewCampaignMessage(tenantId, campaign.id, {
      step,
      ...(contactId.trim() ? { contactId: contactId.trim() } : {}),
      ...(language ? { language } : {}),
    });
    setPreview(result);
    return result;
  });
  const channel = campaign.plan.steps[step]?.channel ?? 'email';
  const errors = fieldErrors(show.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void show.run();
  };

  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('campaigns.preview.title')}</h2>
      <form className="form-grid" onSubmit={submit} noValidate>
        <SelectField label={t('campaigns.preview.step')} value={step} onChange={(e) => (setStep(Number(e.target.value)), setPreview(null))} error={errors.step}>
          {campaign.plan.steps.map((s, i) => (
            <option key={i} value={i}>
              {t('campaigns.plan.stepTitle', { n: i + 1, channel: t(`campaigns.channel.${s.channel}`) })}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('campaigns.preview.contactId')}
          hint={t('campaigns.preview.contactIdHint')}
          value={contactId}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setContactId(e.target.value)}
          error={errors.contactId}
        />
        <SelectField label={t('campaigns.preview.language')} value={language} onChange={(e) => setLanguage(e.target.value)} error={errors.language}>
          <option value="">{t('campaigns.preview.languageAuto')}</option>
          <option value="ru">{t('locale.ru')}</option>
          <option value="en">{t('locale.en')}</option>
        </SelectField>
        <FormError error={show.error} fields={['step', 'contactId', 'language']} />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={show.pending}>
            {show.pending ? t('app.loading') : t('campaigns.preview.show')}
          </button>
        </div>
      </form>
      {preview && <PreviewResult preview={preview} />}
      {canManage && <TestSendForm key={`${step}:${channel}`} tenantId={tenantId} campaignId={campaign.id} step={step} channel={channel} language={language} />}
    </section>
  );
}

function PreviewResult({ preview }: { preview: MessagePreview }) {
  const { t, formatNumber } = useI18n();
  const headingId = useId();
  const size = preview.text !== undefined ? smsSize(preview.text) : null;
  return (
    <div className="message-preview" role="region" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('campaigns.preview.result')}</h3>
      <dl className="result-list">
        <dt>{t('campaigns.preview.from')}</dt>
        <dd>{preview.from}</dd>
        <dt>{t('campaigns.preview.to')}</dt>
        <dd>{preview.to ?? t('campaigns.preview.noAddress')}</dd>
        {preview.subject !== undefined && (
          <>
            <dt>{t('campaigns.preview.subject')}</dt>
            <dd>{preview.subject}</dd>
          </>
        )}
      </dl>
      {preview.html !== undefined && <iframe className="email-frame" title={t('campaigns.preview.emailFrame')} sandbox="" srcDoc={preview.html} />}
      {preview.html === undefined && preview.text !== undefined && (
        <>
          <p className="sms-bubble">{preview.text}</p>
          {size && (
            <p className="muted small">
              {t(size.encoding === 'gsm' ? 'campaigns.preview.smsSizeGsm' : 'campaigns.preview.smsSizeUcs2', { length: formatNumber(size.length), parts: formatNumber(size.parts) })}
            </p>
          )}
        </>
      )}
    </div>
  );
}

function TestSendForm({ tenantId, campaignId, step, channel, language }: { tenantId: string; campaignId: string; step: number; channel: string; language: string }) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const send = useAction(async () => {
    const result = await api.testSendCampaignMessage(tenantId, campaignId, { step, to: to.trim(), ...(language ? { language } : {}) });
    setSentTo(result.to);
    return result;
  });
  const email = channel === 'email';
  const errors = fieldErrors(send.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    void send.run();
  };

  return (
    <form className="inline-form test-send" onSubmit={submit} noValidate aria-labelledby="test-send-title">
      <h3 id="test-send-title" className="full-row">
        {t('campaigns.preview.testTitle')}
      </h3>
      <TextField
        label={email ? t('campaigns.preview.testEmail') : t('campaigns.preview.testPhone')}
        type={email ? 'email' : 'tel'}
        autoComplete={email ? 'email' : 'tel'}
        required
        value={to}
        onChange={(e) => setTo(e.target.value)}
        error={errors.to}
      />
      <button type="submit" className="btn" disabled={send.pending || to.trim().length < 3}>
        {send.pending ? t('campaigns.preview.testSending') : t('campaigns.preview.testSend')}
      </button>
      <div className="full-row">
        <FormError error={send.error} fields={['to']} />
        <Notice>{sentTo ? t('campaigns.preview.testQueued', { to: sentTo }) : null}</Notice>
      </div>
    </form>
  );
}
