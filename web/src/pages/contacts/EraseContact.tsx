import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Erasing is for good: say exactly what happens before the button that does it. */
export function EraseContact({ onErase }: { onErase: () => Promise<unknown> }) {
  const { t } = useI18n();
  return (
    <section className="card card-danger" aria-labelledby="erase-title">
      <h2 id="erase-title">{t('contacts.eraseTitle')}</h2>
      <p>{t('contacts.eraseExplain')}</p>
      <ConfirmButton label={t('contacts.erase')} action={t('contacts.eraseAction')} question={t('contacts.confirmErase')} onConfirm={onErase} />
    </section>
  );
}
