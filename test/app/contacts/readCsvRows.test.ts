import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../../src/app/contacts/import/index.ts';
import { bytes, collect, fixtureStream, outline } from './helpers.ts';

describe('readCsvRows on the fixtures: line numbers are the ones a text editor shows', () => {
  it.each([undefined, 5])('comma.csv: a three-line quoted cell and a blank line keep later numbers right (chunks of %s bytes)', async (chunkBytes) => {
    const rows = await collect(readCsvRows(fixtureStream('comma.csv', chunkBytes)));
    expect(outline(rows)).toEqual([
      [1, 'header', ['external_id', 'phone', 'email', 'first_name', 'last_name', 'note', 'service']],
      [2, 'row', 'C-001'],
      [3, 'row', 'C-002'],
      [6, 'row', 'C-003'],
      [7, 'row', 'C-004'],
      [9, 'row', ''],
      [10, 'row', 'C-002'],
      [11, 'row', ''],
      [12, 'row', 'C-007'],
    ]);
    expect(rows[2]).toMatchObject({ kind: 'row', cells: { note: 'Звонила дважды,\nпросила перезвонить\nвечером', service: 'Вклад' } });
  });

  it('semicolon-bom.csv: Excel "CSV UTF-8" with BOM, CRLF and a quoted semicolon', async () => {
    const rows = await collect(readCsvRows(fixtureStream('semicolon-bom.csv', 3)));
    expect(rows[0]).toMatchObject({ kind: 'header', line: 1 });
    expect((rows[0] as { headers: string[] }).headers[0]).toBe('Код клиента'); // no BOM glued to the first header
    expect(outline(rows).slice(1)).toEqual([
      [2, 'row', 'A1'],
      [3, 'row', 'A2'],
      [4, 'row', 'A3'],
      [5, 'row', 'A4'],
    ]);
    expect(rows[3]).toMatchObject({ cells: { ФИО: 'Сидоров; Пётр "Кузьмич"' } });
  });

  it('cp1251.csv: Windows-1251 as Excel in Russia saves it', async () => {
    const rows = await collect(readCsvRows(fixtureStream('cp1251.csv', 4)));
    expect(rows[0]).toEqual({ kind: 'header', line: 1, headers: ['Фамилия', 'Имя', 'Отчество', 'Телефон', 'Почта', 'Город'] });
    expect(rows[1]).toMatchObject({ kind: 'row', line: 2, cells: { Фамилия: 'Ёлкина', Имя: 'Алёна', Город: 'Омск' } });
    expect(rows).toHaveLength(3);
  });

  it('unicode-text.txt: UTF-16LE, tab-separated (Excel "Unicode text")', async () => {
    const rows = await collect(readCsvRows(fixtureStream('unicode-text.txt')));
    expect(rows).toEqual([
      { kind: 'header', line: 1, headers: ['Телефон', 'Имя'] },
      { kind: 'row', line: 2, cells: { Телефон: '+7 999 123-45-67', Имя: 'Иван' } },
    ]);
  });

  it('malformed.csv: wrong cell counts and an unclosed quote are reported on their lines, not thrown or dropped', async () => {
    const rows = await collect(readCsvRows(fixtureStream('malformed.csv')));
    expect(outline(rows)).toEqual([
      [1, 'header', ['phone', 'email', 'name']],
      [2, 'row', '+7 999 123-45-67'],
      [3, 'error', 'column_count'],
      [4, 'error', 'column_count'],
      [5, 'row', '+7 999 123-45-70'],
      [7, 'row', '+7 999 123-45-71'],
      [8, 'error', 'unclosed_quote'],
    ]);
    expect(rows.at(-1)).toMatchObject({ error: { message: expect.stringContaining('line 8') } });
  });
});

describe('readCsvRows edge cases', () => {
  it('accepts trailing empty cells past the header but not text there', async () => {
    const rows = await collect(readCsvRows(bytes('a;b\n1;2;\n3;4;x\n')));
    expect(outline(rows)).toEqual([
      [1, 'header', ['a', 'b']],
      [2, 'row', '1'],
      [3, 'error', 'column_count'],
    ]);
  });

  it('names empty and repeated headers so every column has one name', async () => {
    const rows = await collect(readCsvRows(bytes('Телефон,,Телефон, Моб.\n')));
    expect(rows).toEqual([{ kind: 'header', line: 1, headers: ['Телефон', 'Column 2', 'Телефон (2)', 'Моб.'] }]);
  });

  it('stops loudly at a row too long to be real, instead of holding the rest of the file', async () => {
    const rows = await collect(readCsvRows(bytes('a,b\n1,2\n"', 'x'.repeat(5000), '\n3,4\n'), { maxRecordBytes: 1024 }));
    expect(outline(rows)).toEqual([
      [1, 'header', ['a', 'b']],
      [2, 'row', '1'],
      [3, 'error', 'record_too_large'],
    ]);
    expect(rows.at(-1)).toMatchObject({ error: { fatal: true } });
  });

  it('flags a row whose bytes are not valid in the encoding of the file', async () => {
    const rows = await collect(readCsvRows(bytes('a,b\nПётр,1\n', Uint8Array.of(0x78, 0xff, 0x2c, 0x32, 0x0a))));
    expect(outline(rows)).toEqual([
      [1, 'header', ['a', 'b']],
      [2, 'row', 'Пётр'],
      [3, 'error', 'invalid_text'],
    ]);
  });

  it('yields nothing for an empty file', async () => {
    expect(await collect(readCsvRows(bytes('')))).toEqual([]);
    expect(await collect(readCsvRows(bytes('\n\n')))).toEqual([]);
  });

  it('skips Excel\'s "sep=" line and counts it', async () => {
    const rows = await collect(readCsvRows(bytes('sep=;\r\nphone;name\r\n1;2\r\n')));
    expect(outline(rows)).toEqual([
      [2, 'header', ['phone', 'name']],
      [3, 'row', '1'],
    ]);
  });

  it('fails with the source\'s error when an upload breaks off', async () => {
    async function* brokenUpload(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('phone\n+79991234567\n');
      throw new Error('connection reset');
    }
    await expect(collect(readCsvRows(brokenUpload()))).rejects.toThrow('connection reset');
  });

  it('lets the caller stop early and closes the source', async () => {
    const stream = fixtureStream('comma.csv', 16);
    for await (const row of readCsvRows(stream)) if (row.kind === 'row') break;
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.destroyed).toBe(true);
  });
});
