import { expect } from 'vitest';
import { DomainError } from '../../../src/domain/errors.ts';

/** Asserts that `run` throws a DomainError with the given stable code. */
export function expectDomainError(run: () => unknown, code: string): DomainError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(code);
    expect((err as DomainError).message.length).toBeGreaterThan(0);
    return err as DomainError;
  }
  throw new Error(`expected a DomainError with code ${code}, but nothing was thrown`);
}
