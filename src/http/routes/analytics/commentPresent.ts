import { z } from 'zod';
import type { ListedComment, TopicImpact } from '../../../app/analytics/comments.ts';
import type { NpsResult } from '../../../domain/metrics/index.ts';

const Label = z.enum(['negative', 'neutral', 'positive']);

export const CommentView = z.object({
  id: z.string().describe('The answer id; also what the cursor points at'),
  surveyId: z.uuid(),
  responseId: z.uuid().nullable().describe('Always null for an anonymous survey'),
  contactId: z.uuid().nullable().describe('Always null for an anonymous survey'),
  anonymous: z.boolean(),
  channel: z.string(),
  attributes: z.record(z.string(), z.string()),
  withheldAttributes: z.array(z.string()).describe('Anonymous surveys: dimensions withheld because fewer than 5 answers share their value'),
  completedAt: z.string().describe('Cut to the day (midnight UTC) for an anonymous survey'),
  language: z.enum(['ru', 'en', 'other']),
  text: z.string(),
  topics: z.array(z.string()),
  topicPolarity: z.record(z.string(), Label).describe('What the comment says about each topic, after negation'),
  npsScore: z.number().int().nullable(),
  sentiment: z.object({
    text: z.object({ score: z.number(), label: Label }).describe('From the words alone'),
    label: Label.describe('Text and score band together'),
    disagreement: z.boolean().describe('The text clearly says the opposite of the score'),
  }),
  corrected: z.boolean().describe('An analyst corrected the topics and the label; the engine no longer changes them'),
});
export type CommentView = z.infer<typeof CommentView>;

export function presentComment(c: ListedComment): CommentView {
  return {
    id: String(c.answerId),
    surveyId: c.surveyId,
    responseId: c.anonymous ? null : c.responseId,
    contactId: c.anonymous ? null : c.contactId,
    anonymous: c.anonymous,
    channel: c.channel,
    attributes: c.attributes,
    withheldAttributes: c.withheldAttributes,
    completedAt: c.completedAt.toISOString(),
    language: c.language as CommentView['language'],
    text: c.text,
    topics: c.topics,
    topicPolarity: c.topicPolarity,
    npsScore: c.npsScore,
    sentiment: { text: { score: c.sentimentScore, label: c.sentimentLabel }, label: c.finalLabel, disagreement: c.disagreement },
    corrected: c.corrected,
  };
}

const NpsFigures = z.object({
  n: z.number().int(),
  nps: z.number().nullable().describe('NPS points, −100..100; null when n = 0'),
  interval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
  counts: z.object({ promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int() }),
  smallSample: z.boolean(),
});

const figures = (r: NpsResult): z.infer<typeof NpsFigures> => ({
  n: r.n,
  nps: r.estimate,
  interval: r.interval ? { lower: r.interval.lower, upper: r.interval.upper } : null,
  counts: r.counts,
  smallSample: r.smallSample,
});

export const TopicImpactView = z.object({
  topic: z.string(),
  label: z.object({ ru: z.string(), en: z.string() }).nullable(),
  mentioning: NpsFigures.describe('Respondents whose comments mention the topic'),
  rest: NpsFigures.describe('Every other respondent with an NPS score in the filter'),
  impact: z.object({
    difference: z.number().nullable().describe('mentioning − rest, NPS points'),
    interval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
    pValue: z.number().nullable(),
    significant: z.boolean(),
  }),
});

export const TopicsView = z.object({ total: NpsFigures, topics: z.array(TopicImpactView) });

export function presentTopics(r: { total: NpsResult; topics: TopicImpact[] }): z.infer<typeof TopicsView> {
  return {
    total: figures(r.total),
    topics: r.topics.map((t) => ({
      topic: t.topic,
      label: t.label,
      mentioning: figures(t.mentioning),
      rest: figures(t.rest),
      impact: {
        difference: t.impact.difference,
        interval: t.impact.interval ? { lower: t.impact.interval.lower, upper: t.impact.interval.upper } : null,
        pValue: t.impact.pValue,
        significant: t.impact.significant,
      },
    })),
  };
}
