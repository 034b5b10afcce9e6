import type { Token } from './text.ts';

/**
 * Negation, intensity and contrast markers, Russian and English, and the scope
 * of a negation: the next NEGATION_WINDOW words of the same clause. Russian
 * negative concord ("никто не хамил") counts as one negation, not two.
 */

export const NEGATION_WINDOW = 3;

const NEGATORS = new Set([
  'не', 'ни', 'нет', 'никто', 'никогда', 'ничего', 'ничем', 'никакой', 'никакого', 'никакие', 'никаких', 'никакая', 'никакую', 'без', 'нисколько', 'вовсе',
  'not', 'no', 'never', 'nobody', 'none', 'nothing', 'without', 'neither', 'nor', 'hardly', 'barely', 'cannot',
  'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'werent', 'arent', 'cant', 'couldnt', 'wont', 'wouldnt', 'havent', 'hasnt', 'hadnt', 'shouldnt', 'aint',
]);
/** After the word they negate: "претензий нет", "проблем не было". */
const POST_NEGATORS = new Set(['нет']);
const POST_NEGATED_VERBS = new Set(['было', 'были', 'возникло', 'возникало', 'возникали', 'возникли', 'пришлось']);
/** Auxiliaries inside a negation's reach do not use up its window: "didn't have to wait long", "не пришлось долго ждать". */
const AUXILIARIES = new Set(['have', 'has', 'had', 'to', 'be', 'been', 'was', 'were', 'is', 'are', 'do', 'does', 'did', 'get', 'got', 'any', 'at', 'all', 'a', 'the',
  'пришлось', 'было', 'был', 'была', 'были', 'будет', 'стал', 'стали', 'смог', 'смогли', 'могу', 'может', 'могут', 'мог', 'могли', 'и']);
const POST_WINDOW = 3;

export const INTENSIFIERS = new Map<string, number>([
  ['очень', 1.5], ['крайне', 1.7], ['слишком', 1.5], ['совсем', 1.4], ['абсолютно', 1.6], ['совершенно', 1.6], ['весьма', 1.3],
  ['максимально', 1.5], ['невероятно', 1.6], ['настолько', 1.4], ['реально', 1.3], ['вообще', 1.4], ['супер', 1.4], ['так', 1.2], ['такой', 1.2], ['такие', 1.2], ['дико', 1.6],
  ['very', 1.5], ['really', 1.4], ['so', 1.3], ['extremely', 1.7], ['incredibly', 1.6], ['totally', 1.5], ['completely', 1.5],
  ['absolutely', 1.6], ['too', 1.3], ['highly', 1.4], ['truly', 1.4], ['super', 1.4], ['quite', 1.1], ['such', 1.2],
]);
export const DOWNTONERS = new Map<string, number>([
  ['немного', 0.6], ['слегка', 0.5], ['чуть', 0.5], ['чуточку', 0.5], ['довольно', 0.9], ['относительно', 0.7], ['вроде', 0.7],
  ['slightly', 0.5], ['somewhat', 0.6], ['bit', 0.6], ['little', 0.6], ['kinda', 0.6], ['fairly', 0.8], ['relatively', 0.7], ['pretty', 1.1],
]);
/** After these the clause that follows weighs more: "вежливо, но не помогли". */
export const CONTRAST = new Set(['но', 'однако', 'зато', 'but', 'however', 'yet']);

export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}

export interface NegationMark {
  negated: boolean;
  /** Index of the negator that reaches the token (the last one, for "никто не хамил"); -1 when not negated. */
  by: number;
  /** Negated by "не очень" / "not very": the meaning is weakened, not reversed. */
  weakened: boolean;
}

/** For every token, whether a negation reaches it. Negators and intensifiers themselves are not marked. */
export function negationMarks(tokens: Token[]): NegationMark[] {
  const marks: NegationMark[] = tokens.map(() => ({ negated: false, by: -1, weakened: false }));
  tokens.forEach((token, i) => {
    if (!NEGATORS.has(token.word)) return;
    const next = tokens[i + 1];
    const weakened = next !== undefined && next.clause === token.clause && INTENSIFIERS.has(next.word);
    let reach = NEGATION_WINDOW;
    for (let j = i + 1; j <= i + reach && j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.clause !== token.clause || CONTRAST.has(t.word)) break;
      if (AUXILIARIES.has(t.word)) reach++;
      if (NEGATORS.has(t.word) || INTENSIFIERS.has(t.word)) continue;
      const mark = marks[j]!;
      mark.negated = true;
      mark.by = i;
      mark.weakened ||= weakened;
    }
    const postVerb = token.word === 'не' && next !== undefined && POST_NEGATED_VERBS.has(next.word);
    if (POST_NEGATORS.has(token.word) || postVerb) {
      for (let j = i - 1; j >= Math.max(0, i - POST_WINDOW); j--) {
        const t = tokens[j]!;
        if (t.clause !== token.clause || NEGATORS.has(t.word)) break;
        marks[j] = { negated: true, by: i, weakened: false };
      }
    }
  });
  return marks;
}
