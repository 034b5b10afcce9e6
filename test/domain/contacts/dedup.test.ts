import { describe, expect, it } from 'vitest';
import { createDuplicateTracker, dedupKeys, detectDuplicatesInFile } from '../../../src/domain/contacts/index.ts';

describe('dedupKeys', () => {
  it('lists external id, phone, then email (case-folded)', () => {
    expect(dedupKeys({ externalId: 'A1', phone: '+79991234567', email: 'Ivan@Mail.ru' })).toEqual([
      { kind: 'externalId', value: 'A1' },
      { kind: 'phone', value: '+79991234567' },
      { kind: 'email', value: 'ivan@mail.ru' },
    ]);
    expect(dedupKeys({ email: 'a@b.ru' })).toEqual([{ kind: 'email', value: 'a@b.ru' }]);
  });
});

describe('createDuplicateTracker', () => {
  it('reports the first line a contact repeats, and by which key', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check({ externalId: 'A1', phone: '+79991234567' }, 2)).toBeNull();
    expect(tracker.check({ externalId: 'A1', phone: '+79990000000' }, 5)).toEqual({ line: 2, by: 'externalId' });
    expect(tracker.check({ phone: '+79991234567' }, 6)).toEqual({ line: 2, by: 'phone' });
    expect(tracker.check({ email: 'X@b.ru' }, 7)).toBeNull();
    expect(tracker.check({ email: 'x@B.ru'.toLowerCase() }, 8)).toEqual({ line: 7, by: 'email' });
  });

  it('treats two different external ids as two people even when they share a phone', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check({ externalId: 'A1', phone: '+79991234567' }, 2)).toBeNull();
    expect(tracker.check({ externalId: 'A2', phone: '+79991234567' }, 3)).toBeNull();
  });

  it('matches a row with an external id to an earlier one without, by phone', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.check({ phone: '+79991234567' }, 2)).toBeNull();
    expect(tracker.check({ externalId: 'A1', phone: '+79991234567' }, 3)).toEqual({ line: 2, by: 'phone' });
  });

  it('remembers nothing of a duplicate, so later rows point at the first line', () => {
    const tracker = createDuplicateTracker();
    tracker.check({ phone: '+79991234567' }, 2);
    tracker.check({ phone: '+79991234567', email: 'new@b.ru' }, 3);
    expect(tracker.check({ email: 'new@b.ru' }, 4)).toBeNull();
    expect(tracker.size).toBe(2);
  });
});

describe('detectDuplicatesInFile', () => {
  it('passes every item through, marking repeats', async () => {
    async function* items() {
      yield { line: 2, contact: { phone: '+79991234567' } };
      yield { line: 4, contact: { phone: '+79991234567' } };
    }
    const seen = [];
    for await (const item of detectDuplicatesInFile(items())) seen.push([item.line, item.duplicateOf]);
    expect(seen).toEqual([
      [2, null],
      [4, { line: 2, by: 'phone' }],
    ]);
  });
});
