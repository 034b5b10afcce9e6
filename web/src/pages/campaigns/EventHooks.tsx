import { useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { FormError, LoadState } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Field.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { API_BASE } from '../../api.ts';
import { api } from '../../endpoints.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { eventExampleJson } from './eventExample.ts';

/** Secret receiver URLs for systems that send service events, and what to send to them. */
export function EventHooks({ tenantId }: { tenantId: string }) {
  const { t, formatDateTime } = useI18n();
  const hooks = useLoad(() => api.listEventHooks(tenantId), [tenantId]);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; url: string } | null>(null);
  const create = useAction(async () => {
    const result = await api.createEventHook(tenantId, name.trim());
    hooks.setData((data) => data && { items: [result.hook, ...data.items] });
    setCreated({ name: result.hook.name, url: result.url });
    setName('');
    return result;
  });
  const remove = useAction(async (hookId: string) => {
    await api.deleteEventHook(tenantId, hookId);
    hooks.setData((data) => data && { items: data.items.filter((h) => h.id !== hookId) });
  });
  const errors = fieldErrors(create.error);
  const list = hooks.data?.items ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    void create.run();
  };

  return (
    <section className="card" aria-labelledby="hooks-title">
      <h2 id="hooks-title">{t('eventHooks.title')}</h2>
      <p className="muted">{t('eventHooks.intro')}</p>
      {created && <OneTimeUrl name={created.name} url={created.url} onDone={() => setCreated(null)} />}
      {!hooks.data && <LoadState loading={hooks.loading} error={hooks.error} reload={hooks.reload} />}
      <FormError error={remove.error} />
      {hooks.data && list.length === 0 && <p className="muted">{t('eventHooks.empty')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('eventHooks.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('common.created')}</th>
                <th scope="col">{t('eventHooks.lastUsed')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((hook) => (
                <tr key={hook.id}>
                  <th scope="row">{hook.name}</th>
                  <td className="nowrap">{formatDateTime(hook.createdAt)}</td>
                  <td className="nowrap">{hook.lastUsedAt ? formatDateTime(hook.lastUsedAt) : t('common.never')}</td>
                  <td className="actions">
                    <ConfirmButton
                      label={t('eventHooks.delete')}
                      action={t('eventHooks.deleteVerb')}
                      question={t('eventHooks.deleteQuestion', { name: hook.name })}
                      onConfirm={() => remove.run(hook.id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form className="inline-form" onSubmit={submit} noValidate>
        <TextField label={t('eventHooks.name')} hint={t('eventHooks.nameHint')} value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} error={errors.name} />
        <button type="submit" className="btn btn-primary" disabled={create.pending || !name.trim()}>
          {create.pending ? t('common.creating') : t('eventHooks.create')}
        </button>
      </form>
      <FormError error={create.error} fields={['name']} />
      <EventExample tenantId={tenantId} />
    </section>
  );
}

/** The secret URL, shown once: a warning, the value, a copy button. */
function OneTimeUrl({ name, url, onDone }: { name: string; url: string; onDone: () => void }) {
  const { t } = useI18n();
  return <OneTimeSecret title={t('eventHooks.urlTitle', { name })} warning={t('eventHooks.urlWarning')} label={t('eventHooks.urlLabel')} value={url} heading="h3" onDone={onDone} />;
}

function EventExample({ tenantId }: { tenantId: string }) {
  const { t } = useI18n();
  return (
    <details className="event-example subsection">
      <summary>{t('eventHooks.exampleTitle')}</summary>
      <p>{t('eventHooks.exampleIntro')}</p>
      <pre className="code-block" tabIndex={0} aria-label={t('eventHooks.exampleTitle')}>
        {`POST ${API_BASE}/hooks/events/<secret>\nContent-Type: application/json\n\n${eventExampleJson()}`}
      </pre>
      <p className="muted small">{t('eventHooks.exampleToken', { path: `${API_BASE}/tenants/${tenantId}/events` })}</p>
      <ul className="small event-fields">
        <li>
          <code>eventId</code> — {t('eventHooks.field.eventId')}
        </li>
        <li>
          <code>type</code> — {t('eventHooks.field.type')}
        </li>
        <li>
          <code>occurredAt</code> — {t('eventHooks.field.occurredAt')}
        </li>
        <li>
          <code>customer</code> — {t('eventHooks.field.customer')}
        </li>
        <li>
          <code>serviceType</code>, <code>department</code>, <code>employee</code>, <code>attributes</code> — {t('eventHooks.field.dimensions')}
        </li>
      </ul>
    </details>
  );
}
