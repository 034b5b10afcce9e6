import type { ReactNode } from 'react';
import { LoadState } from '../../components/Feedback.tsx';
import type { Loaded } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';

/**
 * A panel's data in its three other states: loading, failed (with a retry button) and empty
 * ("no answers in this period"). Renders `children(data)` once there is something to show;
 * while reloading, the previous figures stay on screen.
 */
export function PanelBody<T>({ loaded, isEmpty, children }: { loaded: Loaded<T>; isEmpty: (data: T) => boolean; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = loaded;
  if (error || data === undefined) return <LoadState loading={loading} error={error} reload={reload} />;
  if (isEmpty(data))
    return (
      <p className="muted analytics-empty" role="status">
        {t('analytics.empty')}
      </p>
    );
  return (
    <div className={loading ? 'analytics-reloading' : undefined} aria-busy={loading || undefined}>
      {children(data)}
    </div>
  );
}
