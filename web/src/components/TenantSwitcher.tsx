import { useId } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { defaultSection, sectionById, sectionOfPath, sectionPath } from '../sections.ts';
import { useUser } from '../session.tsx';
import { useTenants } from '../tenants.tsx';

/** Chooses the tenant in the URL, staying on the same section when the user may use it there. */
export function TenantSwitcher() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { tenants, current, currentId } = useTenants();
  const navigate = useNavigate();
  const location = useLocation();
  const id = useId();

  const options = tenants
    .filter((tenant) => !tenant.archivedAt || tenant.id === currentId)
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  if (options.length === 0) return null;

  const switchTo = (tenantId: string) => {
    const section = sectionOfPath(location.pathname);
    const target = section && sectionById(section).allowed(user, tenantId) ? section : defaultSection(user, tenantId);
    navigate(sectionPath(target, tenantId));
  };

  return (
    <div className="tenant-switcher" data-testid="tenant-switcher">
      <label htmlFor={id}>{t('header.tenant')}</label>
      <select id={id} value={current?.id ?? ''} onChange={(e) => switchTo(e.target.value)}>
        {!current && (
          <option value="" disabled>
            {t('common.none')}
          </option>
        )}
        {options.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            {tenant.archivedAt ? `${tenant.name} ${t('header.archivedSuffix')}` : tenant.name}
          </option>
        ))}
      </select>
    </div>
  );
}
