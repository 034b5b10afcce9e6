import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { apiTokenRoutes } from './apiTokens/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { setupRoutes } from './setup/routes.ts';
import { tenantRoutes } from './tenants/routes.ts';
import { userRoutes } from './users/routes.ts';

/** Every API route group, mounted under /api/v1. A group not listed here is not served. */
export const apiV1Routes: Array<(ctx: AppContext) => FastifyPluginAsyncZod> = [
  setupRoutes,
  authRoutes,
  tenantRoutes,
  userRoutes,
  apiTokenRoutes,
  auditRoutes,
];
