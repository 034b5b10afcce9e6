import { useState } from 'react';
import { LoadState, Notice } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../endpoints.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession, useUser } from '../../session.tsx';
import type { UserView } from '../../types.ts';
import { UserCreateForm } from './UserCreateForm.tsx';
import { UserEditor } from './UserEditor.tsx';

type Panel = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; userId: string };

export function UsersPage() {
  const { t, lang, formatDateTime } = useI18n();
  const me = useUser();
  const { setUser: setMe } = useSession();
  const users = useLoad(() => api.listUsers(), []);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [notice, setNotice] = useState('');

  const open = (next: Panel) => {
    setNotice('');
    setPanel(next);
  };

  const replace = (user: UserView) => {
    users.setData((data) => data && { items: data.items.map((u) => (u.id === user.id ? user : u)) });
    if (user.id === me.id) setMe(user);
  };

  const created = (user: UserView, linkSent: boolean) => {
    users.setData((data) => data && { items: [...data.items, user] });
    setPanel({ kind: 'none' });
    setNotice(t(linkSent ? 'users.createdLinkMsg' : 'users.createdMsg', { email: user.email }));
  };

  const list = [...(users.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, lang));
  const editing = panel.kind === 'edit' ? list.find((u) => u.id === panel.userId) : undefined;

  return (
    <>
      <PageHeader title={t('users.title')}>
        {panel.kind === 'none' && (
          <button type="button" className="btn btn-primary" onClick={() => open({ kind: 'create' })}>
            {t('users.new')}
          </button>
        )}
      </PageHeader>
      <Notice>{notice}</Notice>

      {panel.kind === 'create' && (
        <section className="card" aria-labelledby="user-create-title">
          <h2 id="user-create-title">{t('users.new')}</h2>
          <UserCreateForm onCreated={created} onCancel={() => setPanel({ kind: 'none' })} />
        </section>
      )}
      {editing && <UserEditor key={editing.id} user={editing} onChange={replace} onClose={() => setPanel({ kind: 'none' })} />}

      {!users.data && <LoadState loading={users.loading} error={users.error} reload={users.reload} />}
      {users.data && list.length === 0 && <p className="muted">{t('users.empty')}</p>}
      {list.length > 0 && (
        <TableWrap label={t('users.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('common.email')}</th>
                <th scope="col">{t('users.installationRole')}</th>
                <th scope="col">{t('users.memberships')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    {user.name} {user.id === me.id && <span className="muted">{t('users.you')}</span>}
                  </th>
                  <td>{user.email}</td>
                  <td>{user.installationRole ? t(`role.${user.installationRole}`) : t('common.none')}</td>
                  <td>
                    {user.memberships.length === 0 ? (
                      t('common.none')
                    ) : (
                      <ul className="plain-list">
                        {user.memberships.map((m) => (
                          <li key={m.tenantId}>
                            {m.tenantName}: {t(`role.${m.role}`)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <span className={user.disabled ? 'badge badge-muted' : 'badge badge-ok'}>
                      {user.disabled ? t('users.disabled') : t('users.active')}
                    </span>
                  </td>
                  <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common.never')}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => open({ kind: 'edit', userId: user.id })}
                    >
                      {t('common.edit')}
                    </button>
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
