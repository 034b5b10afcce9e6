import { z } from 'zod';
import type { LexiconState } from '../../../app/analytics/commentLexicon.ts';
import { TaxonomyInput } from '../../../domain/comments/index.ts';

export const LexiconView = z.object({
  version: z.number().int().describe('Grows with every save or reset; analyses of an older version are redone in the background'),
  starter: z.boolean().describe('The starter lexicon: never edited, or reset to it'),
  updatedAt: z.string().nullable(),
  taxonomy: TaxonomyInput,
  reanalysis: z.object({
    pending: z.number().int().describe('Analyses made with an older lexicon or classifier, still to redo'),
    inProgress: z.boolean(),
  }),
  classifier: z.object({
    examples: z.number().int().describe('Corrections the tenant’s classifier was last trained on'),
    trainedAt: z.string().nullable(),
    activeTopics: z.array(z.string()).describe('Topics with enough corrections for the classifier to add them'),
    sentimentActive: z.boolean(),
    minTopicExamples: z.number().int(),
    minSentimentExamples: z.number().int(),
  }),
});
export type LexiconView = z.infer<typeof LexiconView>;

export function presentLexicon(s: LexiconState): LexiconView {
  return {
    version: s.version,
    starter: s.starter,
    updatedAt: s.updatedAt?.toISOString() ?? null,
    taxonomy: s.taxonomy,
    reanalysis: { pending: s.staleAnalyses, inProgress: s.staleAnalyses > 0 },
    classifier: { ...s.classifier, trainedAt: s.classifier.trainedAt?.toISOString() ?? null },
  };
}
