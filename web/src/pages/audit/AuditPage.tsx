import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { FormError, LoadState } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../endpoints.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { useTenants } from '../../tenants.tsx';
import type { AuditEventView } from '../../types.ts';

const PAGE_SIZE = 50;

/** The installation's audit log, newest first; `?tenantId=` narrows it to one tenant. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const { tenants } = useTenants();
  const [params, setParams] = useSearchParams();
  const tenantId = params.get('tenantId') ?? '';

  const choose = (id: string) => setParams(id ? { tenantId: id } : {}, { replace: true });
  const sorted = [...tenants].sort((a, b) => a.name.localeCompare(b.name, lang));

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <div className="filters">
        <SelectField label={t('audit.filterTenant')} value={tenantId} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('audit.allTenants')}</option>
          {sorted.map((tenant) => (
            <option key={tenant.id} value={tenant.id}>
              {tenant.name}
            </option>
          ))}
        </SelectField>
      </div>
      <AuditLog key={tenantId} tenantId={tenantId || undefined} />
    </>
  );
}

function AuditLog({ tenantId }: { tenantId: string | undefined }) {
  const { t, formatDateTime } = useI18n();
  const { tenants } = useTenants();
  const first = useLoad(() => api.listAuditEvents({ tenantId, limit: PAGE_SIZE }), []);
  const [older, setOlder] = useState<AuditEventView[]>([]);
  // undefined until "load more" is used: then the cursor comes from the last page loaded.
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const next = cursor === undefined ? (first.data?.nextBefore ?? null) : cursor;

  const loadMore = useAction(async () => {
    if (!next) return;
    const page = await api.listAuditEvents({ tenantId, before: next, limit: PAGE_SIZE });
    setOlder((events) => [...events, ...page.items]);
    setCursor(page.nextBefore);
  });

  if (!first.data) return <LoadState loading={first.loading} error={first.error} reload={first.reload} />;
  const events = [...first.data.items, ...older];
  if (events.length === 0) return <p className="muted">{t('audit.empty')}</p>;

  const tenantName = (id: string | null) => (id ? (tenants.find((x) => x.id === id)?.name ?? id) : t('common.none'));
  return (
    <>
      <TableWrap label={t('audit.title')}>
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.tenant')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.ip')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                </td>
                <td>{actorLabel(event, t)}</td>
                <td>
                  <code>{event.action}</code>
                </td>
                <td>{tenantName(event.tenantId)}</td>
                <td>{event.targetType ? `${event.targetType} ${event.targetId ?? ''}`.trim() : t('common.none')}</td>
                <td>{event.ip ?? t('common.none')}</td>
                <td>
                  {Object.keys(event.details ?? {}).length > 0 ? (
                    <details>
                      <summary>{t('audit.details')}</summary>
                      <pre>{JSON.stringify(event.details, null, 2)}</pre>
                    </details>
                  ) : (
                    t('common.none')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <FormError error={loadMore.error} />
      <div className="load-more">
        {next ? (
          <button type="button" className="btn" onClick={() => void loadMore.run()} disabled={loadMore.pending}>
            {loadMore.pending ? t('audit.loadingMore') : t('audit.loadMore')}
          </button>
        ) : (
          <p className="muted small">{t('audit.end')}</p>
        )}
      </div>
    </>
  );
}

function actorLabel({ actor }: AuditEventView, t: Translate): string {
  if (actor.type === 'system') return actor.label ?? t('audit.actor.system');
  if (actor.type === 'token') return t('audit.actor.token', { label: actor.label ?? actor.id ?? '' });
  return actor.label ?? actor.id ?? t('common.none');
}
