/**
 * The public JSON API (/api/public/v1), as the widget and the chat page use
 * it: read the survey behind a personal token or a feedback link, save
 * answers as the respondent goes. A feedback link's response is started by its
 * first answer; from then on it is addressed by the returned token.
 */
import type { z } from 'zod';
import type { PublicResponseState, PublicSurveyView } from '../../../src/http/respondent/publicPresent.ts';
import type { Strings } from './i18n.ts';

export type PublicSurvey = z.infer<typeof PublicSurveyView>;
export type PublicQuestion = PublicSurvey['questions'][number];
export type ResponseState = z.infer<typeof PublicResponseState>;
export type Value = number | boolean | string | string[];
export type Surface = 'widget' | 'chat';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/** What to tell the respondent about a failed call. */
export function problemText(err: unknown, t: Strings): string {
  const code = err instanceof ApiError ? err.code : '';
  if (code === 'respondent.invalid_answers') return t.invalid;
  if (code === 'rate_limited') return t.tooMany;
  if (code.startsWith('respondent.') || code === 'not_found') return t.closed;
  return t.failed;
}

export interface Link {
  /** The Voxpop server, e.g. https://survey.example.com */
  base: string;
  token: string | null;
  slug: string | null;
}

export function client(link: Link, surface: Surface) {
  let token = link.token;
  const api = `${link.base}/api/public/v1`;

  async function call<T>(path: string, body?: object): Promise<T> {
    const init: RequestInit = body
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit' }
      : { credentials: 'omit' };
    const res = await fetch(api + path, init);
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, String(json.code ?? 'internal'));
    return json as T;
  }

  const lang = (language: string | null) => (language ? `?lang=${encodeURIComponent(language)}` : '');

  return {
    load: (language: string | null) =>
      call<PublicSurvey>(token ? `/s/${encodeURIComponent(token)}${lang(language)}` : `/f/${encodeURIComponent(link.slug ?? '')}${lang(language)}`),

    /** Saves `answers` (laid over the stored ones); `final` completes the response. Returns null when there was nothing to store yet. */
    async save(answers: Record<string, Value>, final: boolean, language: string): Promise<ResponseState | null> {
      const body = { answers, final, language, channel: surface };
      if (token) return call<ResponseState>(`/s/${encodeURIComponent(token)}/answers`, body);
      // A visitor who skipped everything on a feedback link leaves no response behind.
      if (Object.keys(answers).length === 0) return null;
      const started = await call<ResponseState & { token: string }>(`/f/${encodeURIComponent(link.slug ?? '')}/responses`, body);
      token = started.token;
      return started;
    },
  };
}

export type Client = ReturnType<typeof client>;
