import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/passwordPolicy.ts';

/** Building blocks shared by route schemas. */
export const uuid = z.uuid();
export const locale = z.enum(['ru', 'en']);
export const email = z.email().max(254).transform((e) => e.trim());
export const password = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(PASSWORD_MAX_LENGTH);
export const isoDate = z.iso.datetime({ offset: true });
export const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Moscow');
export const region = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as RU');

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string().optional(), message: z.string() })).optional(),
  })
  .describe('Problem details (RFC 9457), content type application/problem+json');

/** The error responses every authenticated route may give, for the OpenAPI document. */
export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  429: problemSchema,
} as const;
