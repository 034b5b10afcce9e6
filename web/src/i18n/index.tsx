// A small typed i18n: two dictionaries, `{param}` interpolation, Intl for numbers and dates.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api.ts';
import { LOCALES, type Locale } from '../types.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { ru } from './ru.ts';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Messages> = { en, ru };
const STORAGE_KEY = 'voxpop.language';

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

function storedLanguage(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage disabled: fall back to the browser's language
  }
}

function browserLanguage(): Locale {
  return navigator.languages.some((l) => l.toLowerCase().startsWith('ru')) ? 'ru' : 'en';
}

export interface I18n {
  lang: Locale;
  /** The user chose a language: remember it on this device. */
  setLang: (lang: Locale) => void;
  /** The account's language, used only when the user never chose one on this device. */
  adoptLanguage: (lang: Locale) => void;
  t: Translate;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatDateTime: (iso: string | null) => string;
  formatDate: (iso: string | null) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Locale>(() => storedLanguage() ?? browserLanguage());
  setApiLanguage(lang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across reloads; the choice still applies now.
    }
    setLangState(next);
  }, []);

  const adoptLanguage = useCallback((next: Locale) => {
    if (storedLanguage() === null) setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = dictionaries[lang];
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    const none = messages['common.none'];
    return {
      lang,
      setLang,
      adoptLanguage,
      t: (key, params) =>
        params ? messages[key].replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : messages[key],
      formatNumber: (value, options) => new Intl.NumberFormat(lang, options).format(value),
      formatDateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : none),
      formatDate: (iso) => (iso ? date.format(new Date(iso)) : none),
    };
  }, [lang, setLang, adoptLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
