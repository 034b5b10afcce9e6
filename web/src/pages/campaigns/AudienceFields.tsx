import { SelectField, TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorAt, restAt, type CampaignForm, type DelayUnit, type FormErrors } from './campaignForm.ts';
import { GroupErrors } from './FieldErrors.tsx';

interface Props {
  form: CampaignForm;
  errors: FormErrors;
  onChange: (patch: Partial<CampaignForm>) => void;
}

/** Who gets the survey: the tenant's contacts (narrowed by filters), or people named by service events. */
export function AudienceFields({ form, errors, onChange }: Props) {
  const { t } = useI18n();
  const events = form.audienceKind === 'events';
  const attributesPath = events ? 'audience.filter' : 'audience.filter.attributes';
  const shown = ['audience.eventType', 'audience.delayMinutes', 'audience.filter.regions', 'audience.filter.languages', attributesPath];
  return (
    <fieldset className="fieldset campaign-section">
      <legend>{t('campaigns.audience.title')}</legend>
      <GroupErrors messages={restAt(errors, 'audience', shown)} />
      <div className="radio-list" role="radiogroup" aria-label={t('campaigns.audience.kind')}>
        <label className="checkbox">
          <input type="radio" name="audience-kind" checked={!events} onChange={() => onChange({ audienceKind: 'contacts' })} />
          <span>
            <strong>{t('campaigns.audience.contacts')}</strong>
            <br />
            <span className="muted small">{t('campaigns.audience.contactsHint')}</span>
          </span>
        </label>
        <label className="checkbox">
          <input type="radio" name="audience-kind" checked={events} onChange={() => onChange({ audienceKind: 'events' })} />
          <span>
            <strong>{t('campaigns.audience.events')}</strong>
            <br />
            <span className="muted small">{t('campaigns.audience.eventsHint')}</span>
          </span>
        </label>
      </div>

      {events ? (
        <div className="form-grid">
          <TextField
            label={t('campaigns.audience.eventType')}
            hint={t('campaigns.audience.eventTypeHint')}
            value={form.eventType}
            onChange={(e) => onChange({ eventType: e.target.value })}
            error={errorAt(errors, 'audience.eventType')}
            required
            spellCheck={false}
            autoComplete="off"
          />
          <div className="delay-pair">
            <TextField
              label={t('campaigns.audience.delay')}
              hint={t('campaigns.audience.delayHint')}
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              value={form.eventDelay}
              onChange={(e) => onChange({ eventDelay: e.target.value })}
              error={errorAt(errors, 'audience.delayMinutes')}
            />
            <UnitSelect value={form.eventDelayUnit} onChange={(eventDelayUnit) => onChange({ eventDelayUnit })} />
          </div>
        </div>
      ) : (
        <div className="form-grid">
          <TextField
            label={t('campaigns.audience.regions')}
            hint={t('campaigns.audience.listHint')}
            value={form.regions}
            onChange={(e) => onChange({ regions: e.target.value })}
            error={errorAt(errors, 'audience.filter.regions')}
          />
          <TextField
            label={t('campaigns.audience.languages')}
            hint={t('campaigns.audience.languagesHint')}
            value={form.languages}
            onChange={(e) => onChange({ languages: e.target.value })}
            error={errorAt(errors, 'audience.filter.languages')}
            spellCheck={false}
          />
        </div>
      )}
      {!events && form.importId && <p className="muted small">{t('campaigns.audience.importOnly')}</p>}

      <h3 className="subsection">{t('campaigns.audience.attributes')}</h3>
      <p className="muted small">{events ? t('campaigns.audience.eventAttributesHint') : t('campaigns.audience.attributesHint')}</p>
      <GroupErrors messages={restAt(errors, attributesPath, [])} />
      {form.attributes.length > 0 && (
        <ul className="attribute-list">
          {form.attributes.map((row, i) => (
            <li key={i} className="attribute-row">
              <TextField
                label={t('campaigns.audience.attributeKey')}
                value={row.key}
                spellCheck={false}
                onChange={(e) => onChange({ attributes: form.attributes.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)) })}
                error={errors[`attributes.${i}`]}
              />
              <TextField
                label={t('campaigns.audience.attributeValues')}
                hint={t('campaigns.audience.listHint')}
                value={row.values}
                onChange={(e) => onChange({ attributes: form.attributes.map((r, j) => (j === i ? { ...r, values: e.target.value } : r)) })}
              />
              <button
                type="button"
                className="btn btn-small"
                aria-label={t('campaigns.audience.removeAttributeNamed', { key: row.key || String(i + 1) })}
                onClick={() => onChange({ attributes: form.attributes.filter((_, j) => j !== i) })}
              >
                {t('campaigns.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-small" onClick={() => onChange({ attributes: [...form.attributes, { key: '', values: '' }] })}>
        {t('campaigns.audience.addAttribute')}
      </button>
    </fieldset>
  );
}

export function UnitSelect({ value, onChange, label }: { value: DelayUnit; onChange: (unit: DelayUnit) => void; label?: string }) {
  const { t } = useI18n();
  return (
    <SelectField label={label ?? t('campaigns.unit')} value={value} onChange={(e) => onChange(e.target.value as DelayUnit)}>
      <option value="hours">{t('campaigns.unit.hours')}</option>
      <option value="days">{t('campaigns.unit.days')}</option>
    </SelectField>
  );
}
