import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { analyticsRoutes } from './analytics/routes.ts';
import { commentRoutes } from './analytics/commentRoutes.ts';
import { correctionRoutes } from './analytics/correctionRoutes.ts';
import { lexiconRoutes } from './analytics/lexiconRoutes.ts';
import { analyticsExportRoutes } from './analytics/exportRoutes.ts';
import { analyticsMetricsRoutes } from './analytics/metricsRoutes.ts';
import { analyticsTableExportRoutes } from './analytics/tableExportRoutes.ts';
import { outcomeRoutes } from './analytics/outcomeRoutes.ts';
import { apiTokenRoutes } from './apiTokens/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { campaignRoutes } from './campaigns/routes.ts';
import { eventRoutes } from './campaigns/eventRoutes.ts';
import { smsInboundRoutes } from './campaigns/smsInboundRoutes.ts';
import { authRoutes } from './auth/routes.ts';
import { contactImportRoutes } from './contactImports/routes.ts';
import { contactRoutes } from './contacts/routes.ts';
import { doNotContactRoutes } from './contacts/doNotContactRoutes.ts';
import { feedbackLinkRoutes } from './feedbackLinks/routes.ts';
import { invitationRoutes } from './invitations/routes.ts';
import { responseRoutes } from './responses/routes.ts';
import { setupRoutes } from './setup/routes.ts';
import { surveyRoutes } from './surveys/routes.ts';
import { surveySettingsRoutes } from './surveySettings/routes.ts';
import { surveyTemplateRoutes } from './surveys/templates.ts';
import { tenantRoutes } from './tenants/routes.ts';
import { userRoutes } from './users/routes.ts';
import { webhookRoutes } from './webhooks/routes.ts';

/** Every API route group, mounted under /api/v1. A group not listed here is not served. */
export const apiV1Routes: Array<(ctx: AppContext) => FastifyPluginAsyncZod> = [
  setupRoutes,
  authRoutes,
  tenantRoutes,
  userRoutes,
  apiTokenRoutes,
  auditRoutes,
  surveyTemplateRoutes,
  surveyRoutes,
  surveySettingsRoutes,
  invitationRoutes,
  feedbackLinkRoutes,
  responseRoutes,
  analyticsRoutes,
  contactRoutes,
  contactImportRoutes,
  doNotContactRoutes,
  webhookRoutes,
  campaignRoutes,
  eventRoutes,
  smsInboundRoutes,
  commentRoutes,
  lexiconRoutes,
  correctionRoutes,
  analyticsExportRoutes,
  analyticsMetricsRoutes,
  analyticsTableExportRoutes,
  outcomeRoutes,
];
