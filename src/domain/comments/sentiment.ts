import { compileTerm, findTerm, type WordPattern } from './lexicon.ts';
import { CONTRAST, DOWNTONERS, INTENSIFIERS, negationMarks } from './negation.ts';
import { STARTER_SENTIMENT_LEXICON, type SentimentLexicon } from './sentimentLexicon.ts';
import { tokenize, type Token } from './text.ts';

/**
 * Lexicon sentiment, negation-aware, for Russian and English. Each lexicon word
 * contributes its weight, scaled by an intensifier or downtoner before it,
 * reversed (or weakened) by a negation in reach, and halved for every
 * "но" / "but" that follows it: the clause after a contrast weighs more.
 */

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface Sentiment {
  /** −1..1 */
  score: number;
  label: SentimentLabel;
}

/** |score| at or above which a text counts as positive or negative. */
export const SENTIMENT_THRESHOLD = 0.15;
/** A negated negative word turns mildly positive ("не плохо", "not bad"). */
const NEGATED_NEGATIVE_FACTOR = -0.6;
/** A negated positive word is nearly as negative as it was positive ("not helpful"). */
const NEGATED_POSITIVE_FACTOR = -0.9;
/** "не очень вежливо", "not very helpful": the word's meaning reversed, but weakly. */
const WEAKENED_FACTOR = -0.4;
/** "обслуживание не очень" on its own: mildly negative. */
const BARE_NOT_VERY = -0.6;
const CONTRAST_DISCOUNT = 0.5;
/** Saturation of the running sum into −1..1: score = sum / (|sum| + SATURATION). */
const SATURATION = 1.2;

interface CompiledLexicon {
  terms: Array<{ patterns: WordPattern[]; weight: number }>;
}

const cache = new WeakMap<SentimentLexicon, CompiledLexicon>();

function compile(lexicon: SentimentLexicon): CompiledLexicon {
  let compiled = cache.get(lexicon);
  if (!compiled) {
    compiled = { terms: [] };
    for (const [term, weight] of Object.entries(lexicon)) {
      const patterns = compileTerm(term);
      if (patterns) compiled.terms.push({ patterns, weight });
    }
    cache.set(lexicon, compiled);
  }
  return compiled;
}

export function labelOf(score: number): SentimentLabel {
  if (score >= SENTIMENT_THRESHOLD) return 'positive';
  if (score <= -SENTIMENT_THRESHOLD) return 'negative';
  return 'neutral';
}

/** Weight each token contributes, after negation, intensity and contrast. */
export function tokenContributions(tokens: Token[], lexicon: SentimentLexicon = STARTER_SENTIMENT_LEXICON): number[] {
  const weights = tokens.map(() => 0);
  for (const { patterns, weight } of compile(lexicon).terms) {
    for (const indices of findTerm(patterns, tokens)) {
      const at = indices[0]!;
      // One word matched by several terms (a stem and a prefix) counts once: keep the strongest.
      if (Math.abs(weight) > Math.abs(weights[at]!)) weights[at] = weight;
    }
  }
  const marks = negationMarks(tokens);
  // A negation reverses the first lexicon word it reaches, not every one:
  // in "never solved my problem" it is "solved" that is negated, not "problem".
  const spent = new Set<number>();
  const out = weights.map((weight, i) => {
    const mark = marks[i]!;
    const before = tokens[i - 1];
    let w = weight;
    if (before && before.clause === tokens[i]!.clause) {
      w *= INTENSIFIERS.get(before.word) ?? DOWNTONERS.get(before.word) ?? 1;
    }
    if (w !== 0 && mark.negated && !spent.has(mark.by)) {
      spent.add(mark.by);
      if (mark.weakened) w = Math.abs(w) * WEAKENED_FACTOR * Math.sign(w);
      else w *= w < 0 ? NEGATED_NEGATIVE_FACTOR : NEGATED_POSITIVE_FACTOR;
    }
    return w;
  });
  // "не очень" / "not very" with no lexicon word in reach: mildly negative on its own.
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if ((token.word === 'не' || token.word === 'not') && next && INTENSIFIERS.has(next.word) && next.clause === token.clause) {
      const reach = out.slice(i + 2, i + 4).some((w, k) => w !== 0 && tokens[i + 2 + k]!.clause === token.clause);
      if (!reach) out[i + 1] = BARE_NOT_VERY;
    }
  });
  let discount = 1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    out[i]! *= discount;
    if (CONTRAST.has(tokens[i]!.word)) discount *= CONTRAST_DISCOUNT;
  }
  return out;
}

export function sentimentOfTokens(tokens: Token[], lexicon: SentimentLexicon = STARTER_SENTIMENT_LEXICON): Sentiment {
  const sum = tokenContributions(tokens, lexicon).reduce((a, b) => a + b, 0);
  const score = sum / (Math.abs(sum) + SATURATION);
  return { score, label: labelOf(score) };
}

export function sentimentOf(text: string, lexicon: SentimentLexicon = STARTER_SENTIMENT_LEXICON): Sentiment {
  return sentimentOfTokens(tokenize(text), lexicon);
}

export type ScoreBand = 'detractor' | 'passive' | 'promoter';

export function scoreBand(npsScore: number): ScoreBand {
  if (npsScore >= 9) return 'promoter';
  if (npsScore >= 7) return 'passive';
  return 'detractor';
}

/** The label the NPS band alone suggests: the baseline the text must beat. */
export function bandLabel(npsScore: number): SentimentLabel {
  const band = scoreBand(npsScore);
  return band === 'promoter' ? 'positive' : band === 'passive' ? 'neutral' : 'negative';
}

export interface CombinedSentiment {
  label: SentimentLabel;
  /** −1..1 */
  score: number;
  text: Sentiment;
  band: ScoreBand | null;
  /** The text clearly says the opposite of the score band: worth an analyst's look. */
  disagreement: boolean;
}

/** |text score| from which the text "clearly" disagrees with the band. */
export const CLEAR_TEXT_SCORE = 0.35;
/** Share of the combined score the band carries when text and score agree or the text is vague. */
const BAND_WEIGHT = 0.4;
const BAND_VALUE: Record<ScoreBand, number> = { detractor: -0.6, passive: 0, promoter: 0.6 };

/**
 * Text and score together. When they clearly disagree the text decides the
 * label (the person said it in words) and `disagreement` is set; otherwise the
 * band nudges a vague text.
 */
export function combineWithScore(text: Sentiment, npsScore: number | null): CombinedSentiment {
  if (npsScore === null) return { label: text.label, score: text.score, text, band: null, disagreement: false };
  const band = scoreBand(npsScore);
  const disagreement =
    (band === 'promoter' && text.score <= -CLEAR_TEXT_SCORE) || (band === 'detractor' && text.score >= CLEAR_TEXT_SCORE);
  if (disagreement) return { label: text.label, score: text.score, text, band, disagreement };
  const score = (1 - BAND_WEIGHT) * text.score + BAND_WEIGHT * BAND_VALUE[band];
  return { label: labelOf(score), score, text, band, disagreement };
}
