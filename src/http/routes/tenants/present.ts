import { z } from 'zod';
import type { TenantRow } from '../../../store/repos/tenants.ts';

export const TenantView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  locale: z.enum(['ru', 'en']),
  timezone: z.string(),
  defaultRegion: z.string(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
});

export const presentTenant = (t: TenantRow): z.infer<typeof TenantView> => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  locale: t.locale as 'ru' | 'en',
  timezone: t.timezone,
  defaultRegion: t.defaultRegion,
  createdAt: t.createdAt.toISOString(),
  archivedAt: t.archivedAt?.toISOString() ?? null,
});
