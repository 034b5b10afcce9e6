import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditEvents } from '../../../app/audit/listAuditEvents.ts';
import type { AppContext } from '../../../app/context.ts';
import type { AuditEventRow } from '../../../store/repos/audit.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';

const AuditEventView = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), label: z.string().nullable() }),
  action: z.string(),
  tenantId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
const present = (e: AuditEventRow): z.infer<typeof AuditEventView> => ({
  id: String(e.id),
  at: e.at.toISOString(),
  actor: { type: e.actorType as 'user' | 'token' | 'system', id: e.actorId, label: e.actorLabel },
  action: e.action,
  tenantId: e.tenantId,
  targetType: e.targetType,
  targetId: e.targetId,
  ip: e.ip,
  details: (e.details ?? {}) as Record<string, unknown>,
});

export const auditRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/audit-events',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['audit'],
        summary: 'Security-relevant actions, newest first (installation administrators)',
        querystring: z.strictObject({ tenantId: uuid.optional(), before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(AuditEventView), nextBefore: z.string().nullable() }), ...errorResponses },
      },
    },
    async (req) => {
      const page = await listAuditEvents(ctx, actorOf(req), req.query);
      return { items: page.items.map(present), nextBefore: page.nextBefore === null ? null : String(page.nextBefore) };
    },
  );
};
