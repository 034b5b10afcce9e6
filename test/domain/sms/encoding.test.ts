import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/errors.ts';
import {
  AIR_OCTETS_MAX,
  airOctets,
  chooseEncoding,
  countParts,
  decodeUcs2,
  splitSms,
  type SmsPlan,
} from '../../../src/domain/sms/encoding.ts';
import { decodeGsm7 } from '../../../src/domain/sms/gsm7.ts';

const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';
const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';

const charOf = (alphabet: string) => fc.constantFrom(...Array.from(alphabet));
const gsmText = fc.array(fc.oneof({ weight: 5, arbitrary: charOf(GSM_BASIC) }, { weight: 1, arbitrary: charOf(GSM_EXTENSION) }), { maxLength: 700 }).map((cs) => cs.join(''));
const anyText = fc.array(
  fc.oneof(charOf(GSM_BASIC), charOf(GSM_EXTENSION), charOf(CYRILLIC), fc.constantFrom('😀', '👍🏽', '𝄞', '中'), fc.string({ unit: 'grapheme', maxLength: 1 })),
  { maxLength: 600 },
).map((cs) => cs.join(''));

function reassemble(plan: SmsPlan): string {
  const decode = plan.encoding === 'gsm7' ? decodeGsm7 : decodeUcs2;
  return plan.segments.map((s) => decode(s.payload)).join('');
}

describe('chooseEncoding', () => {
  it('keeps GSM text (extension characters included) in 7-bit', () => {
    expect(chooseEncoding('Hello {world} €5 ~ ok')).toBe('gsm7');
  });
  it('switches to UCS-2 for any Cyrillic character or emoji', () => {
    expect(chooseEncoding('Hello Ж')).toBe('ucs2');
    expect(chooseEncoding('ok 👍')).toBe('ucs2');
  });
});

describe('countParts', () => {
  it.each([
    ['a'.repeat(160), 'gsm7', 1],
    ['a'.repeat(161), 'gsm7', 2],
    ['a'.repeat(306), 'gsm7', 2],
    ['a'.repeat(307), 'gsm7', 3],
    ['я'.repeat(70), 'ucs2', 1],
    ['я'.repeat(71), 'ucs2', 2],
    ['я'.repeat(134), 'ucs2', 2],
    ['я'.repeat(135), 'ucs2', 3],
    ['я'.repeat(200), 'ucs2', 3],
  ] as const)('%#: %s chars → %s, %d part(s)', (text, encoding, parts) => {
    expect(countParts(text)).toMatchObject({ encoding, parts });
  });

  it('counts GSM extension characters double', () => {
    expect(countParts('€'.repeat(80))).toMatchObject({ units: 160, parts: 1 });
    expect(countParts('a' + '€'.repeat(80))).toMatchObject({ units: 161, parts: 2 });
  });

  it('counts an emoji as two UCS-2 units', () => {
    expect(countParts('😀'.repeat(35))).toMatchObject({ encoding: 'ucs2', units: 70, parts: 1 });
    expect(countParts('😀'.repeat(36))).toMatchObject({ parts: 2 });
  });
});

describe('splitSms', () => {
  it('sends a single part without a header', () => {
    const plan = splitSms('Hello', 7);
    expect(plan).toMatchObject({ encoding: 'gsm7', dataCoding: 0 });
    expect(plan.segments).toHaveLength(1);
    expect(plan.segments[0]!.udh).toBeNull();
    expect(Array.from(plan.segments[0]!.payload)).toEqual([0x48, 0x65, 0x6c, 0x6c, 0x6f]);
  });

  it('splits a 200-character Russian text into 3 UCS-2 parts with 05 00 03 ref total seq', () => {
    const plan = splitSms('Ж'.repeat(200), 0x2a);
    expect(plan).toMatchObject({ encoding: 'ucs2', dataCoding: 8 });
    expect(plan.segments.map((s) => Array.from(s.udh!))).toEqual([
      [5, 0, 3, 0x2a, 3, 1],
      [5, 0, 3, 0x2a, 3, 2],
      [5, 0, 3, 0x2a, 3, 3],
    ]);
    expect(plan.segments.map((s) => s.payload.length)).toEqual([134, 134, 132]);
    expect(Array.from(plan.segments[0]!.payload.slice(0, 2))).toEqual([0x04, 0x16]);
  });

  it('never separates a GSM escape from its character', () => {
    const plan = splitSms('a'.repeat(152) + '€' + 'b'.repeat(10), 1);
    expect(plan.segments.map((s) => s.text)).toEqual(['a'.repeat(152), '€' + 'b'.repeat(10)]);
    expect(plan.segments.map((s) => s.units)).toEqual([152, 12]);
  });

  it('refuses more than 255 parts', () => {
    expect(() => splitSms('a'.repeat(153 * 255 + 1), 1)).toThrow(DomainError);
    expect(splitSms('a'.repeat(153 * 255), 1).segments).toHaveLength(255);
  });

  it('property: the parts reassemble to the original text', () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, anyText), fc.integer({ min: 0, max: 255 }), (text, ref) => {
        const plan = splitSms(text, ref);
        expect(reassemble(plan)).toBe(text);
        expect(plan.segments.map((s) => s.text).join('')).toBe(text);
      }),
    );
  });

  it('property: no segment exceeds 140 octets over the air, and headers number the parts', () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, anyText), fc.integer({ min: 0, max: 255 }), (text, ref) => {
        const plan = splitSms(text, ref);
        const total = plan.segments.length;
        expect(total).toBe(countParts(text).parts);
        plan.segments.forEach((segment, i) => {
          expect(airOctets(plan.encoding, segment)).toBeLessThanOrEqual(AIR_OCTETS_MAX);
          if (total === 1) expect(segment.udh).toBeNull();
          else expect(Array.from(segment.udh!)).toEqual([5, 0, 3, ref, total, i + 1]);
        });
      }),
    );
  });

  it('property: a surrogate pair is never split between parts', () => {
    const emojiHeavy = fc.array(fc.oneof(charOf(CYRILLIC), fc.constantFrom('😀', '𝄞', '👍')), { minLength: 60, maxLength: 400 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(emojiHeavy, (text) => {
        for (const segment of splitSms(text, 0).segments) {
          const first = segment.text.charCodeAt(0);
          const last = segment.text.charCodeAt(segment.text.length - 1);
          expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        }
      }),
    );
  });
});
