import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Field.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useTenants } from '../../tenants.tsx';
import type { TenantRole, UserView } from '../../types.ts';
import { TENANT_ROLES } from './roles.ts';

/** A user's tenant memberships: change a role, remove one, add one. Each change is saved at once. */
export function MembershipsEditor({ user, onChange }: { user: UserView; onChange: (user: UserView) => void }) {
  const { t } = useI18n();
  const { tenants } = useTenants();
  const available = tenants.filter((tenant) => !tenant.archivedAt && !user.memberships.some((m) => m.tenantId === tenant.id));
  const [tenantId, setTenantId] = useState('');
  const [role, setRole] = useState<TenantRole>('operator');
  const chosenTenant = available.some((tenant) => tenant.id === tenantId) ? tenantId : (available[0]?.id ?? '');

  const put = useAction((target: string, newRole: TenantRole) => api.putMembership(user.id, target, newRole));
  const remove = useAction(async (target: string) => {
    await api.deleteMembership(user.id, target);
    return { ...user, memberships: user.memberships.filter((m) => m.tenantId !== target) };
  });

  const apply = async (result: Promise<UserView | undefined>) => {
    const updated = await result;
    if (updated) onChange(updated);
  };

  return (
    <section aria-labelledby="memberships-title" className="subsection">
      <h3 id="memberships-title">{t('users.memberships')}</h3>
      <FormError error={put.error ?? remove.error} />
      {user.memberships.length === 0 ? (
        <p className="muted">{t('users.noMemberships')}</p>
      ) : (
        <TableWrap label={t('users.memberships')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('users.tenant')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {user.memberships.map((m) => (
                <tr key={m.tenantId}>
                  <th scope="row">{m.tenantName}</th>
                  <td>
                    <select
                      aria-label={`${t('users.role')}: ${m.tenantName}`}
                      value={m.role}
                      disabled={put.pending}
                      onChange={(e) => void apply(put.run(m.tenantId, e.target.value as TenantRole))}
                    >
                      {TENANT_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="actions">
                    <ConfirmButton
                      label={t('users.removeMembership')}
                      action={t('users.removeAction')}
                      question={t('users.confirmRemove', { name: user.name, tenant: m.tenantName })}
                      onConfirm={() => apply(remove.run(m.tenantId))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {available.length === 0 ? (
        tenants.length > 0 && <p className="muted small">{t('users.allTenantsJoined')}</p>
      ) : (
        <form
          className="inline-form"
          aria-label={t('users.addMembership')}
          onSubmit={(e) => {
            e.preventDefault();
            void apply(put.run(chosenTenant, role));
          }}
        >
          <SelectField label={t('users.tenant')} value={chosenTenant} onChange={(e) => setTenantId(e.target.value)}>
            {available.map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {tenant.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('users.role')} value={role} onChange={(e) => setRole(e.target.value as TenantRole)}>
            {TENANT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="btn" disabled={put.pending || !chosenTenant}>
            {t('users.addMembership')}
          </button>
        </form>
      )}
    </section>
  );
}
