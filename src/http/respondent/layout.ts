import { createHash } from 'node:crypto';
import { LANGUAGE_NAMES, uiText } from '../../i18n/respondent.ts';
import { html, raw, type Html } from './html.ts';

/** Mobile-first, no web fonts, no images: the page must stay far below 50 KB on a slow phone. */
const CSS = `*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f5f7}main{max-width:40rem;margin:0 auto;padding:1rem}.card{background:#fff;border-radius:.75rem;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}h1{font-size:1.35rem;line-height:1.3;margin:0 0 1rem}nav{display:flex;gap:.75rem;justify-content:flex-end;margin-bottom:.75rem;font-size:.9rem}a{color:#0b57d0}a[aria-current]{color:#1a1a1a;font-weight:600;text-decoration:none}progress{width:100%;height:.5rem;margin:.25rem 0 1rem;accent-color:#0b57d0}.step{font-size:.9rem;color:#4a4a4a;margin:0}fieldset{border:0;padding:0;margin:0 0 1.5rem;min-width:0}legend,.q{font-weight:600;font-size:1.1rem;padding:0;margin-bottom:.75rem;display:block}.hint{font-size:.9rem;color:#4a4a4a;margin:.25rem 0 .5rem}.scale{display:grid;grid-template-columns:repeat(auto-fit,minmax(2.6rem,1fr));gap:.35rem}.pt{position:relative}.pt input{position:absolute;opacity:0;width:100%;height:100%;margin:0;cursor:pointer}.pt span{display:block;text-align:center;padding:.6rem 0;border:2px solid #767676;border-radius:.5rem;background:#fff;font-weight:600}.pt input:checked+span{background:#0b57d0;border-color:#0b57d0;color:#fff}.pt input:focus-visible+span{outline:3px solid #e8710a;outline-offset:2px}.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.85rem;color:#4a4a4a;margin-top:.35rem}.opt{display:flex;gap:.6rem;align-items:flex-start;padding:.4rem 0}.opt input{width:1.25rem;height:1.25rem;margin-top:.15rem}textarea,input[type=number]{width:100%;font:inherit;padding:.6rem;border:2px solid #767676;border-radius:.5rem}textarea{min-height:7rem}textarea:focus,input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #e8710a;outline-offset:2px}button{font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:.5rem;padding:.75rem 1.5rem;width:100%;cursor:pointer}.err{color:#b3261e;font-weight:600;margin:.25rem 0}.alert{border-left:4px solid #b3261e;background:#fdecea;padding:.75rem;margin-bottom:1rem}.hp{display:none}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}dl{margin:0 0 1.5rem}dt{font-weight:600;margin-top:.75rem}dd{margin:0}@media(min-width:40rem){main{padding:2rem 1rem}button{width:auto}}`;

const CSS_HASH = createHash('sha256').update(CSS).digest('base64');

/** No script at all; only this page's own stylesheet; forms post back to us; never framed. */
export const RESPONDENT_CSP = `default-src 'none'; style-src 'sha256-${CSS_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

export interface LayoutOptions {
  lang: string;
  title: string;
  body: Html;
  /** The survey's languages and how to link to the same page in each (null: no switch). */
  switcher?: { languages: readonly string[]; href: (lang: string) => string } | null;
}

export function layout({ lang, title, body, switcher }: LayoutOptions): string {
  const t = uiText(lang);
  const languageNav =
    switcher && switcher.languages.length > 1
      ? html`<nav aria-label="${t.languageSwitch}">${switcher.languages.map((l) =>
          l === lang
            ? html`<a href="${switcher.href(l)}" lang="${l}" hreflang="${l}" aria-current="true">${LANGUAGE_NAMES[l] ?? l}</a>`
            : html`<a href="${switcher.href(l)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l] ?? l}</a>`,
        )}</nav>`
      : null;
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>${raw(CSS)}</style></head><body><main>${languageNav}<div class="card">${body}</div></main></body></html>`.value;
}
