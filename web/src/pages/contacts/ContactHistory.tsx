import type { ContactHistoryEntry } from '../../contactTypes.ts';
import { useI18n } from '../../i18n/index.tsx';

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Changes to the person's data, newest first; each says which import made it, if any. */
export function ContactHistory({ history }: { history: ContactHistoryEntry[] }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section className="card" aria-labelledby="contact-history">
      <h2 id="contact-history">{t('contacts.history')}</h2>
      {history.length === 0 ? (
        <p className="muted">{t('contacts.noHistory')}</p>
      ) : (
        <ol className="history-list">
          {history.map((entry, i) => (
            <li key={i}>
              <strong>{formatDateTime(entry.at)}</strong>
              {entry.importId && <span className="muted small"> · {t('contacts.byImport')}</span>}
              <ul>
                {Object.entries(entry.changes).map(([field, change]) => (
                  <li key={field}>
                    <code>{field}</code>: {describe(change)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** `[before, after]` read as "a → b". */
const describe = ([before, after]: [unknown, unknown]): string => `${show(before)} → ${show(after)}`;
