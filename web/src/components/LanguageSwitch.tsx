import { api } from '../endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { LOCALES, type Locale } from '../types.ts';

/** RU / EN toggle. Signed-in users also get the choice saved to their account (emails, reports). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const { state, setUser } = useSession();

  const choose = (next: Locale) => {
    if (next === lang) return;
    setLang(next);
    if (state.status === 'authenticated' && state.user.locale !== next) {
      // Best effort: the interface switches either way; a lost session is handled by the API client.
      api.updateMe({ locale: next }).then((r) => setUser(r.user), () => undefined);
    }
  };

  return (
    <div role="group" aria-label={t('header.language')} className="lang-switch">
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => choose(l)} title={t(`locale.${l}`)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
