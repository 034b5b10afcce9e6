import { Link } from 'react-router';
import type { ImportView } from '../../../contactTypes.ts';
import { useI18n } from '../../../i18n/index.tsx';

/** Step 4 finished: how many people were added, updated or already up to date. */
export function ImportOutcome({ view, contactsPath }: { view: ImportView; contactsPath: string }) {
  const { t, formatNumber } = useI18n();
  const n = (value: number) => formatNumber(value);
  return (
    <section className="card" aria-labelledby="done-title" data-testid="import-done">
      <h2 id="done-title">{t('import.doneTitle')}</h2>
      <dl className="counts-grid">
        <div className="count good">
          <dt>{t('import.inserted')}</dt>
          <dd>{n(view.inserted)}</dd>
        </div>
        <div className="count">
          <dt>{t('import.updated')}</dt>
          <dd>{n(view.updated)}</dd>
        </div>
        <div className="count">
          <dt>{t('import.unchanged')}</dt>
          <dd>{n(view.unchanged)}</dd>
        </div>
      </dl>
      <Link className="btn btn-primary" to={contactsPath}>
        {t('import.toContacts')}
      </Link>
    </section>
  );
}
