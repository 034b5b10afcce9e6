import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../../src/app/contacts/import/index.ts';
import { xlsxCellText } from '../../../src/app/contacts/import/xlsxCellText.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { collect } from './helpers.ts';

/**
 * A workbook as a person's Excel file looks: a gap above the header, typed
 * cells, and a second tab that must be ignored even though its XML comes
 * first in the file (it was created first, then dragged behind).
 */
async function contactsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const lookup = workbook.addWorksheet('Справочник');
  lookup.addRow(['не', 'читать']);
  const sheet = workbook.addWorksheet('Контакты');
  // exceljs orders tabs by orderNo, which its type definitions leave out.
  (sheet as unknown as { orderNo: number }).orderNo = 0;
  (lookup as unknown as { orderNo: number }).orderNo = 1;
  sheet.getRow(3).values = ['Телефон', 'ФИО', 'Дата визита', 'Сумма', 'Формула', 'E-mail'];
  sheet.getRow(4).values = [
    79991234567, // a phone typed as a number
    { richText: [{ text: 'Иванов ' }, { font: { bold: true }, text: 'Иван' }] },
    new Date(Date.UTC(2024, 2, 5)),
    0.1 + 0.2,
    { formula: 'A4', result: 79991234567 },
    { text: 'ivan@example.ru', hyperlink: 'mailto:ivan@example.ru' },
  ];
  sheet.getCell('C4').numFmt = 'dd.mm.yyyy';
  sheet.getRow(6).values = ['8 (999) 000-00-00', 'Петрова Анна'];
  sheet.getCell('J6').value = 'заметка справа от таблицы';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readXlsxRows', () => {
  it('reads the first tab, header from the first non-empty row, with Excel row numbers', async () => {
    const rows = await collect(readXlsxRows(Readable.from([await contactsWorkbook()])));
    expect(rows).toEqual([
      { kind: 'header', line: 3, headers: ['Телефон', 'ФИО', 'Дата визита', 'Сумма', 'Формула', 'E-mail'] },
      {
        kind: 'row',
        line: 4,
        cells: { Телефон: '79991234567', ФИО: 'Иванов Иван', 'Дата визита': '2024-03-05', Сумма: '0.3', Формула: '79991234567', 'E-mail': 'ivan@example.ru' },
      },
      { kind: 'row', line: 6, cells: { Телефон: '8 (999) 000-00-00', ФИО: 'Петрова Анна', 'Дата визита': '', Сумма: '', Формула: '', 'E-mail': '' } },
    ]);
  });

  it('reads from a path too', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'voxpop-xlsx-')), 'contacts.xlsx');
    fs.writeFileSync(file, await contactsWorkbook());
    try {
      expect((await collect(readXlsxRows(file))).map((row) => row.line)).toEqual([3, 4, 6]);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('reads a workbook whose sheet comes before its shared strings, as Excel writes them', async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (chunk: Buffer) => parts.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
    const sheet = writer.addWorksheet('Лист1');
    sheet.addRow(['Телефон', 'Имя']).commit();
    for (let i = 0; i < 500; i += 1) sheet.addRow([79990000000 + i, `Клиент ${i}`]).commit();
    await writer.commit();
    const rows = await collect(readXlsxRows(Readable.from([Buffer.concat(parts)])));
    expect(rows).toHaveLength(501);
    expect(rows.at(-1)).toEqual({ kind: 'row', line: 501, cells: { Телефон: '79990000499', Имя: 'Клиент 499' } });
  });

  it('says plainly when the file is not a workbook', async () => {
    const reading = collect(readXlsxRows(Readable.from([Buffer.from('Телефон;Имя\n1;2\n')])));
    await expect(reading).rejects.toBeInstanceOf(DomainError);
    await expect(reading).rejects.toMatchObject({ code: 'contacts.unreadable_file' });
  });

  it('keeps the error of a source that fails, such as a missing file, instead of hanging', async () => {
    await expect(collect(readXlsxRows(path.join(os.tmpdir(), 'voxpop-no-such-file.xlsx')))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('fails with the source\'s error when an upload breaks off halfway', async () => {
    const workbook = await contactsWorkbook();
    const upload = new Readable({ read() {} });
    upload.push(workbook.subarray(0, workbook.length / 2));
    setImmediate(() => upload.destroy(new Error('connection reset')));
    await expect(collect(readXlsxRows(upload))).rejects.toThrow('connection reset');
  });
});

describe('xlsxCellText', () => {
  it.each([
    [79991234567, '79991234567'],
    [380501234567, '380501234567'],
    [1e21, '1000000000000000000000'],
    [0.1 + 0.2, '0.3'],
    [42, '42'],
    [true, 'true'],
    [null, ''],
    [new Date(Date.UTC(2024, 0, 31, 14, 30)), '2024-01-31T14:30:00'],
    [{ error: '#N/A' }, '#N/A'],
    [{ formula: 'A1' }, ''],
  ])('%j → %j', (value, text) => {
    expect(xlsxCellText(value)).toBe(text);
  });
});
