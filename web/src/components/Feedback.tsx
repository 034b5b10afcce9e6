// How errors and outcomes are shown: the server's localised `detail` first,
// field errors next to their fields, the request id for support.
import type { ReactNode } from 'react';
import { ApiError, NETWORK_ERROR } from '../api.ts';
import { useI18n, type Translate } from '../i18n/index.tsx';

export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('error.network');
    if (error.detail) return error.detail;
    if (error.status === 403) return t('error.forbidden');
  }
  return t('error.generic');
}

/**
 * The error of a form or page. Field errors whose path is in `fields` are shown by
 * the fields themselves; any others are listed here so none is lost.
 */
export function FormError({ error, fields = [] }: { error: unknown; fields?: readonly string[] }) {
  const { t } = useI18n();
  if (!error) return null;
  const others = error instanceof ApiError ? error.errors.filter((e) => !fields.includes(e.path)) : [];
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div role="alert" className="alert alert-error">
      <p>{describeError(error, t)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((e) => (
            <li key={`${e.path}:${e.message}`}>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
          ))}
        </ul>
      )}
      {requestId && <p className="muted small">{t('error.requestId', { id: requestId })}</p>}
    </div>
  );
}

/** A success or information message, announced politely. */
export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="status" className="alert alert-success">
      {children}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}

/** Shows a loading line or an error with a retry button; nothing once loaded. */
export function LoadState({ loading, error, reload }: { loading: boolean; error: unknown; reload: () => void }) {
  const { t } = useI18n();
  if (error)
    return (
      <div>
        <FormError error={error} />
        <button type="button" className="btn" onClick={reload}>
          {t('common.retry')}
        </button>
      </div>
    );
  return loading ? <Loading /> : null;
}
