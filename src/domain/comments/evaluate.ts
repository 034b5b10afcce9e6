import { combineSentiment, combineTopics, predictTokens, type ClassifierModel } from './classifier.ts';
import { bandLabel, combineWithScore, sentimentOfTokens, type SentimentLabel } from './sentiment.ts';
import type { Taxonomy } from './taxonomy.ts';
import { tokenize, type CommentLanguage } from './text.ts';
import { topicsOfTokens } from './topics.ts';

/**
 * Evaluation of the comment engine against a labelled set: per-topic
 * precision / recall / F1 with their macro average, sentiment accuracy, and
 * the same figures for a baseline that looks only at the score.
 *
 * Baselines. Sentiment: the NPS band alone (0–6 negative, 7–8 neutral, 9–10
 * positive). Topics: every comment gets the most frequent topic of the set
 * (on ours, resolution); it beats "always other" on macro-F1, so it is the
 * harder one to beat, and "always other" is reported too.
 */

export interface LabelledComment {
  text: string;
  lang: CommentLanguage;
  /** NPS answer 0–10 */
  score: number;
  topics: string[];
  sentiment: SentimentLabel;
}

export interface TopicScore {
  topic: string;
  /** Comments labelled with the topic. */
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TopicEvaluation {
  perTopic: TopicScore[];
  /** Mean F1 over the topics that occur in the labels. */
  macroF1: number;
}

export interface CommentEvaluation {
  n: number;
  topics: { engine: TopicEvaluation; baselineMostFrequent: TopicEvaluation & { topic: string }; baselineOther: TopicEvaluation };
  sentiment: {
    /** Text alone (sentimentOf). */
    engineTextAccuracy: number;
    /** Text combined with the score (combineWithScore). */
    engineCombinedAccuracy: number;
    baselineBandAccuracy: number;
    byLanguage: Record<string, { n: number; engineText: number; engineCombined: number; baselineBand: number }>;
    /** Comments the engine flags as disagreeing with their score. */
    disagreementsFlagged: number;
  };
  /** What the engine got wrong, for reading, not for asserting. */
  misses: Array<{ text: string; expected: { topics: string[]; sentiment: SentimentLabel }; got: { topics: string[]; sentiment: SentimentLabel } }>;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function topicScores(gold: string[][], predicted: string[][], topics: readonly string[]): TopicEvaluation {
  const perTopic = topics.map((topic) => {
    let tp = 0, fp = 0, fn = 0, support = 0;
    gold.forEach((labels, i) => {
      const inGold = labels.includes(topic);
      const inPred = predicted[i]!.includes(topic);
      if (inGold) support++;
      if (inGold && inPred) tp++;
      else if (inPred) fp++;
      else if (inGold) fn++;
    });
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { topic, support, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
  });
  const counted = perTopic.filter((t) => t.support > 0);
  return { perTopic, macroF1: ratio(counted.reduce((a, t) => a + t.f1, 0), counted.length) };
}

export function accuracy<T>(gold: T[], predicted: T[]): number {
  return ratio(gold.filter((g, i) => g === predicted[i]).length, gold.length);
}

export function mostFrequentTopic(gold: string[][]): string {
  const counts = new Map<string, number>();
  for (const labels of gold) for (const t of labels) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other';
}

/** With a classifier, the engine is the lexicon and the classifier together, as analyseText combines them. */
export function evaluateComments(examples: LabelledComment[], taxonomy: Taxonomy, classifier: ClassifierModel | null = null): CommentEvaluation {
  const topicIds = taxonomy.topics.map((t) => t.id);
  const gold = examples.map((e) => e.topics);
  const predictedTopics: string[][] = [];
  const textLabels: SentimentLabel[] = [];
  const combinedLabels: SentimentLabel[] = [];
  let disagreementsFlagged = 0;
  for (const example of examples) {
    const tokens = tokenize(example.text);
    const prediction = classifier ? predictTokens(classifier, tokens, topicIds) : null;
    predictedTopics.push(combineTopics(topicsOfTokens(tokens, taxonomy).map((t) => t.topic), prediction, taxonomy.fallbackTopic));
    const lexicon = sentimentOfTokens(tokens);
    // As analyseText: the classifier fills the text label; text + score stays the lexicon's (engine.ts says why).
    const text = combineSentiment(lexicon, prediction);
    const combined = combineWithScore(lexicon, example.score);
    if (combined.disagreement) disagreementsFlagged++;
    textLabels.push(text.label);
    combinedLabels.push(combined.label);
  }
  const goldSentiment = examples.map((e) => e.sentiment);
  const bandLabels = examples.map((e) => bandLabel(e.score));
  const frequent = mostFrequentTopic(gold);

  const byLanguage: CommentEvaluation['sentiment']['byLanguage'] = {};
  for (const lang of [...new Set(examples.map((e) => e.lang))]) {
    const idx = examples.flatMap((e, i) => (e.lang === lang ? [i] : []));
    const pick = <T>(xs: T[]) => idx.map((i) => xs[i]!);
    byLanguage[lang] = {
      n: idx.length,
      engineText: accuracy(pick(goldSentiment), pick(textLabels)),
      engineCombined: accuracy(pick(goldSentiment), pick(combinedLabels)),
      baselineBand: accuracy(pick(goldSentiment), pick(bandLabels)),
    };
  }

  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const misses = examples.flatMap((e, i) =>
    sameSet(e.topics, predictedTopics[i]!) && e.sentiment === textLabels[i]
      ? []
      : [{ text: e.text, expected: { topics: e.topics, sentiment: e.sentiment }, got: { topics: predictedTopics[i]!, sentiment: textLabels[i]! } }],
  );

  return {
    n: examples.length,
    topics: {
      engine: topicScores(gold, predictedTopics, topicIds),
      baselineMostFrequent: { ...topicScores(gold, examples.map(() => [frequent]), topicIds), topic: frequent },
      baselineOther: topicScores(gold, examples.map(() => [taxonomy.fallbackTopic]), topicIds),
    },
    sentiment: {
      engineTextAccuracy: accuracy(goldSentiment, textLabels),
      engineCombinedAccuracy: accuracy(goldSentiment, combinedLabels),
      baselineBandAccuracy: accuracy(goldSentiment, bandLabels),
      byLanguage,
      disagreementsFlagged,
    },
    misses,
  };
}
