import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** The plaintext token, shown once: a warning, the value, a copy button. */
export function NewTokenSecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useI18n();
  return <OneTimeSecret title={t('tokens.secretTitle', { name })} warning={t('tokens.secretWarning')} label={t('tokens.secretLabel')} value={secret} onDone={onDone} />;
}
