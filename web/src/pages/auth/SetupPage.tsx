import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { fieldErrors, setCsrfToken } from '../../api.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { FormError, LoadState } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Field.tsx';
import { PasswordPair } from '../../components/PasswordPair.tsx';
import { api } from '../../endpoints.ts';
import { useAction, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';

/** `/setup?token=…`: creates the first owner, using the one-time token the server logged at start. */
export function SetupPage() {
  const { t, lang } = useI18n();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useLoad(() => api.setupStatus(), []);
  const [form, setForm] = useState({ email: '', name: '', password: '', repeat: '' });
  const [checked, setChecked] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const setup = useAction(async () => {
    const created = await api.setup({ token, email: form.email, name: form.name, password: form.password });
    // The contract promises only the user; without a CSRF token in the answer, /auth/me supplies it.
    const session = created.csrfToken ? { user: created.user, csrfToken: created.csrfToken } : await api.me();
    if (session.user.locale === lang) return session;
    // The owner set up Voxpop in this language: keep it rather than switch to the account default.
    setCsrfToken(session.csrfToken);
    const { user } = await api.updateMe({ locale: lang });
    return { user, csrfToken: session.csrfToken };
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (form.password !== form.repeat) return;
    const session = await setup.run();
    if (session) {
      signedIn(session);
      navigate('/', { replace: true });
    }
  };

  const title = t('setup.title');
  if (!status.data) return <AuthFrame title={title}><LoadState loading={status.loading} error={status.error} reload={status.reload} /></AuthFrame>;
  if (!status.data.needed || !token)
    return (
      <AuthFrame title={title}>
        <p className="alert alert-info">{status.data.needed ? t('setup.noToken') : t('setup.notNeeded')}</p>
        <p className="auth-links">
          <Link to="/login">{t('setup.goToLogin')}</Link>
        </p>
      </AuthFrame>
    );

  const errors = fieldErrors(setup.error);
  return (
    <AuthFrame title={title}>
      <p>{t('setup.intro')}</p>
      <form className="form" onSubmit={submit}>
        <FormError error={setup.error} fields={['email', 'name', 'password']} />
        <TextField
          label={t('common.email')}
          type="email"
          autoComplete="username"
          required
          value={form.email}
          onChange={(e) => set('email')(e.target.value)}
          error={errors.email}
        />
        <TextField
          label={t('common.name')}
          autoComplete="name"
          required
          value={form.name}
          onChange={(e) => set('name')(e.target.value)}
          error={errors.name}
        />
        <PasswordPair
          label={t('setup.password')}
          repeatLabel={t('setup.repeatPassword')}
          password={form.password}
          repeat={form.repeat}
          onPassword={set('password')}
          onRepeat={set('repeat')}
          error={errors.password}
          showMismatch={checked}
        />
        <button type="submit" className="btn btn-primary" disabled={setup.pending}>
          {t('setup.submit')}
        </button>
      </form>
    </AuthFrame>
  );
}
