import type { AppContext } from '../../src/app/context.ts';
import { answers, responses } from '../../src/store/schema/index.ts';

export interface MultiScoredResponse {
  surveyId: string;
  versionId: string;
  completedAt: Date;
  /** metric key → score (FCR: 1 = yes, 0 = no, as the respondent side stores it). */
  scores: Record<string, number>;
  channel?: string;
  attributes?: Record<string, string>;
}

/** Completed responses with one scored answer per metric key, written straight to the tables (the rollup job reads them). */
export async function insertMultiScoredResponses(ctx: AppContext, tenantId: string, specs: MultiScoredResponse[]): Promise<void> {
  for (let i = 0; i < specs.length; i += 500) {
    const chunk = specs.slice(i, i + 500);
    const rows = await ctx.db
      .insert(responses)
      .values(
        chunk.map((s) => ({
          tenantId,
          surveyId: s.surveyId,
          surveyVersionId: s.versionId,
          anonymous: false,
          channel: s.channel ?? 'web',
          language: 'ru',
          status: 'completed',
          test: false,
          attributes: s.attributes ?? {},
          startedAt: new Date(s.completedAt.getTime() - 60_000),
          updatedAt: s.completedAt,
          completedAt: s.completedAt,
        })),
      )
      .returning({ id: responses.id });
    const answerRows = rows.flatMap((row, j) =>
      Object.entries(chunk[j]!.scores).map(([metricKey, score]) => ({ tenantId, responseId: row.id, questionId: metricKey, questionType: 'rating', metricKey, score })),
    );
    if (answerRows.length > 0) await ctx.db.insert(answers).values(answerRows);
  }
}
