/**
 * The one error type the application raises on purpose. `code` is stable and
 * machine-readable (clients switch on it); `message` is for people (English,
 * the HTTP layer localises by code). The code → HTTP status table lives in
 * src/http/errorCodes.ts.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
