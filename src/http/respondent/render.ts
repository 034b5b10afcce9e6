import type { FastifyRequest } from 'fastify';
import { pageToken } from '../../app/respondent/handles.ts';
import type { Respondent } from '../../app/respondent/openRespondent.ts';
import type { SurveyDefinition } from '../../domain/surveys/definition.ts';
import type { Question } from '../../domain/surveys/question.ts';
import { isAskableOnScreen } from '../../domain/surveys/respondentFlow.ts';
import type { AnswerProblem } from '../../domain/surveys/validateAnswers.ts';
import { problemText, uiText } from '../../i18n/respondent.ts';
import { messagePage, questionPage, summaryPage, thanksPage, type PageFrame } from './pages.ts';
import type { Screen } from './screens.ts';

/** Where a respondent's pages live: `/s/<token or handle>`, or `/f/<slug>` before the first page is sent. */
export const basePath = (respondent: Respondent) => (respondent.handle ? `/s/${respondent.handle}` : `/f/${respondent.feedbackLink!.slug}`);

/** The key the page token is made with: the link's secret, or the public slug on a feedback link's first page. */
export const tokenKey = (respondent: Respondent) => respondent.handle ?? `f:${respondent.feedbackLink!.slug}`;

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The language of the page: asked for in the link, else the one the
 * respondent last answered in, the invitation's, the browser's, the survey's default.
 */
export function pageLanguage(req: FastifyRequest, respondent: Respondent, asked: string | undefined): string {
  const { languages, defaultLanguage } = respondent.version.definition;
  const browser = String(req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase().split('-')[0]!);
  const candidates = [asked, respondent.response?.language, respondent.invitation?.language, ...browser];
  return candidates.find((l): l is string => typeof l === 'string' && languages.includes(l)) ?? defaultLanguage;
}

/** A language for pages without a survey (not found, expired …): the browser's, Russian or English. */
export function fallbackLanguage(req: FastifyRequest, asked: unknown): 'ru' | 'en' {
  if (asked === 'ru' || asked === 'en') return asked;
  return String(req.headers['accept-language'] ?? '').trim().toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** Any question a screen can ask after the page, shown or not yet: a low score may still open a follow-up. */
function mayContinue(definition: SurveyDefinition, page: readonly Question[]): boolean {
  const lastIndex = Math.max(...page.map((q) => definition.questions.indexOf(q)));
  return definition.questions.slice(lastIndex + 1).some(isAskableOnScreen);
}

export interface RenderOptions {
  lang: string;
  query: Record<string, string | undefined>;
  problems?: AnswerProblem[];
  notice?: string | null;
}

export function renderScreen(respondent: Respondent, screen: Screen, o: RenderOptions): string {
  const path = basePath(respondent);
  const { definition } = respondent.version;
  const frame: PageFrame = { lang: o.lang, definition, hrefFor: (lang) => withQuery(path, { ...o.query, lang }) };
  if (screen.kind === 'thanks') return thanksPage({ ...frame, changeHref: respondent.handle ? withQuery(path, { lang: o.lang }) : null });
  if (screen.kind === 'summary') {
    return summaryPage({ ...frame, questions: screen.questions, answers: screen.answers, changeHref: (q) => withQuery(path, { q, lang: o.lang }) });
  }
  const errors: Record<string, string> = {};
  for (const problem of o.problems ?? []) {
    errors[problem.questionId] ??= problemText(o.lang, problem.code, (problem.details ?? {}) as Record<string, unknown>);
  }
  return questionPage({
    ...frame,
    action: path,
    questions: screen.questions,
    values: screen.values,
    errors,
    progress: screen.progress,
    pageToken: pageToken(tokenKey(respondent), screen.questions.map((q) => q.id)),
    mayContinue: mayContinue(definition, screen.questions),
    notice: o.notice ?? null,
  });
}

const MESSAGES: Record<string, { status: number; title: 'notFoundTitle' | 'expiredTitle' | 'pausedTitle' | 'closedTitle' | 'tooManyTitle' | 'errorTitle' }> = {
  not_found: { status: 404, title: 'notFoundTitle' },
  'respondent.link_expired': { status: 410, title: 'expiredTitle' },
  'respondent.survey_paused': { status: 410, title: 'pausedTitle' },
  'respondent.survey_closed': { status: 410, title: 'closedTitle' },
  rate_limited: { status: 429, title: 'tooManyTitle' },
};

/** The friendly page for an error code, with its status. */
export function errorPage(code: string, lang: string): { status: number; body: string } {
  const entry = MESSAGES[code] ?? { status: 500, title: 'errorTitle' as const };
  const t = uiText(lang);
  const textKey = entry.title.replace('Title', 'Text') as 'notFoundText';
  return { status: entry.status, body: messagePage(lang, t[entry.title], t[textKey]) };
}
