/**
 * Streaming a table to a file, shared by the dashboard's exports: CSV (UTF-8
 * with BOM, formula-looking text neutralised, see domain/exports/csv.ts) or
 * XLSX through exceljs's streaming writer, which waits for a slow reader.
 * Headers are worded in the request's language (Accept-Language, as error
 * messages are); the column order and the keys behind them are stable.
 */
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExportTable, TableCell } from '../../../app/analytics/exportTables.ts';
import { csvLine, neutraliseFormula, UTF8_BOM, type CsvCell } from '../../../domain/exports/csv.ts';
import { requestLocale } from '../../problem.ts';

export type Locale = 'ru' | 'en';
export type HeaderLabels = Readonly<Record<string, { ru: string; en: string }>>;

const YES_NO = { ru: ['да', 'нет'], en: ['yes', 'no'] } as const;

function cellOf(cell: TableCell, locale: Locale): CsvCell {
  if (typeof cell === 'boolean') return YES_NO[locale][cell ? 0 : 1];
  return cell;
}

const headerRow = (table: ExportTable, labels: HeaderLabels, locale: Locale) => table.columns.map((key) => labels[key]?.[locale] ?? key);

function sendCsv(reply: FastifyReply, table: ExportTable, header: string[], locale: Locale, fileName: string) {
  async function* lines(): AsyncGenerator<string> {
    yield UTF8_BOM + csvLine(header);
    for await (const row of table.rows) yield csvLine(row.map((c) => cellOf(c, locale)));
  }
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="${fileName}.csv"`);
  return reply.send(Readable.from(lines()));
}

function sendXlsx(reply: FastifyReply, table: ExportTable, header: string[], locale: Locale, fileName: string, sheetName: string) {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.commit();
  const write = async () => {
    for await (const row of table.rows) {
      sheet.addRow(row.map((c) => {
        const v = cellOf(c, locale);
        return typeof v === 'string' ? neutraliseFormula(v) : v;
      })).commit();
      // exceljs does not wait for a slow reader: stop pulling rows while the response is backed up.
      if (stream.writableNeedDrain) await once(stream, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  reply.header('content-disposition', `attachment; filename="${fileName}.xlsx"`);
  return reply.send(stream);
}

/** Sends the table as `format`; `fileName` without extension, ASCII only. */
export function sendTable(
  req: FastifyRequest,
  reply: FastifyReply,
  table: ExportTable,
  opts: { format: 'csv' | 'xlsx'; labels: HeaderLabels; fileName: string; sheetName: string },
) {
  const locale = requestLocale(req);
  const header = headerRow(table, opts.labels, locale);
  return opts.format === 'csv' ? sendCsv(reply, table, header, locale, opts.fileName) : sendXlsx(reply, table, header, locale, opts.fileName, opts.sheetName);
}
