import { newStemmer, type Stemmer } from 'snowball-stemmers';

/**
 * Text preparation for comment analysis: folding, tokens, language, stems.
 * Pure and offline: the Snowball stemmers are plain JavaScript bundled with
 * the package, nothing is fetched at run time.
 */

export type CommentLanguage = 'ru' | 'en' | 'other';

export interface Token {
  /** Folded word as written: lower-case, ё→е, letters and digits only. */
  word: string;
  /** Snowball stem, chosen by the word's script (Cyrillic → Russian, Latin → English). */
  stem: string;
  /** Index of the clause the word is in; clauses end at . , ! ? ; : and dashes. */
  clause: number;
}

const stemmers: Record<'ru' | 'en', Stemmer> = {
  ru: newStemmer('russian'),
  en: newStemmer('english'),
};

/** English contractions lose their apostrophe in folding; spell the negation out first ("wasn't" → "was not"). */
function expandContractions(value: string): string {
  return value
    .replace(/\b(can|won)['’]t\b/gi, (_m, w: string) => (w.toLowerCase() === 'won' ? 'will not' : 'can not'))
    .replace(/n['’]t\b/gi, ' not');
}

/**
 * Lower-case, ё→е, emoji and punctuation out, letters and digits kept; words
 * separated by one space. Clause punctuation is lost here; use `tokenize` when
 * clauses matter.
 */
export function normalizeText(value: string): string {
  return expandContractions(value.normalize('NFC'))
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CLAUSE_BREAK = /[.,!?;:…()\n]+|\s[-–—]+\s/u;

export function scriptOf(word: string): 'ru' | 'en' | null {
  if (/\p{Script=Cyrillic}/u.test(word)) return 'ru';
  if (/[a-z]/.test(word)) return 'en';
  return null;
}

/** Stem one folded word with the stemmer of its script; digits and other scripts stay as they are. */
export function stemWord(word: string): string {
  const script = scriptOf(word);
  return script ? stemmers[script].stem(word) : word;
}

export function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  const clauses = expandContractions(value.normalize('NFC')).split(CLAUSE_BREAK);
  clauses.forEach((clause, clauseIndex) => {
    for (const word of normalizeText(clause).split(' ')) {
      if (word) tokens.push({ word, stem: stemWord(word), clause: clauseIndex });
    }
  });
  return tokens;
}

const COMMON_EN = new Set([
  'the', 'a', 'an', 'and', 'but', 'is', 'was', 'were', 'are', 'i', 'you', 'we', 'it', 'not', 'no', 'to', 'of', 'for',
  'with', 'my', 'me', 'very', 'too', 'so', 'this', 'that', 'they', 'he', 'she', 'on', 'in', 'at', 'all',
  'good', 'bad', 'great', 'thanks', 'thank', 'had', 'have', 'did', 'do', 'be', 'been', 'still', 'again',
]);
// Letters of Ukrainian, Belarusian and Kazakh that Russian lacks: Cyrillic text with them is not Russian.
const NON_RUSSIAN_CYRILLIC = /[іїєґўқңғүұһә]/u;

/**
 * ru / en / other, by script first and common words second. Latin text of more
 * than three words with no common English word (German, transliterated Russian)
 * is 'other'; so is text with no letters.
 */
export function detectLanguage(value: string): CommentLanguage {
  const folded = normalizeText(value);
  const cyrillic = (folded.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (folded.match(/[a-z]/g) ?? []).length;
  if (cyrillic + latin === 0) return 'other';
  if (cyrillic >= latin) return NON_RUSSIAN_CYRILLIC.test(folded) ? 'other' : 'ru';
  const words = folded.split(' ').filter((w) => /[a-z]/.test(w));
  if (words.length <= 3 || words.some((w) => COMMON_EN.has(w))) return 'en';
  return 'other';
}
