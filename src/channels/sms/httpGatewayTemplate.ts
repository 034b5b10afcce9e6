import { z } from 'zod';

/**
 * How one HTTP SMS gateway wants its request, as data: placeholders `{name}`
 * in the URL, headers and body are replaced per message. Message placeholders
 * are `{to}`, `{from}`, `{text}` and `{idempotencyKey}`; any other name must be
 * a key of the sender's `secrets` (e.g. `Authorization: Bearer {apiKey}`).
 */
export const HttpGatewayTemplate = z
  .object({
    method: z.enum(['POST', 'GET']),
    url: z.string().min(1),
    headers: z.record(z.string(), z.string()).optional(),
    /** Placeholders are JSON-escaped (json) or form-encoded (form); the template supplies quotes and `&`. */
    body: z.string().optional(),
    contentType: z.enum(['json', 'form', 'none']),
    /** Statuses that mean "accepted"; any 2xx when absent. */
    successStatus: z.array(z.number().int().min(200).max(299)).nonempty().optional(),
    /** Dotted path to the message id in a JSON reply, e.g. `result.id` or `messages.0.id`. */
    messageIdPath: z.string().min(1).optional(),
  })
  .refine((t) => !(t.method === 'GET' && t.body !== undefined), { message: 'A GET template cannot have a body.' });

export type HttpGatewayTemplate = z.infer<typeof HttpGatewayTemplate>;

export const MESSAGE_PLACEHOLDERS = ['to', 'from', 'text', 'idempotencyKey'] as const;
export type MessageValues = Record<(typeof MESSAGE_PLACEHOLDERS)[number], string>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

type Escape = (value: string) => string;

/** JSON string contents without the surrounding quotes: the template writes `"{text}"`. */
export const jsonEscape: Escape = (value) => JSON.stringify(value).slice(1, -1);
export const formEscape: Escape = (value) => encodeURIComponent(value);
const raw: Escape = (value) => value;

/** Every placeholder name a template uses, so a typo fails at start-up and not per message. */
export function placeholdersOf(template: HttpGatewayTemplate): Set<string> {
  const texts = [template.url, template.body ?? '', ...Object.values(template.headers ?? {})];
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return names;
}

export interface RenderedRequest {
  method: 'POST' | 'GET';
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

const CONTENT_TYPE = { json: 'application/json; charset=utf-8', form: 'application/x-www-form-urlencoded; charset=utf-8' };

/** Fill the template. `values` holds both message fields and secrets; names were checked up front. */
export function renderRequest(template: HttpGatewayTemplate, values: Record<string, string>): RenderedRequest {
  const fill = (text: string, escape: Escape) => text.replace(PLACEHOLDER, (_, name: string) => escape(values[name] ?? ''));
  const headers: Record<string, string> = {};
  if (template.body !== undefined && template.contentType !== 'none') headers['content-type'] = CONTENT_TYPE[template.contentType];
  for (const [name, value] of Object.entries(template.headers ?? {})) headers[name.toLowerCase()] = fill(value, raw);
  const bodyEscape = template.contentType === 'json' ? jsonEscape : template.contentType === 'form' ? formEscape : raw;
  return {
    method: template.method,
    url: fill(template.url, encodeURIComponent),
    headers,
    body: template.body === undefined ? undefined : fill(template.body, bodyEscape),
  };
}

/** Follow `a.b.0.c` into parsed JSON; numbers and strings count as ids. */
export function pickPath(value: unknown, path: string): string | undefined {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  if (typeof current === 'string' && current !== '') return current;
  if (typeof current === 'number') return String(current);
  return undefined;
}
