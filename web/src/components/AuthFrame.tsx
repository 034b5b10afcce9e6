import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n/index.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The frame of the signed-out pages: brand, language switch and one centred card. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <div className="auth-page">
      <header className="auth-top">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="card auth-card">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
