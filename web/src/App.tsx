// Every route of the admin SPA, in one place.
import type { ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { HomeRedirect, NotFound, RequireAuth, SectionGuard } from './components/guards.tsx';
import { AppLayout } from './components/Layout.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { LoginPage } from './pages/auth/LoginPage.tsx';
import { ResetConfirmPage } from './pages/auth/ResetConfirmPage.tsx';
import { ResetRequestPage } from './pages/auth/ResetRequestPage.tsx';
import { SetupPage } from './pages/auth/SetupPage.tsx';
import { NpsCalculatorPage } from './pages/nps/NpsCalculatorPage.tsx';
import { TenantsPage } from './pages/tenants/TenantsPage.tsx';
import { ApiTokensPage } from './pages/tokens/ApiTokensPage.tsx';
import { UsersPage } from './pages/users/UsersPage.tsx';
import { SECTIONS, type SectionId } from './sections.ts';

const PAGES: Record<SectionId, ComponentType> = {
  tenants: TenantsPage,
  users: UsersPage,
  'api-tokens': ApiTokensPage,
  audit: AuditPage,
  'nps-calculator': NpsCalculatorPage,
};

/** Sections under /t/:tenantId, or at the root (those that do not need a tenant). */
function sectionRoutes(withTenant: boolean) {
  return SECTIONS.filter((s) => withTenant || !s.needsTenant).map(({ id }) => {
    const Page = PAGES[id];
    return (
      <Route
        key={id}
        path={id}
        element={
          <SectionGuard section={id}>
            <Page />
          </SectionGuard>
        }
      />
    );
  });
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/reset-password" element={<ResetRequestPage />} />
      <Route path="/reset-password/:token" element={<ResetConfirmPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="t/:tenantId">
          <Route index element={<HomeRedirect />} />
          {sectionRoutes(true)}
          <Route path="*" element={<NotFound />} />
        </Route>
        {sectionRoutes(false)}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
