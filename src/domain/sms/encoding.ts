import { DomainError } from '../errors.ts';
import { encodeGsm7, gsmSeptets } from './gsm7.ts';

/**
 * How a text becomes SMS segments: GSM 03.38 7-bit when every character is in
 * the GSM alphabet, otherwise UCS-2 (so any Cyrillic means UCS-2). A text that
 * fits one message is sent without a header; a longer one is split into parts
 * that each carry a concatenation header (UDH IEI 0x00, 8-bit reference).
 */

export type SmsEncoding = 'gsm7' | 'ucs2';

/** SMPP data_coding for each encoding: 0 = SMSC default (GSM 03.38), 8 = UCS-2. */
export const DATA_CODING: Record<SmsEncoding, number> = { gsm7: 0x00, ucs2: 0x08 };

/**
 * Capacity in units: septets for GSM 7-bit, UTF-16 code units for UCS-2.
 * `multi` leaves room for the 6-octet concatenation header.
 */
export const SEGMENT_UNITS: Record<SmsEncoding, { single: number; multi: number }> = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
};

/** Octets of user data one SMS carries over the air (header included). */
export const AIR_OCTETS_MAX = 140;

/** A concatenated message counts its parts in one octet. */
export const MAX_PARTS = 255;

export interface SmsSegment {
  /** The slice of the original text this part carries. */
  text: string;
  /** Encoded text: unpacked septets (gsm7) or UTF-16BE (ucs2), without the header. */
  payload: Uint8Array;
  /** `05 00 03 ref total seq`, or null for a single-part message. */
  udh: Uint8Array | null;
  /** Septets (gsm7) or UTF-16 code units (ucs2) the text costs. */
  units: number;
}

export interface SmsPlan {
  encoding: SmsEncoding;
  dataCoding: number;
  segments: SmsSegment[];
}

export function chooseEncoding(text: string): SmsEncoding {
  for (const char of text) {
    if (gsmSeptets(char) === null) return 'ucs2';
  }
  return 'gsm7';
}

/** Units a character (one code point) costs in the given encoding. */
function unitCost(char: string, encoding: SmsEncoding): number {
  return encoding === 'gsm7' ? gsmSeptets(char)! : char.length;
}

/** Units the whole text costs (GSM extension characters count double). */
export function countUnits(text: string, encoding: SmsEncoding = chooseEncoding(text)): number {
  let units = 0;
  for (const char of text) units += unitCost(char, encoding);
  return units;
}

/**
 * Split into chunks of at most `limit` units, by code point: a surrogate pair
 * or a GSM escape sequence never straddles two parts.
 */
function chunk(text: string, encoding: SmsEncoding, limit: number): Array<{ text: string; units: number }> {
  const chunks: Array<{ text: string; units: number }> = [];
  let current = '';
  let units = 0;
  for (const char of text) {
    const cost = unitCost(char, encoding);
    if (units + cost > limit) {
      chunks.push({ text: current, units });
      current = '';
      units = 0;
    }
    current += char;
    units += cost;
  }
  chunks.push({ text: current, units });
  return chunks;
}

/** The number of parts a text needs, and in which encoding — for previews and budgets. */
export function countParts(text: string): { encoding: SmsEncoding; parts: number; units: number } {
  const encoding = chooseEncoding(text);
  const units = countUnits(text, encoding);
  const { single, multi } = SEGMENT_UNITS[encoding];
  const parts = units <= single ? 1 : chunk(text, encoding, multi).length;
  return { encoding, parts, units };
}

export function concatenationUdh(reference: number, total: number, sequence: number): Uint8Array {
  return Uint8Array.of(0x05, 0x00, 0x03, reference & 0xff, total, sequence);
}

export function encodeUcs2(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit >> 8;
    out[2 * i + 1] = unit & 0xff;
  }
  return out;
}

export function decodeUcs2(octets: Uint8Array): string {
  let text = '';
  for (let i = 0; i + 1 < octets.length; i += 2) text += String.fromCharCode((octets[i]! << 8) | octets[i + 1]!);
  return text;
}

/**
 * Plan the segments of a message. `reference` (0–255) ties the parts of one
 * message together on the handset; the caller picks it (e.g. a counter).
 */
export function splitSms(text: string, reference: number): SmsPlan {
  const encoding = chooseEncoding(text);
  const encode = encoding === 'gsm7' ? encodeGsm7 : encodeUcs2;
  const { single, multi } = SEGMENT_UNITS[encoding];
  const units = countUnits(text, encoding);
  if (units <= single) {
    return { encoding, dataCoding: DATA_CODING[encoding], segments: [{ text, payload: encode(text), udh: null, units }] };
  }
  const chunks = chunk(text, encoding, multi);
  if (chunks.length > MAX_PARTS) {
    throw new DomainError('sms_too_long', `A message may have at most ${MAX_PARTS} parts; this one needs ${chunks.length}.`);
  }
  const segments = chunks.map((c, i) => ({
    text: c.text,
    payload: encode(c.text),
    udh: concatenationUdh(reference, chunks.length, i + 1),
    units: c.units,
  }));
  return { encoding, dataCoding: DATA_CODING[encoding], segments };
}

/**
 * Octets a segment takes over the air: the header, then the text — packed
 * septets for GSM (after fill bits that align them to a septet boundary),
 * raw octets for UCS-2.
 */
export function airOctets(encoding: SmsEncoding, segment: Pick<SmsSegment, 'payload' | 'udh'>): number {
  const udhOctets = segment.udh?.length ?? 0;
  if (encoding === 'ucs2') return udhOctets + segment.payload.length;
  const headerSeptets = Math.ceil((udhOctets * 8) / 7);
  return Math.ceil(((headerSeptets + segment.payload.length) * 7) / 8);
}
