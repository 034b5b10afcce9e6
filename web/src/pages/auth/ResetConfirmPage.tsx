import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../api.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { FormError, Notice } from '../../components/Feedback.tsx';
import { PasswordPair } from '../../components/PasswordPair.tsx';
import { api } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';

/** `/reset-password/:token`: the page the emailed link opens. */
export function ResetConfirmPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const confirm = useAction(async () => {
    await api.confirmPasswordReset(token, password);
    return true;
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (password !== repeat) return;
    if (await confirm.run()) setDone(true);
  };

  if (done)
    return (
      <AuthFrame title={t('reset.confirmTitle')}>
        <Notice>{t('reset.done')}</Notice>
        <p className="auth-links">
          <Link to="/login">{t('setup.goToLogin')}</Link>
        </p>
      </AuthFrame>
    );

  return (
    <AuthFrame title={t('reset.confirmTitle')}>
      <form className="form" onSubmit={submit}>
        <FormError error={confirm.error} fields={['password']} />
        <PasswordPair
          label={t('reset.newPassword')}
          repeatLabel={t('reset.repeatPassword')}
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          error={fieldErrors(confirm.error).password}
          showMismatch={checked}
        />
        <button type="submit" className="btn btn-primary" disabled={confirm.pending}>
          {t('reset.confirmSubmit')}
        </button>
      </form>
      <p className="auth-links">
        <Link to="/reset-password">{t('reset.requestNew')}</Link> · <Link to="/login">{t('reset.backToLogin')}</Link>
      </p>
    </AuthFrame>
  );
}
