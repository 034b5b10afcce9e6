import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../../api.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { FormError, Notice } from '../../components/Feedback.tsx';
import { TextField } from '../../components/Field.tsx';
import { api } from '../../endpoints.ts';
import { useAction } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Asks for a reset link. The server answers 202 whether or not the email exists. */
export function ResetRequestPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const send = useAction(async () => {
    await api.requestPasswordReset(email);
    return true;
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await send.run()) setSent(true);
  };

  return (
    <AuthFrame title={t('reset.title')}>
      {sent ? (
        <Notice>{t('reset.sent')}</Notice>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>{t('reset.intro')}</p>
          <FormError error={send.error} fields={['email']} />
          <TextField
            label={t('common.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldErrors(send.error).email}
          />
          <button type="submit" className="btn btn-primary" disabled={send.pending}>
            {t('reset.submit')}
          </button>
        </form>
      )}
      <p className="auth-links">
        <Link to="/login">{t('reset.backToLogin')}</Link>
      </p>
    </AuthFrame>
  );
}
