import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBounceRecipient, parseVerp, verpAddress } from '../../../src/domain/bounces/verp.ts';

const BOUNCE = 'bounces@mail.example.com';
const ID = '3f1c2a9e-7b4d-4e21-9c55-0a8d2e6f4b10';

describe('VERP addresses', () => {
  it('puts the attempt id after a plus in the local part', () => {
    expect(verpAddress(BOUNCE, ID)).toBe(`bounces+${ID}@mail.example.com`);
    expect(verpAddress(BOUNCE, ID.toUpperCase())).toBe(`bounces+${ID}@mail.example.com`);
  });

  it('gets the attempt id back, whatever the case of the domain, local part or id, with or without angle brackets', () => {
    expect(parseVerp(BOUNCE, `bounces+${ID}@mail.example.com`)).toBe(ID);
    expect(parseVerp(BOUNCE, `bounces+${ID.toUpperCase()}@MAIL.Example.COM`)).toBe(ID);
    expect(parseVerp(BOUNCE, `<Bounces+${ID}@mail.example.com>`)).toBe(ID);
    expect(parseVerp('Bounces@Mail.Example.com', `bounces+${ID}@mail.example.com`)).toBe(ID);
  });

  it('round-trips any UUID', () => {
    fc.assert(fc.property(fc.uuid(), (id) => parseVerp(BOUNCE, verpAddress(BOUNCE, id)) === id.toLowerCase()));
  });

  it('finds no attempt id in other addresses, bare bounce addresses or tags that are not UUIDs', () => {
    expect(parseVerp(BOUNCE, BOUNCE)).toBeNull();
    expect(parseVerp(BOUNCE, `bounces+${ID}@example.com`)).toBeNull();
    expect(parseVerp(BOUNCE, `bounces+${ID}@evil-mail.example.com`)).toBeNull();
    expect(parseVerp(BOUNCE, `other+${ID}@mail.example.com`)).toBeNull();
    expect(parseVerp(BOUNCE, `bouncesx+${ID}@mail.example.com`)).toBeNull();
    expect(parseVerp(BOUNCE, 'bounces+not-a-uuid@mail.example.com')).toBeNull();
    expect(parseVerp(BOUNCE, `bounces+${ID}x@mail.example.com`)).toBeNull();
    expect(parseVerp(BOUNCE, `bounces+${ID}`)).toBeNull();
    expect(parseVerp(BOUNCE, '')).toBeNull();
  });

  it('refuses an attempt id that is not a UUID and a bounce address that is not plain', () => {
    expect(() => verpAddress(BOUNCE, 'attempt-42')).toThrow(/UUID/);
    expect(() => verpAddress(BOUNCE, `${ID}@x`)).toThrow(/UUID/);
    expect(() => verpAddress('bounces+x@mail.example.com', ID)).toThrow(/bounce address/);
    expect(() => verpAddress('bounces', ID)).toThrow(/bounce address/);
    expect(() => verpAddress('@mail.example.com', ID)).toThrow(/bounce address/);
  });

  it('tells whether a recipient is the bounce address, with or without a tag', () => {
    expect(isBounceRecipient(BOUNCE, 'bounces@mail.example.com')).toBe(true);
    expect(isBounceRecipient(BOUNCE, 'BOUNCES+anything@Mail.Example.com')).toBe(true);
    expect(isBounceRecipient(BOUNCE, `bounces+${ID}@mail.example.com`)).toBe(true);
    expect(isBounceRecipient(BOUNCE, 'postmaster@mail.example.com')).toBe(false);
    expect(isBounceRecipient(BOUNCE, 'bounces@example.com')).toBe(false);
  });
});
