import { once } from 'node:events';
import { PassThrough, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportAnswers, type AnswerExportFilter, type ExportCell } from '../../../app/analytics/exportAnswers.ts';
import type { AppContext } from '../../../app/context.ts';
import { csvLine, neutraliseFormula, UTF8_BOM } from '../../../domain/exports/csv.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { HeadlineQuery } from './schema.ts';

const params = z.object({ tenantId: uuid });
const tags = ['analytics'];
/** The dashboard's period and dimension filter, for one survey. */
const ExportQuery = HeadlineQuery.extend({ surveyId: uuid.describe('The survey whose answers are exported') });

const fileName = (f: AnswerExportFilter, ext: string) => `answers-${f.surveyId}-${f.from}-${f.to}.${ext}`;

/** Answers of a survey as CSV or XLSX, streamed: memory stays flat for a million rows. */
export const analyticsExportRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(
    '/tenants/:tenantId/analytics/export.csv',
    {
      schema: {
        tags,
        summary: 'Answers of a survey as CSV (UTF-8 with BOM): dimensions, one column per question, topics and sentiment of comments; no contact data',
        params,
        querystring: ExportQuery,
        response: { 200: z.unknown().describe('The file'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const data = await exportAnswers(ctx, actorOf(req), req.params.tenantId, req.query);
      let first = true;
      const toCsv = new Transform({
        writableObjectMode: true,
        transform(row: ExportCell[], _enc, done) {
          const head = first ? UTF8_BOM + csvLine(data.columns) : '';
          first = false;
          done(null, head + csvLine(row));
        },
        flush(done) {
          done(null, first ? UTF8_BOM + csvLine(data.columns) : '');
        },
      });
      const body = data.rows.pipe(toCsv);
      data.rows.on('error', (err) => body.destroy(err));
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${fileName(req.query, 'csv')}"`);
      return reply.send(body);
    },
  );

  app.get(
    '/tenants/:tenantId/analytics/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Answers of a survey as an Excel workbook, the same columns as the CSV',
        params,
        querystring: ExportQuery,
        response: { 200: z.unknown().describe('The file'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const data = await exportAnswers(ctx, actorOf(req), req.params.tenantId, req.query);
      const stream = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet('Answers');
      const header = sheet.addRow(data.columns);
      header.font = { bold: true };
      header.commit();
      const write = async () => {
        for await (const row of data.rows as AsyncIterable<ExportCell[]>) {
          sheet.addRow(row.map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c))).commit();
          // exceljs does not wait for a slow reader: stop pulling rows while the response is backed up.
          if (stream.writableNeedDrain) await once(stream, 'drain');
        }
        sheet.commit();
        await workbook.commit();
      };
      write().catch((err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))));
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="${fileName(req.query, 'xlsx')}"`);
      return reply.send(stream);
    },
  );
};
