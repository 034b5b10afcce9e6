import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError, LoadState, Notice } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, type TenantInput } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { sectionPath } from '../../sections.ts';
import { useTenants } from '../../tenants.tsx';
import type { TenantView } from '../../types.ts';
import { TenantForm } from './TenantForm.tsx';

type Editing = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; tenant: TenantView };

export function TenantsPage() {
  const { t, lang, formatDate } = useI18n();
  const { tenants, loading, error, reload, currentId } = useTenants();
  const navigate = useNavigate();
  const location = useLocation();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  // A notice can arrive with the navigation below, which remounts this page under /t/:tenantId.
  const [notice, setNotice] = useState(() => String((location.state as { notice?: unknown } | null)?.notice ?? ''));
  const archive = useAction(async (tenant: TenantView, archived: boolean) => {
    await api.updateTenant(tenant.id, { archived });
    reload();
  });

  const open = (next: Editing) => {
    setNotice('');
    setEditing(next);
  };

  const create = async (input: TenantInput) => {
    const created = await api.createTenant(input);
    const message = t('tenants.createdMsg', { name: created.name });
    setEditing({ kind: 'none' });
    setNotice(message);
    reload();
    // The first tenant becomes the current one, so the switcher and tenant pages appear.
    if (currentId === null) navigate(sectionPath('tenants', created.id), { state: { notice: message } });
  };

  // The slug is fixed at creation; PATCH takes the rest.
  const update = async (tenant: TenantView, { name, locale, timezone, defaultRegion }: TenantInput) => {
    await api.updateTenant(tenant.id, { name, locale, timezone, defaultRegion });
    setEditing({ kind: 'none' });
    setNotice(t('common.saved'));
    reload();
  };

  const sorted = [...tenants].sort((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <>
      <PageHeader title={t('tenants.title')}>
        {editing.kind === 'none' && (
          <button type="button" className="btn btn-primary" onClick={() => open({ kind: 'create' })}>
            {t('tenants.new')}
          </button>
        )}
      </PageHeader>
      <Notice>{notice}</Notice>

      {editing.kind !== 'none' && (
        <section className="card" aria-labelledby="tenant-form-title">
          <h2 id="tenant-form-title">
            {editing.kind === 'create' ? t('tenants.new') : t('tenants.editTitle', { name: editing.tenant.name })}
          </h2>
          <TenantForm
            key={editing.kind === 'edit' ? editing.tenant.id : 'new'}
            tenant={editing.kind === 'edit' ? editing.tenant : undefined}
            onSubmit={(input) => (editing.kind === 'edit' ? update(editing.tenant, input) : create(input))}
            onCancel={() => setEditing({ kind: 'none' })}
          />
        </section>
      )}

      {(error || (loading && tenants.length === 0)) && <LoadState loading={loading} error={error} reload={reload} />}
      <FormError error={archive.error} />
      {!loading && !error && tenants.length === 0 && <p className="muted">{t('tenants.empty')}</p>}
      {sorted.length > 0 && (
        <TableWrap label={t('tenants.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('tenants.slug')}</th>
                <th scope="col">{t('tenants.timezone')}</th>
                <th scope="col">{t('common.created')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((tenant) => (
                <tr key={tenant.id}>
                  <th scope="row">{tenant.name}</th>
                  <td>
                    <code>{tenant.slug}</code>
                  </td>
                  <td>{tenant.timezone}</td>
                  <td>{formatDate(tenant.createdAt)}</td>
                  <td>
                    <span className={tenant.archivedAt ? 'badge badge-muted' : 'badge badge-ok'}>
                      {tenant.archivedAt ? t('tenants.archived') : t('tenants.active')}
                    </span>
                  </td>
                  <td className="actions">
                    <button type="button" className="btn btn-small" onClick={() => open({ kind: 'edit', tenant })}>
                      {t('common.edit')}
                    </button>
                    {tenant.archivedAt ? (
                      <button type="button" className="btn btn-small" onClick={() => void archive.run(tenant, false)}>
                        {t('tenants.restore')}
                      </button>
                    ) : (
                      <ConfirmButton
                        label={t('tenants.archive')}
                        action={t('tenants.archiveAction')}
                        question={t('tenants.confirmArchive', { name: tenant.name })}
                        onConfirm={() => archive.run(tenant, true)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
