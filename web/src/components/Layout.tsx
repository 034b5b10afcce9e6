// The signed-in frame: header (brand, tenant switcher, language, user, logout) and nav.
// Below 720 px the nav and tools fold behind a Menu button.
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { visibleSections, sectionPath } from '../sections.ts';
import { useSession, useUser } from '../session.tsx';
import { TenantsProvider, useTenants } from '../tenants.tsx';
import { Loading } from './Feedback.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { TenantSwitcher } from './TenantSwitcher.tsx';

export function AppLayout() {
  return (
    <TenantsProvider>
      <Shell />
    </TenantsProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const { currentId, current, loading } = useTenants();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();

  useEffect(() => setMenuOpen(false), [pathname]);

  const tenantId = current?.id ?? null;
  const sections = visibleSections(user, tenantId);
  const tenantMissing = currentId !== null && !current;

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-bar">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <button
            type="button"
            className="btn menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('header.menu')}
          </button>
          <div id="app-menu" className={menuOpen ? 'app-menu open' : 'app-menu'}>
            <div className="header-tools">
              <TenantSwitcher />
              <LanguageSwitch />
              <span className="user-name" title={t('header.signedInAs', { name: user.email })}>
                {user.name}
              </span>
              <button type="button" className="btn btn-small" onClick={() => void signOut()}>
                {t('header.logout')}
              </button>
            </div>
            <nav aria-label={t('nav.label')} className="main-nav">
              <ul>
                {sections.map((section) => (
                  <li key={section.id}>
                    <NavLink to={sectionPath(section.id, tenantId)}>{t(section.label)}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {!tenantMissing ? <Outlet /> : loading ? <Loading /> : <p className="alert alert-error">{t('error.tenantNotFound')}</p>}
      </main>
    </>
  );
}
