import { normalizeText, stemWord, type Token } from './text.ts';

/**
 * How a lexicon term is matched, shared by topics and sentiment. A term is
 * written as people write it ("грубый", "долго ждал"): each word is folded and
 * stemmed with the stemmer of its script, so "грубый" also finds "грубили".
 * A word ending in `*` matches by prefix of the folded word instead ("хам*"
 * finds "хамство", "хамили", "нахамил" does not start with it) — for words
 * whose forms Snowball does not bring to one stem ("ждал" / "ждать").
 */
export interface WordPattern {
  kind: 'stem' | 'prefix';
  value: string;
}

export function compileWord(word: string): WordPattern | null {
  const prefix = word.endsWith('*');
  const folded = normalizeText(prefix ? word.slice(0, -1) : word);
  if (!folded || folded.includes(' ')) return null;
  return prefix ? { kind: 'prefix', value: folded } : { kind: 'stem', value: stemWord(folded) };
}

/** A term of one or more words; null when nothing is left after folding. */
export function compileTerm(term: string): WordPattern[] | null {
  const words = term.trim().split(/\s+/);
  const patterns: WordPattern[] = [];
  for (const word of words) {
    const pattern = compileWord(word);
    if (!pattern) return null;
    patterns.push(pattern);
  }
  return patterns.length > 0 ? patterns : null;
}

export function wordMatches(pattern: WordPattern, token: Token): boolean {
  return pattern.kind === 'stem' ? token.stem === pattern.value : token.word.startsWith(pattern.value);
}

/** Longest gap (in words) allowed between the words of a multi-word term: "долго очень ждал", "answered all my questions". */
export const PHRASE_MAX_GAP = 2;

/**
 * Every place the term occurs: indices of the matched tokens. Words of a
 * phrase must come in order, in one clause, at most PHRASE_MAX_GAP words apart.
 */
export function findTerm(patterns: WordPattern[], tokens: Token[]): number[][] {
  const found: number[][] = [];
  const first = patterns[0]!;
  tokens.forEach((token, start) => {
    if (!wordMatches(first, token)) return;
    const indices = [start];
    let at = start;
    for (const pattern of patterns.slice(1)) {
      let next = -1;
      for (let i = at + 1; i <= at + 1 + PHRASE_MAX_GAP && i < tokens.length; i++) {
        if (tokens[i]!.clause !== token.clause) break;
        if (wordMatches(pattern, tokens[i]!)) { next = i; break; }
      }
      if (next < 0) return;
      indices.push(next);
      at = next;
    }
    found.push(indices);
  });
  return found;
}
