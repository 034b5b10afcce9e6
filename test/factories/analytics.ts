import type { AppContext } from '../../src/app/context.ts';
import { answers, responses } from '../../src/store/schema/index.ts';

export interface ScoredResponse {
  surveyId: string;
  versionId: string;
  completedAt: Date;
  score: number;
  channel?: string;
  attributes?: Record<string, string>;
  anonymous?: boolean;
  test?: boolean;
}

/** Completed responses with one NPS answer each, written straight to the tables (the rollup job reads them). */
export async function insertScoredResponses(ctx: AppContext, tenantId: string, specs: ScoredResponse[]): Promise<void> {
  for (let i = 0; i < specs.length; i += 500) {
    const chunk = specs.slice(i, i + 500);
    const rows = await ctx.db
      .insert(responses)
      .values(
        chunk.map((s) => ({
          tenantId,
          surveyId: s.surveyId,
          surveyVersionId: s.versionId,
          anonymous: s.anonymous ?? false,
          channel: s.channel ?? 'web',
          language: 'ru',
          status: 'completed',
          test: s.test ?? false,
          attributes: s.attributes ?? {},
          startedAt: new Date(s.completedAt.getTime() - 60_000),
          updatedAt: s.completedAt,
          completedAt: s.completedAt,
        })),
      )
      .returning({ id: responses.id });
    await ctx.db.insert(answers).values(rows.map((row, j) => ({ tenantId, responseId: row.id, questionId: 'nps', questionType: 'nps', metricKey: 'nps', score: chunk[j]!.score })));
  }
}
