// The tenants the user may see and the one chosen in the URL (/t/:tenantId/…).
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useMatch } from 'react-router';
import { api } from './endpoints.ts';
import { useLoad } from './hooks.ts';
import type { TenantView } from './types.ts';

const STORAGE_KEY = 'voxpop.tenant';

interface TenantsApi {
  tenants: TenantView[];
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** The tenant id in the URL, or null on pages outside /t/:tenantId. */
  currentId: string | null;
  /** The tenant in the URL when the user may see it. */
  current: TenantView | null;
}

const TenantsContext = createContext<TenantsApi | null>(null);

export function TenantsProvider({ children }: { children: ReactNode }) {
  // Matched here rather than via useParams: this provider sits above the /t/:tenantId route.
  const tenantId = useMatch({ path: '/t/:tenantId', end: false })?.params.tenantId;
  const { data, loading, error, reload } = useLoad(() => api.listTenants(), []);
  const tenants = data?.items ?? [];
  const currentId = tenantId ?? null;
  const current = tenants.find((t) => t.id === currentId) ?? null;

  useEffect(() => {
    if (current) rememberTenant(current.id);
  }, [current]);

  return (
    <TenantsContext.Provider value={{ tenants, loading, error, reload, currentId, current }}>{children}</TenantsContext.Provider>
  );
}

export function useTenants(): TenantsApi {
  const value = useContext(TenantsContext);
  if (!value) throw new Error('useTenants outside TenantsProvider');
  return value;
}

function rememberTenant(id: string) {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Without storage the first tenant is chosen next time; nothing else breaks.
  }
}

/** The remembered tenant if still available, else the first active one, else any. */
export function preferredTenant(tenants: TenantView[]): TenantView | null {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(STORAGE_KEY);
  } catch {
    remembered = null;
  }
  return (
    tenants.find((t) => t.id === remembered && !t.archivedAt) ??
    tenants.find((t) => !t.archivedAt) ??
    tenants[0] ??
    null
  );
}
