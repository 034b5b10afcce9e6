import type { AnswerValue, Answers } from '../../domain/surveys/answer.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import { localize } from '../../domain/surveys/localizedText.ts';
import type { Question } from '../../domain/surveys/question.ts';
import { uiText } from '../../i18n/respondent.ts';
import { html, type Html } from './html.ts';
import { layout } from './layout.ts';
import { questionField } from './questionFields.ts';

export interface PageFrame {
  lang: string;
  definition: SurveyDefinition;
  /** The same page in another language. */
  hrefFor: (lang: string) => string;
}

const frame = (f: PageFrame, title: string, body: Html) =>
  layout({ lang: f.lang, title, body, switcher: { languages: f.definition.languages, href: f.hrefFor } });

export interface QuestionPageInput extends PageFrame {
  action: string;
  questions: Question[];
  values: Readonly<Record<string, unknown>>;
  errors: Readonly<Record<string, string>>;
  progress: { step: number; total: number };
  pageToken: string;
  /** Whether a question may follow this page (depending on the answers): the button says Next, else Send. */
  mayContinue: boolean;
  notice?: string | null;
}

export function questionPage(p: QuestionPageInput): string {
  const t = uiText(p.lang);
  const fallback = p.definition.defaultLanguage;
  const hasErrors = Object.keys(p.errors).length > 0;
  const title = localize(p.questions[0]!.label, p.lang, fallback) ?? t.next;
  const alert = p.notice ?? (hasErrors ? t.errorSummary : null);
  const body = html`<p class="step">${t.progress(p.progress.step, p.progress.total)}</p><progress max="${p.progress.total}" value="${p.progress.step - 1}" aria-hidden="true"></progress>${
    alert ? html`<div class="alert" role="alert">${alert}</div>` : null
  }<form method="post" action="${p.action}" novalidate>${p.questions.map((question) =>
    questionField(question, { lang: p.lang, fallback, value: p.values[question.id], error: p.errors[question.id] ?? null }),
  )}<input type="hidden" name="_page" value="${p.questions.map((q) => q.id).join(',')}"><input type="hidden" name="_token" value="${p.pageToken}"><input type="hidden" name="lang" value="${p.lang}"><div class="hp"><label for="f-website">${t.honeypot}</label><input id="f-website" name="website" tabindex="-1" autocomplete="off"></div><button type="submit">${p.mayContinue ? t.next : t.finish}</button></form>`;
  return frame(p, title, body);
}

export function thanksPage(f: PageFrame & { changeHref: string | null }): string {
  const t = uiText(f.lang);
  const text = localize(f.definition.thankYou, f.lang, f.definition.defaultLanguage) ?? t.thankYouTitle;
  return frame(f, t.thankYouTitle, html`<h1>${t.thankYouTitle}</h1><p>${text}</p>${f.changeHref ? html`<p><a href="${f.changeHref}">${t.changeAnswers}</a></p>` : null}`);
}

export function summaryPage(f: PageFrame & { questions: Question[]; answers: Answers; changeHref: (questionId: string) => string }): string {
  const t = uiText(f.lang);
  const fallback = f.definition.defaultLanguage;
  const items = f.questions.map((question) => {
    const label = localize(question.text, f.lang, fallback) ?? question.id;
    return html`<dt>${label}</dt><dd>${answerText(question, f.answers[question.id], f.lang, fallback)} · <a href="${f.changeHref(question.id)}">${t.change}<span class="sr"> ${label}</span></a></dd>`;
  });
  return frame(f, t.summaryTitle, html`<h1>${t.summaryTitle}</h1><p>${t.summaryIntro}</p><dl>${items}</dl>`);
}

function answerText(question: Question, value: AnswerValue | null | undefined, lang: string, fallback: string): string {
  const t = uiText(lang);
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t.noAnswer;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if ('options' in question) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => localize(question.options.find((o) => o.id === id)?.label, lang, fallback) ?? String(id)).join(', ');
  }
  if (typeof value === 'object' && !Array.isArray(value)) return value.transcript ?? '—';
  return String(value);
}

/** A page that only says something: not found, expired, closed, too many requests. */
export function messagePage(lang: string, title: string, text: string): string {
  return layout({ lang, title, body: html`<h1>${title}</h1><p>${text}</p>` });
}
