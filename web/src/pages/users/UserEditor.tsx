import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldErrors } from '../../api.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { api } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import type { InstallationRole, UserView } from '../../types.ts';
import { MembershipsEditor } from './MembershipsEditor.tsx';
import { NO_ROLE, assignableInstallationRoles } from './roles.ts';

interface Props {
  user: UserView;
  onChange: (user: UserView) => void;
  onClose: () => void;
}

/** Name, installation role, enabled state and memberships of one user. */
export function UserEditor({ user, onChange, onClose }: Props) {
  const { t } = useI18n();
  const me = useUser();
  const isMe = me.id === user.id;
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<InstallationRole | typeof NO_ROLE>(user.installationRole ?? NO_ROLE);
  const [saved, setSaved] = useState(false);
  const save = useAction(() => api.updateUser(user.id, { name, installationRole: role === NO_ROLE ? null : role }));
  const toggle = useAction((disabled: boolean) => api.updateUser(user.id, { disabled }));
  const errors = fieldErrors(save.error);
  const heading = useRef<HTMLHeadingElement>(null);

  // The editor opens above the list: move focus (and the view) to it.
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const updated = await save.run();
    if (updated) {
      onChange(updated);
      setSaved(true);
    }
  };

  const setDisabled = async (disabled: boolean) => {
    const updated = await toggle.run(disabled);
    if (updated) onChange(updated);
  };

  return (
    <section className="card" aria-labelledby="user-editor-title">
      <div className="card-header">
        <h2 id="user-editor-title" ref={heading} tabIndex={-1}>{t('users.editTitle', { name: user.name })}</h2>
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>

      <form className="form" onSubmit={submit}>
        <FormError error={save.error} fields={['name', 'installationRole']} />
        <div className="form-grid">
          <TextField label={t('common.name')} required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
          <SelectField
            label={t('users.installationRole')}
            value={role}
            disabled={isMe}
            onChange={(e) => setRole(e.target.value as InstallationRole | typeof NO_ROLE)}
            error={errors.installationRole}
          >
            <option value={NO_ROLE}>{t('role.none')}</option>
            {assignableInstallationRoles(me, user.installationRole).map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.pending}>
            {save.pending ? t('common.saving') : t('common.save')}
          </button>
          {saved && <span role="status">{t('common.saved')}</span>}
        </div>
      </form>

      {!isMe && (
        <div className="status-line">
          <FormError error={toggle.error} />
          <span className={user.disabled ? 'badge badge-muted' : 'badge badge-ok'}>
            {user.disabled ? t('users.disabled') : t('users.active')}
          </span>
          {user.disabled ? (
            <button type="button" className="btn btn-small" onClick={() => void setDisabled(false)} disabled={toggle.pending}>
              {t('users.enable')}
            </button>
          ) : (
            <ConfirmButton
              label={t('users.disable')}
              action={t('users.disableAction')}
              question={t('users.confirmDisable', { name: user.name })}
              onConfirm={() => setDisabled(true)}
            />
          )}
        </div>
      )}

      <MembershipsEditor user={user} onChange={onChange} />
    </section>
  );
}
