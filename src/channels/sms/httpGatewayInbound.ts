import { DomainError } from '../../domain/errors.ts';
import { DEFAULT_PHONE_REGION, normalizePhone } from '../../domain/contacts/phone.ts';
import type { IncomingSms } from './port.ts';

/**
 * Incoming SMS that an HTTP gateway POSTs to a URL of ours. Every gateway
 * names the fields its own way, so where they are is configuration: a JSON
 * body is read by dotted paths (`message.from`, `messages.0.text`), a
 * form-encoded one by field names (a dotted path too, for frameworks that
 * parse `a[b]=…` into objects).
 */
export interface InboundSmsMapping {
  from: string;
  to?: string;
  text: string;
  /** Absent, or absent from a request: the time it was parsed. */
  at?: string;
}

export interface InboundSmsOptions {
  /** How numbers without a country code are read (as in contact import). */
  defaultRegion?: string;
  now?: () => Date;
}

type Field = keyof InboundSmsMapping;

/**
 * Read one incoming SMS from a gateway's request body: a string or octets as
 * received, or an object a body parser already made. Throws DomainError
 * `validation` naming the field that is missing or unreadable, so a wrong
 * mapping shows up on the first message.
 */
export function parseInboundSms(body: unknown, contentType: string, mapping: InboundSmsMapping, options: InboundSmsOptions = {}): IncomingSms {
  const lookup = readBody(body, contentType);
  const region = options.defaultRegion ?? DEFAULT_PHONE_REGION;

  const from = scalar(lookup, mapping, 'from').trim();
  if (from === '') throw invalid('from', mapping, `The sender field "${mapping.from}" is empty.`);
  const to = mapping.to === undefined ? '' : scalar(lookup, mapping, 'to').trim();
  const text = scalar(lookup, mapping, 'text');
  const atValue = mapping.at === undefined ? undefined : lookup(mapping.at);
  const at = atValue === undefined || atValue === null || atValue === '' ? (options.now ?? (() => new Date()))() : parseTime(atValue, mapping);

  return { from: phoneOrAsGiven(from, region), to: to === '' ? '' : phoneOrAsGiven(to, region), text, at };
}

type Lookup = (path: string) => unknown;

function readBody(body: unknown, contentType: string): Lookup {
  const mime = contentType.split(';', 1)[0]!.trim().toLowerCase();
  const raw = typeof body === 'string' ? body : body instanceof Uint8Array ? Buffer.from(body).toString('utf8') : undefined;

  if (mime === 'application/x-www-form-urlencoded') {
    if (raw !== undefined) return formLookup(new URLSearchParams(raw));
    if (body instanceof URLSearchParams) return formLookup(body);
    if (isRecord(body)) return objectLookup(body);
    throw new DomainError('validation', 'The form-encoded body of the incoming SMS is empty or unreadable.', { field: 'body' });
  }
  if (mime === 'application/json' || mime === 'text/json' || mime.endsWith('+json')) {
    let value = body;
    if (raw !== undefined) {
      try {
        value = JSON.parse(raw);
      } catch {
        throw new DomainError('validation', 'The body of the incoming SMS is not valid JSON.', { field: 'body' });
      }
    }
    if (!isRecord(value) && !Array.isArray(value)) throw new DomainError('validation', 'The JSON body of the incoming SMS is not an object.', { field: 'body' });
    return objectLookup(value);
  }
  // A framework may have parsed a type we do not name; an object is as good as JSON.
  if (raw === undefined && isRecord(body)) return objectLookup(body);
  throw new DomainError('validation', `Incoming SMS must be JSON or form-encoded, not "${mime || 'no content type'}".`, { field: 'contentType' });
}

function formLookup(params: URLSearchParams): Lookup {
  return (name) => params.get(name) ?? undefined;
}

/** The exact key first (field names may contain dots), then the dotted path. */
function objectLookup(root: unknown): Lookup {
  return (path) => {
    if (isRecord(root) && path in root) return firstOf(root[path]);
    let current: unknown = root;
    for (const key of path.split('.')) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return firstOf(current);
  };
}

/** A repeated form field arrives as an array from some parsers; the first value is the field. */
function firstOf(value: unknown): unknown {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value[0] : value;
}

function scalar(lookup: Lookup, mapping: InboundSmsMapping, field: Field): string {
  const path = mapping[field]!;
  const value = lookup(path);
  if (value === undefined || value === null) throw invalid(field, mapping, `The incoming SMS has no "${path}" (mapped to ${field}).`);
  if (typeof value === 'string') return value;
  // Gateways send numbers as JSON numbers now and then (79161234567).
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw invalid(field, mapping, `"${path}" (mapped to ${field}) must be a string, not ${Array.isArray(value) ? 'an array' : typeof value}.`);
}

function invalid(field: Field, mapping: InboundSmsMapping, message: string): DomainError {
  return new DomainError('validation', message, { field, path: mapping[field] });
}

/**
 * E.164 when the number is valid, read with the default region; digits alone
 * ("447911123456") are also tried as international. Short codes and
 * alphanumeric senders stay as given.
 */
function phoneOrAsGiven(value: string, region: string): string {
  const asGiven = normalizePhone(value, region);
  if (asGiven.ok) return asGiven.e164;
  if (/^\d{8,15}$/.test(value)) {
    const international = normalizePhone(`+${value}`, region);
    if (international.ok) return international.e164;
  }
  return value;
}

/** Seconds or milliseconds since 1970 (a number, or digits), or a date string; no zone means UTC. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
/** Timestamps below this are seconds: 10¹¹ s is the year 5138, 10¹¹ ms is 1973. */
const SECONDS_BELOW = 1e11;

function parseTime(value: unknown, mapping: InboundSmsMapping): Date {
  let date: Date | null = null;
  const epoch = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value) : null;
  if (epoch !== null) {
    date = new Date(epoch < SECONDS_BELOW ? epoch * 1000 : epoch);
  } else if (typeof value === 'string') {
    const text = value.trim();
    date = new Date(LOCAL_DATE_TIME.test(text) ? `${text.replace(' ', 'T')}Z` : text);
  }
  if (!date || Number.isNaN(date.getTime())) throw invalid('at', mapping, `"${mapping.at}" (mapped to at) is not a time: ${JSON.stringify(value)}.`);
  return date;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof URLSearchParams);
}
