import type { AppContext } from '../../src/app/context.ts';
import { answers, responses } from '../../src/store/schema/index.ts';

interface ResponseSpec {
  surveyId: string;
  versionId: string;
  completedAt: Date;
  channel?: string;
  attributes?: Record<string, string>;
  anonymous?: boolean;
  test?: boolean;
}

export interface ScoredResponse extends ResponseSpec {
  score: number;
}

export interface MultiScoredResponse extends ResponseSpec {
  /** metric key → score (FCR: 1 = yes, 0 = no, as the respondent side stores it). */
  scores: Record<string, number>;
}

/** Completed responses with one NPS answer each, written straight to the tables (the rollup job reads them). */
export async function insertScoredResponses(ctx: AppContext, tenantId: string, specs: ScoredResponse[]): Promise<void> {
  await insertMultiScoredResponses(ctx, tenantId, specs.map(({ score, ...s }) => ({ ...s, scores: { nps: score } })));
}

/** Completed responses with one scored answer per metric key (question id = the key), written straight to the tables. */
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
    const answerRows = rows.flatMap((row, j) =>
      Object.entries(chunk[j]!.scores).map(([metricKey, score]) => ({
        tenantId,
        responseId: row.id,
        questionId: metricKey,
        questionType: metricKey === 'nps' || metricKey === 'enps' ? 'nps' : 'rating',
        metricKey,
        score,
      })),
    );
    if (answerRows.length > 0) await ctx.db.insert(answers).values(answerRows);
  }
}
