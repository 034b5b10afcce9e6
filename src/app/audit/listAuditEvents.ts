import type { Actor } from '../../domain/access.ts';
import { listAuditEvents as listRows } from '../../store/repos/audit.ts';
import { requireInstallationAdmin } from '../access.ts';
import type { AppContext } from '../context.ts';

export async function listAuditEvents(ctx: AppContext, actor: Actor, filter: { tenantId?: string; before?: number; limit: number }) {
  requireInstallationAdmin(actor);
  const rows = await listRows(ctx.db, { tenantId: filter.tenantId, beforeId: filter.before, limit: filter.limit + 1 });
  const items = rows.slice(0, filter.limit);
  return { items, nextBefore: rows.length > filter.limit ? (items.at(-1)?.id ?? null) : null };
}
