import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorAt, restAt, WEEKDAYS, type CampaignForm, type FormErrors } from './campaignForm.ts';
import { GroupErrors } from './FieldErrors.tsx';

interface Props {
  form: CampaignForm;
  errors: FormErrors;
  onChange: (patch: Partial<CampaignForm>) => void;
}

/** Optional days and hours for sending, in each person's own time zone. */
export function WindowFields({ form, errors, onChange }: Props) {
  const { t } = useI18n();
  const toggleDay = (day: number, on: boolean) => onChange({ windowDays: on ? [...form.windowDays, day] : form.windowDays.filter((d) => d !== day) });
  return (
    <fieldset className="fieldset campaign-section">
      <legend>{t('campaigns.window.title')}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={form.windowOn} onChange={(e) => onChange({ windowOn: e.target.checked })} />
        <span>{t('campaigns.window.on')}</span>
      </label>
      <p className="muted small">{t('campaigns.window.hint')}</p>
      <GroupErrors messages={restAt(errors, 'sendWindow', ['sendWindow.from', 'sendWindow.to'])} />
      {form.windowOn && (
        <>
          <fieldset className="plain-fieldset">
            <legend className="field-label">{t('campaigns.window.days')}</legend>
            <ul className="weekday-list">
              {WEEKDAYS.map((day) => (
                <li key={day}>
                  <label className="checkbox">
                    <input type="checkbox" checked={form.windowDays.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} />
                    <span>{t(`campaigns.weekday.${day}`)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="form-grid time-grid">
            <TextField label={t('campaigns.window.from')} type="time" value={form.windowFrom} onChange={(e) => onChange({ windowFrom: e.target.value })} error={errorAt(errors, 'sendWindow.from')} required />
            <TextField label={t('campaigns.window.to')} type="time" value={form.windowTo} onChange={(e) => onChange({ windowTo: e.target.value })} error={errorAt(errors, 'sendWindow.to')} required />
          </div>
        </>
      )}
    </fieldset>
  );
}

/** Speed, budget and consent. */
export function LimitsFields({ form, errors, onChange }: Props) {
  const { t } = useI18n();
  const shown = ['limits.perMinute.email', 'limits.perMinute.sms', 'limits.maxMessages'];
  return (
    <fieldset className="fieldset campaign-section">
      <legend>{t('campaigns.limits.title')}</legend>
      <GroupErrors messages={restAt(errors, 'limits', shown)} />
      <div className="form-grid">
        <TextField
          label={t('campaigns.limits.perMinuteEmail')}
          hint={t('campaigns.limits.emptyNoLimit')}
          type="number"
          min={1}
          inputMode="numeric"
          value={form.perMinuteEmail}
          onChange={(e) => onChange({ perMinuteEmail: e.target.value })}
          error={errorAt(errors, 'limits.perMinute.email')}
        />
        <TextField
          label={t('campaigns.limits.perMinuteSms')}
          hint={t('campaigns.limits.emptyNoLimit')}
          type="number"
          min={1}
          inputMode="numeric"
          value={form.perMinuteSms}
          onChange={(e) => onChange({ perMinuteSms: e.target.value })}
          error={errorAt(errors, 'limits.perMinute.sms')}
        />
        <TextField
          label={t('campaigns.limits.maxMessages')}
          hint={t('campaigns.limits.maxMessagesHint')}
          type="number"
          min={1}
          inputMode="numeric"
          value={form.maxMessages}
          onChange={(e) => onChange({ maxMessages: e.target.value })}
          error={errorAt(errors, 'limits.maxMessages')}
        />
      </div>
      <fieldset className="plain-fieldset subsection">
        <legend className="field-label">{t('campaigns.limits.consent')}</legend>
        <p className="muted small">{t('campaigns.limits.consentHint')}</p>
        <ul className="checkbox-list">
          <li>
            <label className="checkbox">
              <input type="checkbox" checked={form.consentEmail} onChange={(e) => onChange({ consentEmail: e.target.checked })} />
              <span>{t('campaigns.channel.email')}</span>
            </label>
          </li>
          <li>
            <label className="checkbox">
              <input type="checkbox" checked={form.consentSms} onChange={(e) => onChange({ consentSms: e.target.checked })} />
              <span>{t('campaigns.channel.sms')}</span>
            </label>
          </li>
        </ul>
      </fieldset>
    </fieldset>
  );
}
