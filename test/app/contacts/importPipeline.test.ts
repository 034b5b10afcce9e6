import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  dryRunImport,
  readCsvRows,
  readXlsxRows,
  startImport,
  suggestMapping,
  type ColumnMapping,
  type SourceRow,
} from '../../../src/app/contacts/import/index.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { bytes, collect, fixtureStream } from './helpers.ts';

const options = { defaultRegion: 'RU', tenantTimezone: 'Europe/Moscow' };

/** The mapping a person would confirm: the suggestion, taken from the file's own header. */
async function suggested(name: string): Promise<ColumnMapping> {
  for await (const row of readCsvRows(fixtureStream(name))) if (row.kind === 'header') return suggestMapping(row.headers);
  throw new Error(`${name} has no header`);
}

const lines = (problems: ReadonlyArray<{ line: number; code: string }>) => problems.map((p) => [p.line, p.code]);

describe('dryRunImport', () => {
  it('comma.csv: bad phone, bad email, duplicates and a row without identifiers, each on its real line', async () => {
    const summary = await dryRunImport(readCsvRows(fixtureStream('comma.csv')), await suggested('comma.csv'), options);
    expect(summary.counts).toEqual({ total: 8, valid: 3, invalid: 3, duplicates: 2 });
    expect(lines(summary.problems)).toEqual([
      [6, 'phone_invalid'],
      [7, 'email_invalid'],
      [9, 'duplicate_in_file'],
      [10, 'duplicate_in_file'],
      [11, 'missing_required'],
    ]);
    expect(summary.problems[0]).toMatchObject({ field: 'phone', value: '8 (999) 12-34', message: expect.stringMatching(/^Phone number/) });
    expect(summary.problems[2]).toMatchObject({ field: 'phone', message: 'Duplicate of line 2 (same phone)' });
    expect(summary.problems[3]).toMatchObject({ field: 'externalId', message: 'Duplicate of line 3 (same externalId)' });
    expect(summary.problemCounts).toEqual({ phone_invalid: 1, email_invalid: 1, duplicate_in_file: 2, missing_required: 1 });
    expect(summary).toMatchObject({ finished: true, fileProblem: null, mappingProblems: [], problemRowsOmitted: 0 });
  });

  it('semicolon-bom.csv: two problems in one row are both reported', async () => {
    const summary = await dryRunImport(readCsvRows(fixtureStream('semicolon-bom.csv')), await suggested('semicolon-bom.csv'), options);
    expect(summary.counts).toEqual({ total: 4, valid: 3, invalid: 1, duplicates: 0 });
    expect(summary.problems.map((p) => [p.line, p.field, p.code])).toEqual([
      [5, 'timezone', 'timezone_invalid'],
      [5, 'consentSms', 'consent_invalid'],
    ]);
  });

  it('cp1251.csv: a phone with letters, on line 3', async () => {
    const summary = await dryRunImport(readCsvRows(fixtureStream('cp1251.csv')), await suggested('cp1251.csv'), options);
    expect(summary.counts).toMatchObject({ valid: 1, invalid: 1 });
    expect(summary.problems).toEqual([expect.objectContaining({ line: 3, code: 'phone_invalid', reason: 'letters', value: '8 999 ABC 22 33' })]);
  });

  it('malformed.csv: rows the reader could not read are problems of their line, and reading goes on', async () => {
    const summary = await dryRunImport(readCsvRows(fixtureStream('malformed.csv')), await suggested('malformed.csv'), options);
    expect(lines(summary.problems)).toEqual([
      [3, 'column_count'],
      [4, 'column_count'],
      [8, 'unclosed_quote'],
    ]);
    expect(summary.counts).toEqual({ total: 6, valid: 3, invalid: 3, duplicates: 0 });
  });

  it('a fatal reading error ends the run and says where', async () => {
    const rows = readCsvRows(bytes('phone\n+79991234567\n"', 'x'.repeat(4096)), { maxRecordBytes: 1024 });
    const summary = await dryRunImport(rows, { columns: { phone: 'phone' } }, options);
    expect(summary.fileProblem).toMatchObject({ line: 3, code: 'record_too_large' });
    expect(summary.finished).toBe(false);
    expect(summary.counts).toEqual({ total: 2, valid: 1, invalid: 1, duplicates: 0 });
  });

  it('reads no row when the mapping does not fit the file', async () => {
    const summary = await dryRunImport(readCsvRows(fixtureStream('comma.csv')), { columns: { Телефон: 'phone' } }, options);
    expect(summary.mappingProblems.map((p) => p.code)).toEqual(['column_not_found', 'no_identifier_mapped']);
    expect(summary.counts.total).toBe(0);
    expect(summary.headers).toContain('phone');
  });

  it('reports an empty file', async () => {
    const summary = await dryRunImport(readCsvRows(bytes('\n')), { columns: {} }, options);
    expect(summary.fileProblem).toMatchObject({ code: 'no_header' });
  });

  it('lists the first N rows with problems and counts them all', async () => {
    async function* manyBadRows(): AsyncGenerator<SourceRow> {
      yield { kind: 'header', line: 1, headers: ['phone'] };
      for (let line = 2; line <= 5_001; line += 1) yield { kind: 'row', line, cells: { phone: 'no phone' } };
    }
    const summary = await dryRunImport(manyBadRows(), { columns: { phone: 'phone' } }, { ...options, maxProblemRows: 10 });
    expect(summary.problems).toHaveLength(10);
    expect(summary.problems.at(-1)?.line).toBe(11);
    expect(summary.problemRowsOmitted).toBe(4_990);
    expect(summary.problemCounts).toEqual({ phone_invalid: 5_000 });
  });

  it('refuses a default phone region libphonenumber does not know', () => {
    expect(() => startImport(readCsvRows(bytes('')), { columns: {} }, { defaultRegion: 'XX' })).toThrow(DomainError);
  });
});

describe('startImport: the same pass feeds the real import', () => {
  it('streams the valid first-seen contacts with their lookup keys', async () => {
    const run = startImport(readCsvRows(fixtureStream('comma.csv')), await suggested('comma.csv'), options);
    const contacts = await collect(run.contacts);
    expect(contacts.map((c) => c.line)).toEqual([2, 3, 12]);
    expect(contacts[2]).toEqual({
      line: 12,
      contact: expect.objectContaining({ externalId: 'C-007', phone: '+74951234567', phoneExtension: '12', email: 'anna@example.ru', attributes: { service_type: 'Карта' } }),
      keys: [
        { kind: 'externalId', value: 'C-007' },
        { kind: 'phone', value: '+74951234567' },
        { kind: 'email', value: 'anna@example.ru' },
      ],
    });
    expect(run.summary().counts).toEqual({ total: 8, valid: 3, invalid: 3, duplicates: 2 });
    expect(() => run.contacts[Symbol.asyncIterator]()).toThrow(/once/);
  });

  it('takes XLSX through the same pipeline, with Excel row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    sheet.addRow(['Телефон', 'Почта', 'Регион']);
    sheet.addRow([79991234567, 'a@example.ru', 'Омская обл.']);
    sheet.addRow([]);
    sheet.addRow(['8 999 1', 'b@example', '']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const run = startImport(readXlsxRows(Readable.from([buffer])), { columns: { Телефон: 'phone', Почта: 'email', Регион: 'region' } }, options);
    const contacts = await collect(run.contacts);
    expect(contacts).toEqual([expect.objectContaining({ line: 2, contact: expect.objectContaining({ phone: '+79991234567', timezone: 'Asia/Omsk', timezoneSource: 'region' }) })]);
    expect(lines(run.summary().problems)).toEqual([
      [4, 'phone_invalid'],
      [4, 'email_invalid'],
    ]);
  });
});
