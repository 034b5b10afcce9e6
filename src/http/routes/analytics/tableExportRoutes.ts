import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { breakdownTable, commentsTable, employeesTable, topicsTable } from '../../../app/analytics/exportTables.ts';
import type { AppContext } from '../../../app/context.ts';
import { actorOf } from '../../plugins/auth.ts';
import { requestLocale } from '../../problem.ts';
import { errorResponses, uuid } from '../../schemas.ts';
import { BreakdownQuery, CommentsExportQuery, EmployeesQuery, TopicsExportQuery } from './schema.ts';
import { sendTable, type HeaderLabels } from './tableExport.ts';

const params = z.object({ tenantId: uuid });
const tags = ['analytics'];
const FORMATS = ['csv', 'xlsx'] as const;
const file = z.unknown().describe('The file');

/** Column headers in both languages; the file takes the request's (Accept-Language). */
const LABELS: HeaderLabels = {
  value: { en: 'Value', ru: 'Значение' },
  n: { en: 'Answers', ru: 'Ответов' },
  nps: { en: 'NPS', ru: 'NPS' },
  interval_lower: { en: '95% interval, lower', ru: '95% интервал, нижняя граница' },
  interval_upper: { en: '95% interval, upper', ru: '95% интервал, верхняя граница' },
  promoters: { en: 'Promoters', ru: 'Промоутеры' },
  passives: { en: 'Passives', ru: 'Нейтралы' },
  detractors: { en: 'Detractors', ru: 'Критики' },
  small_sample: { en: 'Small sample', ru: 'Малая выборка' },
  rank: { en: 'Rank', ru: 'Место' },
  employee: { en: 'Employee', ru: 'Сотрудник' },
  department: { en: 'Department', ru: 'Отдел' },
  ranking_score: { en: 'Ranking score', ru: 'Оценка для рейтинга' },
  method: { en: 'Method', ru: 'Метод' },
  topic: { en: 'Topic', ru: 'Тема' },
  label: { en: 'Topic name', ru: 'Название темы' },
  mentioning_n: { en: 'Mentioning: answers', ru: 'Упомянули: ответов' },
  mentioning_nps: { en: 'Mentioning: NPS', ru: 'Упомянули: NPS' },
  mentioning_lower: { en: 'Mentioning: interval, lower', ru: 'Упомянули: интервал, нижняя граница' },
  mentioning_upper: { en: 'Mentioning: interval, upper', ru: 'Упомянули: интервал, верхняя граница' },
  rest_n: { en: 'Others: answers', ru: 'Остальные: ответов' },
  rest_nps: { en: 'Others: NPS', ru: 'Остальные: NPS' },
  impact: { en: 'Impact on NPS', ru: 'Влияние на NPS' },
  impact_lower: { en: 'Impact: interval, lower', ru: 'Влияние: интервал, нижняя граница' },
  impact_upper: { en: 'Impact: interval, upper', ru: 'Влияние: интервал, верхняя граница' },
  p_value: { en: 'p-value', ru: 'p-значение' },
  significant: { en: 'Significant', ru: 'Значимо' },
  completed_at: { en: 'Date', ru: 'Дата' },
  survey: { en: 'Survey', ru: 'Опрос' },
  response_id: { en: 'Response id', ru: 'Идентификатор ответа' },
  language: { en: 'Language', ru: 'Язык' },
  score: { en: 'Score', ru: 'Оценка' },
  text: { en: 'Comment', ru: 'Комментарий' },
  topics: { en: 'Topics', ru: 'Темы' },
  sentiment: { en: 'Sentiment', ru: 'Тональность' },
  disagreement: { en: 'Text contradicts score', ru: 'Текст расходится с оценкой' },
  dimensions: { en: 'Dimensions', ru: 'Измерения' },
};

/** The dashboard's tables as CSV (UTF-8 with BOM) or XLSX, streamed; the same numbers as the JSON endpoints. */
export const analyticsTableExportRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  for (const format of FORMATS) {
    const what = format === 'csv' ? 'CSV (UTF-8 with BOM)' : 'an Excel workbook';
    app.get(
      `/tenants/:tenantId/analytics/breakdown.${format}`,
      { schema: { tags, summary: `The NPS breakdown by a dimension as ${what}`, params, querystring: BreakdownQuery, response: { 200: file, ...errorResponses } } },
      async (req, reply) => {
        const table = await breakdownTable(ctx, actorOf(req), req.params.tenantId, req.query);
        return sendTable(req, reply, table, { format, labels: LABELS, fileName: `breakdown-${req.query.dimension}-${req.query.from}-${req.query.to}`, sheetName: 'Breakdown' });
      },
    );

    app.get(
      `/tenants/:tenantId/analytics/employees.${format}`,
      { schema: { tags, summary: `The employee ranking for payroll as ${what}`, params, querystring: EmployeesQuery, response: { 200: file, ...errorResponses } } },
      async (req, reply) => {
        const table = await employeesTable(ctx, actorOf(req), req.params.tenantId, req.query);
        return sendTable(req, reply, table, { format, labels: LABELS, fileName: `employees-${req.query.from}-${req.query.to}`, sheetName: 'Employees' });
      },
    );

    app.get(
      `/tenants/:tenantId/analytics/topics.${format}`,
      { schema: { tags, summary: `Topic NPS impact as ${what}`, params, querystring: TopicsExportQuery, response: { 200: file, ...errorResponses } } },
      async (req, reply) => {
        const table = await topicsTable(ctx, actorOf(req), req.params.tenantId, req.query, requestLocale(req));
        return sendTable(req, reply, table, { format, labels: LABELS, fileName: 'topics', sheetName: 'Topics' });
      },
    );

    app.get(
      `/tenants/:tenantId/analytics/comments.${format}`,
      { schema: { tags, summary: `Every comment the explorer's filters match as ${what}; anonymous surveys without response id and with the day only`, params, querystring: CommentsExportQuery, response: { 200: file, ...errorResponses } } },
      async (req, reply) => {
        const table = await commentsTable(ctx, actorOf(req), req.params.tenantId, req.query);
        return sendTable(req, reply, table, { format, labels: LABELS, fileName: 'comments', sheetName: 'Comments' });
      },
    );
  }
};
