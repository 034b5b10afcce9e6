import { compileTerm, findTerm, type WordPattern } from './lexicon.ts';
import { negationMarks } from './negation.ts';
import { labelOf, sentimentOfTokens, tokenContributions, type SentimentLabel } from './sentiment.ts';
import type { Taxonomy, TopicPolarity } from './taxonomy.ts';
import { tokenize, type Token } from './text.ts';

/**
 * Topics of a comment: every taxonomy entry found in the text (stem level,
 * phrases in order), with what each mention says about the topic once
 * negation is applied: "не грубили" still mentions staff_attitude, but not as
 * rudeness.
 */

export interface TopicMatch {
  /** The comment's words that matched, folded ("долго ждал"). */
  text: string;
  /** The lexicon term that matched. */
  term: string;
  negated: boolean;
  polarity: SentimentLabel;
}

export interface TopicResult {
  topic: string;
  /** Matched words, as in `matchDetails[].text`. */
  matches: string[];
  matchDetails: TopicMatch[];
  /** The topic's polarity over its mentions: the sign of their sum. */
  polarity: SentimentLabel;
}

/** Fewer words than this and nothing matched: too little to call it 'other' ("ок", "спасибо"). */
export const MIN_WORDS_FOR_FALLBACK = 3;

interface CompiledEntry {
  term: string;
  patterns: WordPattern[];
  polarity: TopicPolarity | undefined;
}

const cache = new WeakMap<Taxonomy, Array<{ id: string; entries: CompiledEntry[] }>>();

function compile(taxonomy: Taxonomy) {
  let compiled = cache.get(taxonomy);
  if (!compiled) {
    compiled = taxonomy.topics.map((topic) => ({
      id: topic.id,
      entries: topic.entries.flatMap((entry) => {
        const patterns = compileTerm(entry.term);
        return patterns ? [{ term: entry.term, patterns, polarity: entry.polarity }] : [];
      }),
    }));
    cache.set(taxonomy, compiled);
  }
  return compiled;
}

const POLARITY_VALUE: Record<SentimentLabel, number> = { negative: -1, neutral: 0, positive: 1 };

function matchPolarity(hint: TopicPolarity | undefined, negated: boolean, clauseLabel: SentimentLabel): SentimentLabel {
  // No hint ("очередь", "refund"): the mention takes the tone of its clause.
  if (!hint) return clauseLabel;
  if (!negated) return hint;
  // "не грубили", "not rude at all": the absence of a fault is mild praise; "не помогли": the absence of a virtue is a complaint.
  return hint === 'negative' ? 'positive' : 'negative';
}

function clauseLabels(tokens: Token[]): Map<number, SentimentLabel> {
  const sums = new Map<number, number>();
  tokenContributions(tokens).forEach((w, i) => {
    const clause = tokens[i]!.clause;
    sums.set(clause, (sums.get(clause) ?? 0) + w);
  });
  const labels = new Map<number, SentimentLabel>();
  for (const [clause, sum] of sums) labels.set(clause, labelOf(sum / (Math.abs(sum) + 1)));
  return labels;
}

export function topicsOfTokens(tokens: Token[], taxonomy: Taxonomy): TopicResult[] {
  const marks = negationMarks(tokens);
  const clauses = clauseLabels(tokens);
  const results: TopicResult[] = [];
  for (const topic of compile(taxonomy)) {
    const details: TopicMatch[] = [];
    const seen = new Set<string>();
    for (const entry of topic.entries) {
      for (const indices of findTerm(entry.patterns, tokens)) {
        const key = indices.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        const first = indices[0]!;
        const mark = marks[first]!;
        details.push({
          text: indices.map((i) => tokens[i]!.word).join(' '),
          term: entry.term,
          negated: mark.negated,
          polarity: matchPolarity(entry.polarity, mark.negated, clauses.get(tokens[first]!.clause) ?? 'neutral'),
        });
      }
    }
    if (details.length === 0) continue;
    // A word inside a longer match ("ждал" in "долго ждал") is not a second mention.
    const kept = details.filter((d) => !details.some((o) => o !== d && o.text.length > d.text.length && o.text.split(' ').includes(d.text)));
    const sum = kept.reduce((a, d) => a + POLARITY_VALUE[d.polarity], 0);
    results.push({
      topic: topic.id,
      matches: kept.map((d) => d.text),
      matchDetails: kept,
      polarity: sum > 0 ? 'positive' : sum < 0 ? 'negative' : 'neutral',
    });
  }
  const wordCount = tokens.filter((t) => /\p{L}/u.test(t.word)).length;
  if (results.length === 0 && wordCount >= MIN_WORDS_FOR_FALLBACK) {
    results.push({ topic: taxonomy.fallbackTopic, matches: [], matchDetails: [], polarity: sentimentOfTokens(tokens).label });
  }
  return results;
}

export function topicsOf(text: string, taxonomy: Taxonomy): TopicResult[] {
  return topicsOfTokens(tokenize(text), taxonomy);
}
