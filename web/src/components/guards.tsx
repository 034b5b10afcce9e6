// Route guards: signed in at all, allowed in this section, and where "/" leads.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { defaultSection, sectionById, sectionPath, type SectionId } from '../sections.ts';
import { useSession, useUser } from '../session.tsx';
import { preferredTenant, useTenants } from '../tenants.tsx';
import { FormError, Loading, LoadState } from './Feedback.tsx';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, recheck } = useSession();
  const { t } = useI18n();
  const location = useLocation();

  if (state.status === 'loading')
    return (
      <div className="center-page">
        <Loading />
      </div>
    );
  if (state.status === 'error')
    return (
      <div className="center-page">
        <h1>{t('error.sessionCheck')}</h1>
        <FormError error={state.error} />
        <button type="button" className="btn" onClick={recheck}>
          {t('common.retry')}
        </button>
      </div>
    );
  if (state.status === 'anonymous') {
    // After a deliberate logout the next person starts at home, not on the previous user's page.
    const from = state.reason === 'logout' ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={from ? { from } : null} />;
  }
  return children;
}

/** Shows the section only to users who may use it (the server checks again, of course). */
export function SectionGuard({ section, children }: { section: SectionId; children: ReactNode }) {
  const { t } = useI18n();
  const user = useUser();
  const { current, currentId, loading } = useTenants();
  const definition = sectionById(section);
  if (currentId !== null && !current) return null; // the layout explains the missing tenant
  if (definition.needsTenant && loading) return <Loading />;
  if (!definition.allowed(user, current?.id ?? null)) return <p className="alert alert-error">{t('error.noAccessPage')}</p>;
  return children;
}

/** `/` and `/t/:tenantId`: go to the first section the user may use, in the remembered tenant. */
export function HomeRedirect() {
  const user = useUser();
  const { tenants, loading, error, reload, currentId, current } = useTenants();
  if (loading || error) return <LoadState loading={loading} error={error} reload={reload} />;
  const tenant = currentId !== null ? current : preferredTenant(tenants);
  const tenantId = tenant?.id ?? null;
  return <Navigate replace to={sectionPath(defaultSection(user, tenantId), tenantId)} />;
}

export function NotFound() {
  const { t } = useI18n();
  return <p className="alert alert-error">{t('error.notFoundPage')}</p>;
}
