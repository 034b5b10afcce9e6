// Every API call the SPA makes, typed. One line each; the contract is the documentation.
import { request, upload } from './api.ts';
import type { AttemptStatus, CampaignInput, CampaignSettingsInput, CampaignSettingsView, CampaignStats, CampaignStatus, CampaignView, AttemptView, EventHookView, MessagePreview, TestSendResult } from './campaignTypes.ts';
import type { ColumnMapping, ContactDetailView, ContactPage, DoNotContactEntry, DoNotContactKind, ImportCheckOptions, ImportView } from './contactTypes.ts';
import type { FeedbackLinkView, InvitationCreated, InvitationInput } from './linkTypes.ts';
import type { SurveySettingsInput, SurveySettingsView } from './surveySettingsTypes.ts';
import type { SurveyDefinition, SurveySummary, SurveyTemplateView, SurveyView } from './surveyTypes.ts';
import type { ApiTokenView, AuditEventView, InstallationRole, Items, Locale, ScopeView, TenantRole, TenantView, UserView } from './types.ts';

const quiet = { redirectOn401: false } as const;
const id = encodeURIComponent;

export interface Session {
  user: UserView;
  csrfToken: string;
}

export interface TenantInput {
  name: string;
  slug: string;
  locale: Locale;
  timezone: string;
  defaultRegion: string;
}

export interface UserInput {
  email: string;
  name: string;
  password?: string;
  installationRole?: InstallationRole | null;
  memberships?: { tenantId: string; role: TenantRole }[];
}

export interface AuditQuery {
  tenantId?: string;
  before?: string;
  limit?: number;
}

export interface ContactQuery {
  search?: string;
  cursor?: string;
  limit?: number;
}

/** `?a=1&b=2` from the defined values, or '' when there are none. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const qs = search.toString();
  return qs ? `?${qs}` : '';
}

const tenant = (tenantId: string) => `/tenants/${id(tenantId)}`;

export const api = {
  setupStatus: () => request<{ needed: boolean }>('GET', '/setup', undefined, quiet),
  setup: (body: { token: string; email: string; name: string; password: string }) =>
    request<{ user: UserView; csrfToken?: string }>('POST', '/setup', body, quiet),

  login: (body: { email: string; password: string }) => request<Session>('POST', '/auth/login', body, quiet),
  logout: () => request<void>('POST', '/auth/logout', undefined, quiet),
  me: () => request<Session>('GET', '/auth/me', undefined, quiet),
  updateMe: (body: { locale?: Locale; name?: string }) => request<{ user: UserView }>('PATCH', '/auth/me', body),
  requestPasswordReset: (email: string) => request<void>('POST', '/auth/password-reset', { email }, quiet),
  confirmPasswordReset: (token: string, password: string) =>
    request<void>('POST', '/auth/password-reset/confirm', { token, password }, quiet),

  listTenants: () => request<Items<TenantView>>('GET', '/tenants'),
  createTenant: (body: TenantInput) => request<TenantView>('POST', '/tenants', body),
  updateTenant: (tenantId: string, body: Partial<Omit<TenantInput, 'slug'>> & { archived?: boolean }) =>
    request<TenantView>('PATCH', `/tenants/${id(tenantId)}`, body),

  listUsers: () => request<Items<UserView>>('GET', '/users'),
  createUser: (body: UserInput) => request<UserView>('POST', '/users', body),
  updateUser: (userId: string, body: { name?: string; installationRole?: InstallationRole | null; disabled?: boolean }) =>
    request<UserView>('PATCH', `/users/${id(userId)}`, body),
  putMembership: (userId: string, tenantId: string, role: TenantRole) =>
    request<UserView>('PUT', `/users/${id(userId)}/memberships/${id(tenantId)}`, { role }),
  deleteMembership: (userId: string, tenantId: string) =>
    request<void>('DELETE', `/users/${id(userId)}/memberships/${id(tenantId)}`),

  listScopes: () => request<Items<ScopeView>>('GET', '/api-token-scopes'),
  listTokens: (tenantId: string) => request<Items<ApiTokenView>>('GET', `/tenants/${id(tenantId)}/api-tokens`),
  createToken: (tenantId: string, body: { name: string; scopes: string[]; expiresAt?: string }) =>
    request<{ token: ApiTokenView; secret: string }>('POST', `/tenants/${id(tenantId)}/api-tokens`, body),
  revokeToken: (tenantId: string, tokenId: string) =>
    request<void>('DELETE', `/tenants/${id(tenantId)}/api-tokens/${id(tokenId)}`),

  listAuditEvents: (query: AuditQuery) => {
    const params = new URLSearchParams();
    if (query.tenantId) params.set('tenantId', query.tenantId);
    if (query.before) params.set('before', query.before);
    if (query.limit) params.set('limit', String(query.limit));
    const qs = params.toString();
    return request<{ items: AuditEventView[]; nextBefore: string | null }>('GET', `/audit-events${qs ? `?${qs}` : ''}`);
  },

  listSurveyTemplates: () => request<Items<SurveyTemplateView>>('GET', '/survey-templates'),
  listSurveys: (tenantId: string) => request<Items<SurveySummary>>('GET', `${tenant(tenantId)}/surveys`),
  createSurvey: (tenantId: string, body: { name: string; templateId?: string; definition?: SurveyDefinition }) =>
    request<SurveyView>('POST', `${tenant(tenantId)}/surveys`, body),
  getSurveySettings: (tenantId: string) => request<SurveySettingsView>('GET', `${tenant(tenantId)}/survey-settings`),
  putSurveySettings: (tenantId: string, body: SurveySettingsInput) => request<SurveySettingsView>('PUT', `${tenant(tenantId)}/survey-settings`, body),
  getSurvey: (tenantId: string, surveyId: string) => request<SurveyView>('GET', `${tenant(tenantId)}/surveys/${id(surveyId)}`),
  updateSurvey: (tenantId: string, surveyId: string, body: { name?: string; draft?: SurveyDefinition }) =>
    request<SurveyView>('PUT', `${tenant(tenantId)}/surveys/${id(surveyId)}`, body),
  surveyAction: (tenantId: string, surveyId: string, action: 'launch' | 'pause' | 'resume' | 'close') =>
    request<SurveyView>('POST', `${tenant(tenantId)}/surveys/${id(surveyId)}/${action}`),

  createInvitation: (tenantId: string, surveyId: string, body: InvitationInput) =>
    request<InvitationCreated>('POST', `${tenant(tenantId)}/surveys/${id(surveyId)}/invitations`, body),
  listFeedbackLinks: (tenantId: string, surveyId: string) =>
    request<Items<FeedbackLinkView>>('GET', `${tenant(tenantId)}/surveys/${id(surveyId)}/feedback-links`),
  createFeedbackLink: (tenantId: string, surveyId: string, body: { attributes?: Record<string, string> }) =>
    request<FeedbackLinkView>('POST', `${tenant(tenantId)}/surveys/${id(surveyId)}/feedback-links`, body),
  setFeedbackLinkActive: (tenantId: string, surveyId: string, linkId: string, active: boolean) =>
    request<FeedbackLinkView>('PATCH', `${tenant(tenantId)}/surveys/${id(surveyId)}/feedback-links/${id(linkId)}`, { active }),

  listContacts: (tenantId: string, q: ContactQuery) =>
    request<ContactPage>('GET', `${tenant(tenantId)}/contacts${query({ search: q.search, cursor: q.cursor, limit: q.limit })}`),
  getContact: (tenantId: string, contactId: string) => request<ContactDetailView>('GET', `${tenant(tenantId)}/contacts/${id(contactId)}`),
  exportContact: (tenantId: string, contactId: string) => request<unknown>('GET', `${tenant(tenantId)}/contacts/${id(contactId)}/export`),
  eraseContact: (tenantId: string, contactId: string) => request<void>('POST', `${tenant(tenantId)}/contacts/${id(contactId)}/erase`),

  listDoNotContact: (tenantId: string, q: { cursor?: string; limit?: number }) =>
    request<{ items: DoNotContactEntry[]; nextCursor: string | null }>('GET', `${tenant(tenantId)}/do-not-contact${query({ cursor: q.cursor, limit: q.limit })}`),
  addDoNotContact: (tenantId: string, body: { kind: DoNotContactKind; value: string; reason?: string }) =>
    request<DoNotContactEntry>('POST', `${tenant(tenantId)}/do-not-contact`, body),
  removeDoNotContact: (tenantId: string, kind: DoNotContactKind, value: string) =>
    request<void>('DELETE', `${tenant(tenantId)}/do-not-contact/${kind}/${id(value)}`),

  uploadContactImport: (tenantId: string, file: File, contentType: string) =>
    upload<ImportView>(`${tenant(tenantId)}/contact-imports${query({ fileName: file.name })}`, file, contentType),
  getContactImport: (tenantId: string, importId: string) => request<ImportView>('GET', `${tenant(tenantId)}/contact-imports/${id(importId)}`),
  checkContactImport: (tenantId: string, importId: string, body: { mapping: ColumnMapping; options?: ImportCheckOptions }) =>
    request<ImportView>('POST', `${tenant(tenantId)}/contact-imports/${id(importId)}/check`, body),
  confirmContactImport: (tenantId: string, importId: string) =>
    request<ImportView>('POST', `${tenant(tenantId)}/contact-imports/${id(importId)}/confirm`),
  discardContactImport: (tenantId: string, importId: string) =>
    request<void>('DELETE', `${tenant(tenantId)}/contact-imports/${id(importId)}`),
  listCampaigns: (tenantId: string, status?: CampaignStatus) => request<Items<CampaignView>>('GET', `${tenant(tenantId)}/campaigns${query({ status })}`),
  createCampaign: (tenantId: string, body: CampaignInput) => request<CampaignView>('POST', `${tenant(tenantId)}/campaigns`, body),
  getCampaign: (tenantId: string, campaignId: string) => request<CampaignView>('GET', `${tenant(tenantId)}/campaigns/${id(campaignId)}`),
  updateCampaign: (tenantId: string, campaignId: string, body: Partial<CampaignInput>) =>
    request<CampaignView>('PATCH', `${tenant(tenantId)}/campaigns/${id(campaignId)}`, body),
  deleteCampaign: (tenantId: string, campaignId: string) => request<void>('DELETE', `${tenant(tenantId)}/campaigns/${id(campaignId)}`),
  campaignAction: (tenantId: string, campaignId: string, action: 'launch' | 'pause' | 'resume' | 'cancel') =>
    request<CampaignView>('POST', `${tenant(tenantId)}/campaigns/${id(campaignId)}/${action}`),
  campaignStats: (tenantId: string, campaignId: string) => request<CampaignStats>('GET', `${tenant(tenantId)}/campaigns/${id(campaignId)}/stats`),
  listCampaignAttempts: (tenantId: string, campaignId: string, statuses: readonly AttemptStatus[]) =>
    request<Items<AttemptView>>('GET', `${tenant(tenantId)}/campaigns/${id(campaignId)}/attempts${query({ status: statuses.join(',') })}`),
  previewCampaignMessage: (tenantId: string, campaignId: string, body: { step: number; contactId?: string; language?: string }) =>
    request<MessagePreview>('POST', `${tenant(tenantId)}/campaigns/${id(campaignId)}/preview`, body),
  testSendCampaignMessage: (tenantId: string, campaignId: string, body: { step: number; to: string; language?: string }) =>
    request<TestSendResult>('POST', `${tenant(tenantId)}/campaigns/${id(campaignId)}/test-send`, body),
  getCampaignSettings: (tenantId: string) => request<CampaignSettingsView>('GET', `${tenant(tenantId)}/campaign-settings`),
  putCampaignSettings: (tenantId: string, body: CampaignSettingsInput) => request<CampaignSettingsView>('PUT', `${tenant(tenantId)}/campaign-settings`, body),
  listEventHooks: (tenantId: string) => request<Items<EventHookView>>('GET', `${tenant(tenantId)}/event-hooks`),
  createEventHook: (tenantId: string, name: string) => request<{ hook: EventHookView; url: string }>('POST', `${tenant(tenantId)}/event-hooks`, { name }),
  deleteEventHook: (tenantId: string, hookId: string) => request<void>('DELETE', `${tenant(tenantId)}/event-hooks/${id(hookId)}`),
};
