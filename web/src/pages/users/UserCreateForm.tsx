import { useRef, useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api.ts';
import { FormError } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { api } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { useTenants } from '../../tenants.tsx';
import type { InstallationRole, TenantRole, UserView } from '../../types.ts';
import { NO_ROLE, TENANT_ROLES, assignableInstallationRoles } from './roles.ts';

interface MembershipRow {
  key: number;
  tenantId: string;
  role: TenantRole;
}

const FIELDS = ['email', 'name', 'password', 'installationRole'];

export function UserCreateForm({ onCreated, onCancel }: { onCreated: (user: UserView, linkSent: boolean) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const me = useUser();
  const { tenants } = useTenants();
  const activeTenants = tenants.filter((tenant) => !tenant.archivedAt);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [installationRole, setInstallationRole] = useState<InstallationRole | typeof NO_ROLE>(NO_ROLE);
  const [rows, setRows] = useState<MembershipRow[]>([]);
  const nextKey = useRef(0);
  const create = useAction(() =>
    api.createUser({
      email,
      name,
      ...(password ? { password } : {}),
      ...(installationRole ? { installationRole } : {}),
      memberships: rows.map(({ tenantId, role }) => ({ tenantId, role })),
    }),
  );
  const errors = fieldErrors(create.error);

  const addRow = () => {
    const free = activeTenants.find((tenant) => !rows.some((r) => r.tenantId === tenant.id));
    setRows((r) => [...r, { key: ++nextKey.current, tenantId: free?.id ?? activeTenants[0]?.id ?? '', role: 'operator' }]);
  };
  const changeRow = (key: number, change: Partial<MembershipRow>) =>
    setRows((r) => r.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const user = await create.run();
    if (user) onCreated(user, !password);
  };

  const memberFields = rows.flatMap((_, i) => [`memberships.${i}.tenantId`, `memberships.${i}.role`, `memberships.${i}`]);
  return (
    <form className="form" onSubmit={submit}>
      <FormError error={create.error} fields={[...FIELDS, ...memberFields]} />
      <div className="form-grid">
        <TextField label={t('common.email')} type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
        <TextField label={t('common.name')} required autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <TextField
          label={`${t('users.password')} ${t('common.optional')}`}
          type="password"
          autoComplete="new-password"
          hint={t('users.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <SelectField
          label={t('users.installationRole')}
          value={installationRole}
          onChange={(e) => setInstallationRole(e.target.value as InstallationRole | typeof NO_ROLE)}
          error={errors.installationRole}
        >
          <option value={NO_ROLE}>{t('role.none')}</option>
          {assignableInstallationRoles(me).map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </SelectField>
      </div>

      <fieldset className="fieldset">
        <legend>{t('users.memberships')}</legend>
        {rows.map((row, i) => (
          <div className="membership-row" key={row.key} role="group" aria-label={`${t('users.tenant')} ${i + 1}`}>
            <SelectField
              label={t('users.tenant')}
              value={row.tenantId}
              onChange={(e) => changeRow(row.key, { tenantId: e.target.value })}
              error={errors[`memberships.${i}.tenantId`] ?? errors[`memberships.${i}`]}
            >
              {activeTenants.map((tenant) => (
                <option key={tenant.id} value={tenant.id}>
                  {tenant.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('users.role')}
              value={row.role}
              onChange={(e) => changeRow(row.key, { role: e.target.value as TenantRole })}
              error={errors[`memberships.${i}.role`]}
            >
              {TENANT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </SelectField>
            <button type="button" className="btn btn-small" onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}>
              {t('users.removeRow')}
            </button>
          </div>
        ))}
        {activeTenants.length > rows.length && (
          <button type="button" className="btn btn-small" onClick={addRow}>
            {t('users.addRow')}
          </button>
        )}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.pending}>
          {create.pending ? t('common.creating') : t('common.create')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
