import { isNegator, negationMarks } from './negation.ts';
import { labelOf, type Sentiment, type SentimentLabel } from './sentiment.ts';
import { scriptOf, tokenize, type Token } from './text.ts';

/**
 * A tenant's own classifier, learnt from its analysts' corrections: one
 * logistic regression per topic (one-vs-rest) and a three-way (softmax) one
 * for sentiment, over the same features the lexicon sees — Snowball stems of
 * folded words (ё→е), with a word in a negation's reach marked ("не_груб",
 * "not_help"). Pure and deterministic: the same corrections give the same
 * model (full-batch gradient descent from zero weights, no randomness), and
 * the model is plain JSON (stored in comment_classifiers).
 *
 * It only adds to the lexicon, and only where it has seen enough: a topic is
 * predicted once MIN_TOPIC_EXAMPLES corrected comments carry it, and only with
 * probability ≥ TOPIC_THRESHOLD; its sentiment is used once every label has
 * MIN_SENTIMENT_EXAMPLES examples, and only where the lexicon reads the text
 * as neutral (the text + score label stays the lexicon's: engine.ts). Settings were chosen by cross-validation on the eval set, not on
 * the held-out set (bench/README.md has both).
 */

export const CLASSIFIER_FORMAT = 1;
/** Corrected comments that must carry a topic before the classifier may predict it. */
export const MIN_TOPIC_EXAMPLES = 5;
/** Examples each sentiment label needs before the classifier's sentiment is used. */
export const MIN_SENTIMENT_EXAMPLES = 5;
/**
 * Probability from which the classifier adds a topic the lexicon did not find
 * (classes are weighted to balance, so 0.5 would be "as likely as not"; 0.7
 * was the least harmful of 0.5–0.8 in 5-fold cross-validation on eval.jsonl).
 */
export const TOPIC_THRESHOLD = 0.7;
/** Corrections used for training, newest first: bounds the training time of the job. */
export const MAX_TRAINING_EXAMPLES = 5000;

const EPOCHS = 300;
const LEARNING_RATE = 1;
/** L2 penalty per example: keeps a word seen once from deciding alone. */
const L2 = 0.003;
/** Weights smaller than this are dropped from the stored model. */
const PRUNE_BELOW = 0.005;

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface TrainingExample {
  text: string;
  topics: string[];
  sentiment: SentimentLabel;
}

export interface TopicModel {
  topic: string;
  /** Training comments labelled with the topic. */
  positives: number;
  bias: number;
  weights: Record<string, number>;
}

export interface SentimentModel {
  counts: Record<SentimentLabel, number>;
  bias: [number, number, number];
  /** feature → weights for negative, neutral, positive. */
  weights: Record<string, [number, number, number]>;
}

export interface ClassifierModel {
  format: typeof CLASSIFIER_FORMAT;
  /** Grows whenever the model's predictions may have changed; part of the analyses' version (see analysisVersion). */
  generation: number;
  examples: number;
  /** The fallback topic is never learnt: it means "nothing matched". */
  topics: TopicModel[];
  sentiment: SentimentModel;
}

export interface ClassifierPrediction {
  /** Topics the classifier is confident about and allowed to predict, most probable first. */
  topics: Array<{ topic: string; probability: number }>;
  /** Null while the classifier has too few examples of some label. */
  sentiment: { label: SentimentLabel; score: number; probabilities: Record<SentimentLabel, number> } | null;
}

/** Binary features of a comment: stems, "не_"/"not_"-marked when a negation reaches them. */
export function featuresOfTokens(tokens: Token[]): string[] {
  const marks = negationMarks(tokens);
  const out = new Set<string>();
  tokens.forEach((token, i) => {
    if (!/\p{L}/u.test(token.word)) return;
    if (isNegator(token.word) || !marks[i]!.negated) out.add(token.stem);
    else out.add(`${scriptOf(token.word) === 'en' ? 'not' : 'не'}_${token.stem}`);
  });
  return [...out];
}

export const featuresOf = (text: string): string[] => featuresOfTokens(tokenize(text));

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** One-vs-rest logistic regression by full-batch gradient descent; docs are arrays of feature indices. */
function trainBinary(docs: number[][], ys: boolean[], vocabSize: number): { bias: number; w: Float64Array } {
  const n = docs.length;
  const positives = ys.filter(Boolean).length;
  // Classes weighted to balance: a topic in 1 comment of 20 still pulls as hard as the other 19, so 0.5 means "as likely as not".
  const weightOf = (y: boolean) => (y ? n / (2 * positives) : n / (2 * (n - positives || 1)));
  const w = new Float64Array(vocabSize);
  const grad = new Float64Array(vocabSize);
  let bias = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    grad.fill(0);
    let gradBias = 0;
    docs.forEach((doc, i) => {
      let z = bias;
      for (const f of doc) z += w[f]!;
      const g = (weightOf(ys[i]!) * (sigmoid(z) - (ys[i] ? 1 : 0))) / n;
      gradBias += g;
      for (const f of doc) grad[f]! += g;
    });
    for (let f = 0; f < vocabSize; f++) w[f]! -= LEARNING_RATE * (grad[f]! + L2 * w[f]!);
    bias -= LEARNING_RATE * gradBias;
  }
  return { bias, w };
}

function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function trainSoftmax(docs: number[][], ys: number[], vocabSize: number): { bias: number[]; w: Float64Array[] } {
  const n = docs.length;
  const k = LABELS.length;
  const w = Array.from({ length: k }, () => new Float64Array(vocabSize));
  const grad = Array.from({ length: k }, () => new Float64Array(vocabSize));
  const bias = new Array<number>(k).fill(0);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const g of grad) g.fill(0);
    const gradBias = new Array<number>(k).fill(0);
    docs.forEach((doc, i) => {
      const p = softmax(bias.map((b, c) => doc.reduce((z, f) => z + w[c]![f]!, b)));
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (ys[i] === c ? 1 : 0)) / n;
        gradBias[c]! += g;
        for (const f of doc) grad[c]![f]! += g;
      }
    });
    for (let c = 0; c < k; c++) {
      for (let f = 0; f < vocabSize; f++) w[c]![f]! -= LEARNING_RATE * (grad[c]![f]! + L2 * w[c]![f]!);
      bias[c]! -= LEARNING_RATE * gradBias[c]!;
    }
  }
  return { bias, w };
}

/**
 * Learns a model from corrected comments (at most MAX_TRAINING_EXAMPLES, the
 * caller gives the newest first). `topicIds` are the topics that may be
 * learnt (the tenant's taxonomy without its fallback topic).
 */
export function trainClassifier(examples: TrainingExample[], topicIds: readonly string[], generation: number): ClassifierModel {
  const used = examples.slice(0, MAX_TRAINING_EXAMPLES);
  const vocab = new Map<string, number>();
  const docs = used.map((e) =>
    featuresOf(e.text).map((f) => {
      let id = vocab.get(f);
      if (id === undefined) vocab.set(f, (id = vocab.size));
      return id;
    }),
  );
  const names = [...vocab.keys()];
  const topics: TopicModel[] = [];
  for (const topic of topicIds) {
    const ys = used.map((e) => e.topics.includes(topic));
    const positives = ys.filter(Boolean).length;
    if (positives === 0) continue;
    const { bias, w } = trainBinary(docs, ys, names.length);
    const weights: Record<string, number> = {};
    w.forEach((v, f) => {
      if (Math.abs(v) >= PRUNE_BELOW) weights[names[f]!] = round(v);
    });
    topics.push({ topic, positives, bias: round(bias), weights });
  }
  const counts = { negative: 0, neutral: 0, positive: 0 };
  for (const e of used) counts[e.sentiment] += 1;
  const sentimentWeights: Record<string, [number, number, number]> = {};
  let sentimentBias: [number, number, number] = [0, 0, 0];
  if (used.length > 0) {
    const { bias, w } = trainSoftmax(docs, used.map((e) => LABELS.indexOf(e.sentiment)), names.length);
    sentimentBias = [round(bias[0]!), round(bias[1]!), round(bias[2]!)];
    names.forEach((name, f) => {
      const ws: [number, number, number] = [round(w[0]![f]!), round(w[1]![f]!), round(w[2]![f]!)];
      if (ws.some((v) => Math.abs(v) >= PRUNE_BELOW)) sentimentWeights[name] = ws;
    });
  }
  return {
    format: CLASSIFIER_FORMAT,
    generation,
    examples: used.length,
    topics,
    sentiment: { counts, bias: sentimentBias, weights: sentimentWeights },
  };
}

export const sentimentReady = (model: ClassifierModel): boolean => LABELS.every((l) => model.sentiment.counts[l] >= MIN_SENTIMENT_EXAMPLES);

/** Topics the model may predict (enough examples, still in the taxonomy). */
export const readyTopics = (model: ClassifierModel, topicIds?: readonly string[]): string[] =>
  model.topics.filter((t) => t.positives >= MIN_TOPIC_EXAMPLES && (!topicIds || topicIds.includes(t.topic))).map((t) => t.topic);

/** Does the model change any analysis at all? An idle model is not worth a re-analysis. */
export const classifierActive = (model: ClassifierModel | null): boolean =>
  model !== null && (readyTopics(model).length > 0 || sentimentReady(model));

export function predictTokens(model: ClassifierModel, tokens: Token[], topicIds?: readonly string[]): ClassifierPrediction {
  const features = featuresOfTokens(tokens);
  const allowed = new Set(readyTopics(model, topicIds));
  const topics = model.topics
    .filter((t) => allowed.has(t.topic))
    .map((t) => ({ topic: t.topic, probability: sigmoid(features.reduce((z, f) => z + (t.weights[f] ?? 0), t.bias)) }))
    .filter((t) => t.probability >= TOPIC_THRESHOLD)
    .sort((a, b) => b.probability - a.probability || a.topic.localeCompare(b.topic));
  let sentiment: ClassifierPrediction['sentiment'] = null;
  if (sentimentReady(model)) {
    const z = LABELS.map((_, c) => features.reduce((s, f) => s + (model.sentiment.weights[f]?.[c] ?? 0), model.sentiment.bias[c]!));
    const p = softmax(z);
    const probabilities = { negative: p[0]!, neutral: p[1]!, positive: p[2]! };
    const best = p.indexOf(Math.max(...p));
    sentiment = { label: LABELS[best]!, score: probabilities.positive - probabilities.negative, probabilities };
  }
  return { topics, sentiment };
}

export const predict = (model: ClassifierModel, text: string, topicIds?: readonly string[]): ClassifierPrediction =>
  predictTokens(model, tokenize(text), topicIds);

/**
 * Final topics: the lexicon's, plus the classifier's confident ones. The
 * fallback topic ("other": nothing matched) goes once the classifier found a
 * real topic.
 */
export function combineTopics(lexicon: readonly string[], prediction: ClassifierPrediction | null, fallbackTopic: string): string[] {
  const added = (prediction?.topics ?? []).map((t) => t.topic).filter((t) => t !== fallbackTopic && !lexicon.includes(t));
  if (added.length === 0) return [...lexicon];
  return [...lexicon.filter((t) => t !== fallbackTopic), ...added];
}

/**
 * Text sentiment: the lexicon's, unless it found nothing to go by (neutral):
 * then the classifier's score, P(positive) − P(negative), labelled as the
 * lexicon labels a score. Filling the lexicon's gaps (idioms, words it lacks)
 * rather than averaging everywhere: in 5-fold cross-validation on the eval set
 * averaging lowered text-only accuracy (84 → 75 %), filling raised it (84 →
 * 85 %). Neither helped text + score, which engine.ts leaves to the lexicon.
 */
export function combineSentiment(lexicon: Sentiment, prediction: ClassifierPrediction | null): Sentiment {
  if (!prediction?.sentiment || lexicon.label !== 'neutral') return lexicon;
  return { score: prediction.sentiment.score, label: labelOf(prediction.sentiment.score) };
}
