import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/app/contacts/import/decodeText.ts';
import { detectDelimiter, sniffDelimiter } from '../../../src/app/contacts/import/detectDelimiter.ts';
import { lineBreaksIn, normalizeLineBreaks } from '../../../src/app/contacts/import/lineBreaks.ts';
import { bytes, collect } from './helpers.ts';

const text = async (chunks: AsyncIterable<string>) => (await collect(chunks)).join('');
/** Windows-1251 bytes of a text, by inverting Node's own decoding table. */
function cp1251(s: string): Uint8Array {
  const table = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return Uint8Array.from([...s].map((ch) => table.indexOf(ch)));
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark, dropping the mark', async () => {
    expect(await text(decodeText(bytes('\uFEFFТелефон;Имя')))).toBe('Телефон;Имя');
    expect(await text(decodeText(bytes('Телефон;Имя')))).toBe('Телефон;Имя');
  });

  it('recognises Windows-1251, even when a letter is cut between chunks', async () => {
    const all = cp1251('phone;Имя\n1;Пётр\n');
    const oneByteChunks = [...all].map((b) => Uint8Array.of(b));
    expect(await text(decodeText(bytes(...oneByteChunks)))).toBe('phone;Имя\n1;Пётр\n');
    expect(await text(decodeText(bytes(cp1251('Ёлкина'))))).toBe('Ёлкина');
  });

  it('keeps a UTF-8 letter cut between chunks whole', async () => {
    const all = Buffer.from('ab;Пётр\n');
    const chunks = [...all].map((b) => Uint8Array.of(b));
    expect(await text(decodeText(bytes(...chunks)))).toBe('ab;Пётр\n');
  });

  it('reads UTF-16LE with its mark (Excel "Unicode text")', async () => {
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Телефон\tИмя', 'utf16le')]);
    expect(await text(decodeText(bytes(u16)))).toBe('Телефон\tИмя');
  });

  it('obeys an explicit encoding', async () => {
    expect(await text(decodeText(bytes(cp1251('Да')), 'windows-1251'))).toBe('Да');
  });
});

describe('normalizeLineBreaks', () => {
  it('turns CRLF and lone CR into LF, also across chunks', async () => {
    async function* chunks() {
      yield 'a\r';
      yield '\nb\rc\r';
      yield '';
      yield '\r\nd\r';
    }
    expect(await text(normalizeLineBreaks(chunks()))).toBe('a\nb\nc\n\nd\n');
  });

  it('counts the line breaks inside parsed cells', () => {
    expect(lineBreaksIn(['a\nb', 'c', '\n\n'])).toBe(3);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['phone,email,name', ','],
    ['Телефон;Почта;ФИО', ';'],
    ['Телефон\tПочта', '\t'],
    ['"Фамилия, Имя";Телефон', ';'],
    ['single column', ','],
    ['a,b;c', ';'],
  ])('%j → %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });

  it('judges the first non-blank line, reads Excel\'s "sep=" hint and hands all text back', async () => {
    async function* chunks() {
      yield '\n\nA;B';
      yield ',C\n1;2,3\n';
    }
    const sniffed = await sniffDelimiter(chunks());
    expect(sniffed.delimiter).toBe(';');
    expect(await text(sniffed.text)).toBe('\n\nA;B,C\n1;2,3\n');
    const hinted = await sniffDelimiter(normalizeLineBreaks((async function* () { yield 'sep=,\r\na;b,c\r\n'; })()));
    expect(hinted).toMatchObject({ delimiter: ',', hintLine: true });
  });
});
