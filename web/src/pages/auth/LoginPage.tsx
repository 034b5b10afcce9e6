import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { fieldErrors } from '../../api.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { FormError } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Field.tsx';
import { api } from '../../endpoints.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { state, signedIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const setup = useLoad(() => api.setupStatus(), []);
  const login = useAction(() => api.login({ email, password }));

  if (state.status === 'authenticated') {
    const from = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={typeof from === 'string' && from.startsWith('/') ? from : '/'} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const session = await login.run();
    if (session) signedIn(session);
  };

  const errors = fieldErrors(login.error);
  return (
    <AuthFrame title={t('login.title')}>
      {setup.data?.needed && <p className="alert alert-info">{t('login.setupNeeded')}</p>}
      <form onSubmit={submit} className="form">
        <FormError error={login.error} fields={['email', 'password']} />
        <TextField
          label={t('common.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <TextField
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <button type="submit" className="btn btn-primary" disabled={login.pending}>
          {login.pending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="auth-links">
        <Link to="/reset-password">{t('login.forgot')}</Link>
      </p>
    </AuthFrame>
  );
}
