import { useEffect } from 'react';
import type { ImportStatus, ImportView } from '../../../contactTypes.ts';
import { api } from '../../../endpoints.ts';
import { useLoad } from '../../../hooks.ts';

/** States in which a job works on the import and the page waits for it. */
export const BUSY: ReadonlySet<ImportStatus> = new Set(['checking', 'importing']);
const POLL_MS = 1_000;

/** The import, re-read every second while the check or the import job runs. */
export function useImport(tenantId: string, importId: string) {
  const loaded = useLoad(() => api.getContactImport(tenantId, importId), [tenantId, importId]);
  const { data, reload } = loaded;
  const busy = data !== undefined && BUSY.has(data.status);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, data, reload]);
  return { ...loaded, replace: (view: ImportView) => loaded.setData(() => view) };
}
