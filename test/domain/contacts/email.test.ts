import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../src/domain/contacts/index.ts';

describe('normalizeEmail', () => {
  it('trims and lower-cases the domain, keeping the local part as written', () => {
    expect(normalizeEmail('  Ivan.Petrov@Mail.RU ')).toEqual({ ok: true, email: 'Ivan.Petrov@mail.ru' });
  });

  it('accepts the forms exports contain: plus tags, mailto: links, Cyrillic domains (stored as punycode)', () => {
    expect(normalizeEmail('anna+survey@example.co.uk')).toEqual({ ok: true, email: 'anna+survey@example.co.uk' });
    expect(normalizeEmail('mailto:a@b.co')).toEqual({ ok: true, email: 'a@b.co' });
    expect(normalizeEmail('ivan@почта.рф')).toEqual({ ok: true, email: 'ivan@xn--80a1acny.xn--p1ai' });
  });

  it.each([
    ['', 'empty'],
    ['a@b.ru; c@d.ru', 'several_addresses'],
    ['a@b', 'format'],
    ['a@@b.ru', 'format'],
    ['a b@c.ru', 'format'],
    ['ivan@mail,ru', 'format'],
    ['.a@b.ru', 'format'],
    ['a..b@c.ru', 'format'],
    ['a@-b.ru', 'format'],
    ['a@b.ru.', 'format'],
    ['иван@mail.ru', 'format'],
    ['a@почта.рф/x', 'format'],
    [`${'a'.repeat(65)}@b.ru`, 'too_long'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(normalizeEmail(raw)).toEqual({ ok: false, reason });
  });
});
