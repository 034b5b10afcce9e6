import { useI18n } from '../i18n/index.tsx';
import { TextField } from './Field.tsx';

export { PASSWORD_MIN_LENGTH } from '../../../src/domain/passwordPolicy.ts';
import { PASSWORD_MIN_LENGTH } from '../../../src/domain/passwordPolicy.ts';

interface Props {
  label: string;
  repeatLabel: string;
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  /** The server's message about the password, if any. */
  error?: string | undefined;
  /** Set by the form once it has checked the pair on submit. */
  showMismatch: boolean;
}

/** A new password typed twice; the mismatch is caught here, strength is judged by the server. */
export function PasswordPair({ label, repeatLabel, password, repeat, onPassword, onRepeat, error, showMismatch }: Props) {
  const { t } = useI18n();
  const mismatch = showMismatch && password !== repeat;
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={error}
      />
      <TextField
        label={repeatLabel}
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(e) => onRepeat(e.target.value)}
        error={mismatch ? t('error.passwordsDiffer') : undefined}
      />
    </>
  );
}
