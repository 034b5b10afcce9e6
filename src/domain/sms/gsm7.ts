/**
 * The GSM 03.38 default alphabet and its extension table, as septet values.
 * SMPP carries GSM 7-bit text unpacked (one septet per octet); the SMSC packs it
 * for the air interface.
 */

/** Basic table: the character at index i is septet i. 0x1B is the escape to the extension table. */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

export const GSM_ESCAPE = 0x1b;

/** Extension table: each costs two septets on the wire (escape + code). */
const EXTENSION: ReadonlyArray<readonly [string, number]> = [
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
];

const basicByChar = new Map<string, number>();
for (let i = 0; i < BASIC.length; i++) {
  // The escape itself is not text a person can send.
  if (i !== GSM_ESCAPE) basicByChar.set(BASIC[i]!, i);
}
const extensionByChar = new Map<string, number>(EXTENSION);
const extensionBySeptet = new Map<number, string>(EXTENSION.map(([c, s]) => [s, c]));

/** Septets a character costs in GSM 7-bit (1 or 2), or null when it is not in the alphabet. */
export function gsmSeptets(char: string): 1 | 2 | null {
  if (basicByChar.has(char)) return 1;
  if (extensionByChar.has(char)) return 2;
  return null;
}

/** Unpacked septets (one per octet) for text made only of GSM characters. */
export function encodeGsm7(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const basic = basicByChar.get(char);
    if (basic !== undefined) {
      out.push(basic);
      continue;
    }
    const ext = extensionByChar.get(char);
    if (ext === undefined) throw new RangeError(`not a GSM 03.38 character: U+${char.codePointAt(0)!.toString(16)}`);
    out.push(GSM_ESCAPE, ext);
  }
  return Uint8Array.from(out);
}

/** The inverse of encodeGsm7 (unpacked septets → text). */
export function decodeGsm7(septets: Uint8Array): string {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const septet = septets[i]!;
    if (septet === GSM_ESCAPE && i + 1 < septets.length) {
      text += extensionBySeptet.get(septets[++i]!) ?? ' ';
    } else {
      text += BASIC[septet] ?? ' ';
    }
  }
  return text;
}
