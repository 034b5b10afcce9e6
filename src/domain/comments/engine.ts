import { combineSentiment, combineTopics, predictTokens, type ClassifierModel } from './classifier.ts';
import { combineWithScore, sentimentOfTokens, type CombinedSentiment, type SentimentLabel } from './sentiment.ts';
import type { Taxonomy } from './taxonomy.ts';
import { detectLanguage, tokenize, type CommentLanguage } from './text.ts';
import { topicsOfTokens } from './topics.ts';

/**
 * One comment through a tenant's whole engine: its lexicon (taxonomy) for
 * topics, the sentiment lexicon, and — when it has learnt enough — its
 * classifier (classifier.ts), which only adds confident topics and blends its
 * sentiment into the text score.
 */
export interface CommentEngine {
  taxonomy: Taxonomy;
  classifier: ClassifierModel | null;
}

export interface CommentAnalysis {
  language: CommentLanguage;
  topics: string[];
  topicPolarity: Record<string, SentimentLabel>;
  sentiment: CombinedSentiment;
}

/**
 * Which engine produced an analysis: the lexicon's version plus the
 * classifier's generation. Both only grow, so the sum grows with every change
 * of either, and an analysis whose stamp differs is stale. A tenant with
 * neither has the starter taxonomy's version.
 */
export const analysisVersion = (lexiconVersion: number, classifier: ClassifierModel | null): number =>
  lexiconVersion + (classifier?.generation ?? 0);

export function analyseText(text: string, npsScore: number | null, engine: CommentEngine): CommentAnalysis {
  const tokens = tokenize(text);
  const lexiconTopics = topicsOfTokens(tokens, engine.taxonomy);
  const lexiconSentiment = sentimentOfTokens(tokens);
  const prediction = engine.classifier ? predictTokens(engine.classifier, tokens, engine.taxonomy.topics.map((t) => t.id)) : null;
  const textSentiment = combineSentiment(lexiconSentiment, prediction);
  const topics = combineTopics(lexiconTopics.map((t) => t.topic), prediction, engine.taxonomy.fallbackTopic);
  const topicPolarity: Record<string, SentimentLabel> = {};
  for (const t of lexiconTopics) if (topics.includes(t.topic)) topicPolarity[t.topic] = t.polarity;
  // A topic only the classifier found takes the tone of the whole text.
  for (const t of topics) topicPolarity[t] ??= textSentiment.label;
  // The text + score label stays the lexicon's: feeding the classifier's score into it lost accuracy in
  // cross-validation (bench/README.md, "learning from corrections"); the text label shows what the words say.
  return { language: detectLanguage(text), topics, topicPolarity, sentiment: { ...combineWithScore(lexiconSentiment, npsScore), text: textSentiment } };
}
