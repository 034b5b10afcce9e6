// Every route of the admin SPA, in one place.
import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './components/Feedback.tsx';
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

// Surveys, campaigns and contacts carry the survey rules (zod, validation) into the browser: loaded on first visit.
const SurveysPage = lazy(() => import('./pages/surveys/SurveysPage.tsx').then((m) => ({ default: m.SurveysPage })));
const NewSurveyPage = lazy(() => import('./pages/surveys/NewSurveyPage.tsx').then((m) => ({ default: m.NewSurveyPage })));
const SurveyEditorPage = lazy(() => import('./pages/surveys/SurveyEditorPage.tsx').then((m) => ({ default: m.SurveyEditorPage })));
const SurveySettingsPage = lazy(() => import('./pages/surveys/settings/SurveySettingsPage.tsx').then((m) => ({ default: m.SurveySettingsPage })));
const DashboardPage = lazy(() => import('./pages/analytics/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const LexiconPage = lazy(() => import('./pages/analytics/LexiconPage.tsx').then((m) => ({ default: m.LexiconPage })));
const CampaignsPage = lazy(() => import('./pages/campaigns/CampaignsPage.tsx').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./pages/campaigns/CampaignPage.tsx').then((m) => ({ default: m.CampaignPage })));
const CampaignEditorPage = lazy(() => import('./pages/campaigns/CampaignEditorPage.tsx').then((m) => ({ default: m.CampaignEditorPage })));
const CampaignSettingsPage = lazy(() => import('./pages/campaigns/CampaignSettingsPage.tsx').then((m) => ({ default: m.CampaignSettingsPage })));
const ContactsPage = lazy(() => import('./pages/contacts/ContactsPage.tsx').then((m) => ({ default: m.ContactsPage })));
const ContactDetailPage = lazy(() => import('./pages/contacts/ContactDetailPage.tsx').then((m) => ({ default: m.ContactDetailPage })));
const DoNotContactPage = lazy(() => import('./pages/contacts/doNotContact/DoNotContactPage.tsx').then((m) => ({ default: m.DoNotContactPage })));
const ImportWizardPage = lazy(() => import('./pages/contacts/import/ImportWizardPage.tsx').then((m) => ({ default: m.ImportWizardPage })));

const PAGES: Record<SectionId, ComponentType> = {
  surveys: SurveysPage,
  analytics: DashboardPage,
  campaigns: CampaignsPage,
  contacts: ContactsPage,
  tenants: TenantsPage,
  users: UsersPage,
  'api-tokens': ApiTokensPage,
  audit: AuditPage,
  'nps-calculator': NpsCalculatorPage,
};

/** Pages below a section, under /t/:tenantId/<section>/…; guarded like their section. */
const SUBPAGES: ReadonlyArray<{ section: SectionId; path: string; Page: ComponentType }> = [
  { section: 'surveys', path: 'surveys/new', Page: NewSurveyPage },
  { section: 'surveys', path: 'surveys/settings', Page: SurveySettingsPage },
  { section: 'surveys', path: 'surveys/:surveyId', Page: SurveyEditorPage },
  { section: 'campaigns', path: 'campaigns/new', Page: CampaignEditorPage },
  { section: 'campaigns', path: 'campaigns/settings', Page: CampaignSettingsPage },
  { section: 'campaigns', path: 'campaigns/:campaignId', Page: CampaignPage },
  { section: 'campaigns', path: 'campaigns/:campaignId/edit', Page: CampaignEditorPage },
  { section: 'contacts', path: 'contacts/import', Page: ImportWizardPage },
  { section: 'contacts', path: 'contacts/import/:importId', Page: ImportWizardPage },
  { section: 'contacts', path: 'contacts/do-not-contact', Page: DoNotContactPage },
  { section: 'contacts', path: 'contacts/:contactId', Page: ContactDetailPage },
  { section: 'analytics', path: 'analytics/lexicon', Page: LexiconPage },
];

function subpageRoutes() {
  return SUBPAGES.map(({ section, path, Page }) => (
    <Route
      key={path}
      path={path}
      element={
        <SectionGuard section={section}>
          <Suspense fallback={<Loading />}>
            <Page />
          </Suspense>
        </SectionGuard>
      }
    />
  ));
}

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
            <Suspense fallback={<Loading />}>
              <Page />
            </Suspense>
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
          {subpageRoutes()}
          <Route path="*" element={<NotFound />} />
        </Route>
        {sectionRoutes(false)}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
