import { useMemo, useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api.ts';
import { FormError } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import type { TenantInput } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LOCALES, type TenantView } from '../../types.ts';

const DEFAULTS: TenantInput = { name: '', slug: '', locale: 'ru', timezone: 'Europe/Moscow', defaultRegion: 'RU' };
const FIELDS = ['name', 'slug', 'locale', 'timezone', 'defaultRegion'] as const;

interface Props {
  /** The tenant being edited; absent when creating. */
  tenant?: TenantView;
  onSubmit: (input: TenantInput) => Promise<unknown>;
  onCancel: () => void;
}

/** Create or edit a tenant. The slug is chosen once, at creation. */
export function TenantForm({ tenant, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [form, setForm] = useState<TenantInput>(tenant ? pick(tenant) : DEFAULTS);
  const [slugTouched, setSlugTouched] = useState(Boolean(tenant));
  const zones = useMemo(() => timeZones(form.timezone), [form.timezone]);
  const save = useAction(onSubmit);
  const errors = fieldErrors(save.error);

  const setName = (name: string) => setForm((f) => ({ ...f, name, slug: slugTouched ? f.slug : slugify(name) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save.run({ ...form, defaultRegion: form.defaultRegion.trim().toUpperCase() });
  };

  return (
    <form className="form form-grid" onSubmit={submit}>
      <FormError error={save.error} fields={FIELDS} />
      <TextField label={t('common.name')} required autoFocus value={form.name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <TextField
        label={t('tenants.slug')}
        required
        disabled={Boolean(tenant)}
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        hint={tenant ? undefined : t('tenants.slugHint')}
        value={form.slug}
        onChange={(e) => {
          setSlugTouched(true);
          setForm((f) => ({ ...f, slug: e.target.value }));
        }}
        error={errors.slug}
      />
      <SelectField
        label={t('tenants.locale')}
        value={form.locale}
        onChange={(e) => setForm((f) => ({ ...f, locale: e.target.value as TenantInput['locale'] }))}
        error={errors.locale}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`locale.${l}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('tenants.timezone')}
        value={form.timezone}
        onChange={(e) => setForm((f) => ({ ...f, timezone: e.target.value }))}
        error={errors.timezone}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('tenants.region')}
        required
        maxLength={2}
        pattern="[A-Za-z]{2}"
        autoCapitalize="characters"
        hint={t('tenants.regionHint')}
        value={form.defaultRegion}
        onChange={(e) => setForm((f) => ({ ...f, defaultRegion: e.target.value }))}
        error={errors.defaultRegion}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.pending}>
          {save.pending ? t('common.saving') : tenant ? t('common.save') : t('common.create')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

const pick = ({ name, slug, locale, timezone, defaultRegion }: TenantView): TenantInput => ({ name, slug, locale, timezone, defaultRegion });

/** IANA zones the browser knows, plus the current value so an unusual saved zone still shows. */
function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [...zones, current].sort();
}

// Russian tenant names are common, so the suggested slug transliterates Cyrillic.
const CYRILLIC: Record<string, string> = Object.fromEntries(
  'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

export function slugify(name: string): string {
  return [...name.toLowerCase()]
    .map((ch) => CYRILLIC[ch] ?? ch)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}
