/**
 * Phone numbers to E.164 with libphonenumber-js. We use its "max" metadata,
 * which ships inside the npm package (no download at run time): with it a
 * number is checked against the real number ranges of its country, not only
 * its length, and the number's type (mobile, fixed line, toll free…) is known,
 * which the SMS channel needs. libphonenumber-js is pure, so the domain may use it.
 */
import {
  isSupportedCountry,
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type NumberType,
} from 'libphonenumber-js/max';

export const DEFAULT_PHONE_REGION = 'RU';

export type PhoneRejection =
  | 'empty'
  | 'several_numbers'
  | 'scientific_notation'
  | 'letters'
  | 'not_a_number'
  | 'too_short'
  | 'too_long'
  | 'wrong_length'
  | 'invalid_country_code'
  | 'invalid';

export type PhoneResult =
  | {
      ok: true;
      /** +79991234567 */
      e164: string;
      /** Absent for non-geographic numbers (+800 …). */
      country?: CountryCode;
      /** Known when libphonenumber's metadata tells it; absent otherwise. */
      type?: NumberType;
      /** "доб. 123" / "ext. 45": not part of E.164, kept for the voice channel (DTMF after connect). */
      extension?: string;
    }
  | { ok: false; reason: PhoneRejection };

/** "8 999 123-45-67, 8 495 123-45-67" or "…/…": two numbers in one cell. */
const SEVERAL_NUMBERS = /\d[\s)-]*[,;/\\|][\s(+]*\d/;
/** "3,80501E+11": Excel showed a long number in General format and the CSV got what was shown; digits are gone. */
const SCIENTIFIC = /^\+?\d+(?:[.,]\d+)?e\+?\d+$/i;
const LETTER = /\p{L}/u;
/** Words that introduce an extension; their letters are not a reason to reject the number. */
const EXTENSION_WORDS = /(?:доб|добавочный|вн|ext|extension|x)\.?\s*\d+\s*$/i;

export function isPhoneRegion(region: string): region is CountryCode {
  return isSupportedCountry(region);
}

/**
 * `defaultRegion` decides how a number without a country code is read
 * ("8 (999) 123-45-67" is +7 999 … in RU). An unknown region reads only
 * international numbers ("+44 …").
 */
export function normalizePhone(raw: string, defaultRegion: string = DEFAULT_PHONE_REGION): PhoneResult {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (SCIENTIFIC.test(text)) return { ok: false, reason: 'scientific_notation' };
  if (SEVERAL_NUMBERS.test(text)) return { ok: false, reason: 'several_numbers' };
  const region = isPhoneRegion(defaultRegion) ? defaultRegion : undefined;
  try {
    // extract: false — the whole cell must be a number; "Tel: 8 999 …" or "8 999 … (моб)" is not silently trimmed.
    const parsed = parsePhoneNumberWithError(text, { defaultCountry: region, extract: false });
    // With "max" metadata isValid() is getType() !== undefined, computed again: a known type settles validity in one pass
    // (≈ 10 % of an import's CPU); isValid() still decides numbers whose country has no type data.
    const type = parsed.getType();
    if (type === undefined && !parsed.isValid()) return { ok: false, reason: lengthReason(text, region) ?? 'invalid' };
    return {
      ok: true,
      e164: parsed.number,
      ...(parsed.country ? { country: parsed.country } : {}),
      ...(type ? { type } : {}),
      ...(parsed.ext ? { extension: parsed.ext } : {}),
    };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    return { ok: false, reason: rejectionFor(error.message, text) };
  }
}

function lengthReason(text: string, region: CountryCode | undefined): PhoneRejection | null {
  const verdict = validatePhoneNumberLength(text, region);
  if (verdict === 'TOO_SHORT') return 'too_short';
  if (verdict === 'TOO_LONG') return 'too_long';
  if (verdict === 'INVALID_LENGTH') return 'wrong_length';
  if (verdict === 'INVALID_COUNTRY') return 'invalid_country_code';
  return null;
}

function rejectionFor(parseError: string, text: string): PhoneRejection {
  switch (parseError) {
    case 'INVALID_COUNTRY':
      return 'invalid_country_code';
    case 'TOO_SHORT':
      return 'too_short';
    case 'TOO_LONG':
      return 'too_long';
    default:
      return LETTER.test(text.replace(EXTENSION_WORDS, '')) ? 'letters' : 'not_a_number';
  }
}

const REJECTION_TEXT: Record<PhoneRejection, string> = {
  empty: 'is empty',
  several_numbers: 'holds several numbers; keep one per cell',
  letters: 'contains letters',
  not_a_number: 'is not a phone number',
  too_short: 'is too short',
  too_long: 'is too long',
  wrong_length: 'has the wrong number of digits for its country',
  scientific_notation: 'was saved in scientific notation (Excel showed it as 7.9E+10 and the digits are lost); format the column as text and export again',
  invalid_country_code: 'has an unknown country code',
  invalid: 'is not a valid number for its country',
};

export function describePhoneRejection(reason: PhoneRejection): string {
  return `Phone number ${REJECTION_TEXT[reason]}`;
}
