// The one way the SPA talks to the server: JSON over fetch, session cookie,
// CSRF header on writes, problem+json errors turned into ApiError.
import type { Locale } from './types.ts';

export const API_BASE = '/api/v1';

export interface FieldError {
  /** Dotted path of the offending input, e.g. `email` or `memberships.0.role`. */
  path: string;
  /** The problem's own code where it has one (`dimension.reserved_key`, zod's `too_small` …). */
  code?: string;
  message: string;
}

/** An RFC 9457 problem from the server, or a stand-in when the request never got one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  /** Localised by the server for people; null when the response carried none. */
  readonly detail: string | null;
  readonly errors: FieldError[];
  readonly requestId: string | null;

  constructor(init: { status: number; code: string; title?: string; detail?: string | null; errors?: FieldError[]; requestId?: string | null }) {
    super(init.detail ?? init.title ?? init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title ?? '';
    this.detail = init.detail ?? null;
    this.errors = (init.errors ?? []).map((e) => ({ ...e, path: normalizePath(e.path) }));
    this.requestId = init.requestId ?? null;
  }
}

/** Status 0: the server could not be reached at all. */
export const NETWORK_ERROR = 'network';

// Kept in memory only: a token in storage would outlive the session it belongs to.
let csrfToken: string | null = null;
let language: Locale = 'en';
let onUnauthorized: () => void = () => {};

export const setCsrfToken = (token: string | null) => void (csrfToken = token);
export const setApiLanguage = (lang: Locale) => void (language = lang);
export const setUnauthorizedHandler = (handler: () => void) => void (onUnauthorized = handler);

export interface RequestOptions {
  /** Treat a 401 as "the session is gone" and send the user to /login. Off for login itself. */
  redirectOn401?: boolean;
}

export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = await toApiError(response);
  if (error.status === 401 && options.redirectOn401 !== false) {
    csrfToken = null;
    onUnauthorized();
  }
  throw error;
}

/** POSTs a file as the raw request body (large imports are streamed by the server, never JSON-wrapped). */
export async function upload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
    'content-type': contentType,
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(API_BASE + path, { method: 'POST', headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }
  if (response.ok) return (await response.json()) as T;
  const error = await toApiError(response);
  if (error.status === 401) {
    csrfToken = null;
    onUnauthorized();
  }
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Partial<{ title: string; code: string; detail: string; errors: FieldError[]; requestId: string }>;
      return new ApiError({
        status: response.status,
        code: problem.code ?? `http_${response.status}`,
        title: problem.title,
        detail: problem.detail ?? null,
        errors: Array.isArray(problem.errors) ? problem.errors : [],
        requestId: problem.requestId ?? response.headers.get('x-request-id'),
      });
    } catch {
      // Fall through: a body that claims JSON but is not.
    }
  }
  return new ApiError({ status: response.status, code: `http_${response.status}`, requestId: response.headers.get('x-request-id') });
}

/** `/email`, `body.email` and `email` all name the same input. */
function normalizePath(path: unknown): string {
  const raw = Array.isArray(path) ? path.join('.') : String(path ?? '');
  return raw.replace(/^\//, '').replaceAll('/', '.').replace(/^body\./, '');
}

/** Field errors keyed by path, for showing each message next to its input. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const byPath: Record<string, string> = {};
  for (const e of error.errors) byPath[e.path] ??= e.message;
  return byPath;
}
