import { DomainError } from '../domain/errors.ts';

/** Shorthands for the errors use cases raise. Codes are listed with their HTTP status in src/http/errorCodes.ts. */
export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (why = 'You are not allowed to do this') => new DomainError('forbidden', why);
export const conflict = (code: string, message: string, details?: unknown) => new DomainError(code, message, details);
export const invalid = (code: string, message: string, details?: unknown) => new DomainError(code, message, details);
