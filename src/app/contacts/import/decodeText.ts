/**
 * Bytes of an uploaded text file to text, without knowing the encoding in
 * advance. Excel in Russia saves "CSV (разделители — точка с запятой)" in
 * Windows-1251, "CSV UTF-8" with a byte-order mark, and "Текст Юникод" in
 * UTF-16LE with a mark; other tools write UTF-8 without one.
 *
 * Without a mark we read ASCII as it comes (it is the same in all of these)
 * and decide on a small window from the first non-ASCII byte: UTF-8 if it
 * looks like UTF-8, otherwise Windows-1251. Cyrillic in Windows-1251 is
 * practically never well-formed UTF-8, so one look suffices and at most the
 * window is held back.
 */
export type TextEncodingOption = 'auto' | 'utf-8' | 'windows-1251' | 'utf-16le';

/** Bytes we want in hand after the first non-ASCII byte before deciding (a few Cyrillic letters). */
const DECIDE_WINDOW_BYTES = 64;
const BOM_MAX_BYTES = 3;

export async function* decodeText(source: AsyncIterable<Uint8Array>, encoding: TextEncodingOption = 'auto'): AsyncGenerator<string> {
  let decoder: TextDecoder | null = encoding === 'auto' ? null : new TextDecoder(encoding);
  let pending: Uint8Array = new Uint8Array(0); // bytes held back while deciding: at most the BOM or DECIDE_WINDOW_BYTES
  let atStart = true;
  for await (const chunk of source) {
    let bytes = concat(pending, chunk);
    pending = new Uint8Array(0);
    if (atStart && decoder === null) {
      if (bytes.length < BOM_MAX_BYTES) {
        pending = bytes;
        continue;
      }
      atStart = false;
      decoder = decoderForBom(bytes);
    }
    if (decoder !== null) {
      yield decoder.decode(bytes, { stream: true });
      continue;
    }
    const firstNonAscii = bytes.findIndex((byte) => byte >= 0x80);
    if (firstNonAscii === -1) {
      yield asciiText(bytes);
      continue;
    }
    if (firstNonAscii > 0) yield asciiText(bytes.subarray(0, firstNonAscii));
    bytes = bytes.subarray(firstNonAscii);
    if (bytes.length < DECIDE_WINDOW_BYTES) {
      pending = bytes.slice();
      continue;
    }
    decoder = new TextDecoder(looksLikeUtf8(bytes) ? 'utf-8' : 'windows-1251');
    yield decoder.decode(bytes, { stream: true });
  }
  if (decoder === null) decoder = pending.length === 0 || looksLikeUtf8(pending) ? new TextDecoder('utf-8') : new TextDecoder('windows-1251');
  const rest = decoder.decode(pending);
  if (rest !== '') yield rest;
}

/** A decoder for the byte-order mark at the start, or null when there is none. The decoder drops the mark itself. */
function decoderForBom(bytes: Uint8Array): TextDecoder | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be');
  return null;
}

/**
 * UTF-8 or not, by weighing evidence over the window: well-formed multi-byte
 * sequences against bytes that cannot be UTF-8. Russian in Windows-1251 gives
 * almost no well-formed pairs; UTF-8 with one stray byte still wins on balance
 * (and the stray byte then shows up as an invalid_text row, not as a whole
 * file read in the wrong encoding).
 */
function looksLikeUtf8(bytes: Uint8Array): boolean {
  let wellFormed = 0;
  let malformed = 0;
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 1) {
      at += 1;
      continue;
    }
    if (length > 1 && at + length > bytes.length) break; // cut by the window's end: no evidence either way
    let continuation = length > 1;
    for (let next = 1; continuation && next < length; next += 1) continuation = (bytes[at + next]! & 0xc0) === 0x80;
    if (continuation) {
      wellFormed += 1;
      at += length;
    } else {
      malformed += 1;
      at += 1;
    }
  }
  return wellFormed > malformed;
}

function asciiText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array {
  if (head.length === 0) return tail;
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}
