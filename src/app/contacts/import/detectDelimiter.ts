/**
 * Which of comma, semicolon and tab separates the cells, judged on the first
 * non-blank line (the header), before parsing. Excel in Russia writes ";",
 * most other tools ",", "Текст Юникод" exports a tab.
 */
export type CsvDelimiter = ',' | ';' | '\t';

/** On a tie, the order below wins: ";" first, as Russian Excel writes it. */
const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t'];
/** Enough for any header; a first "line" longer than this is not a header we can judge. */
const SNIFF_MAX_CHARS = 64 * 1024;

export function detectDelimiter(line: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    if (counts.get(candidate)! > bestCount) [best, bestCount] = [candidate, counts.get(candidate)!];
  }
  return best;
}

/** Excel's own hint line, "sep=;", which it writes and reads as the first line. */
const EXCEL_SEPARATOR_HINT = /^sep=([,;\t])$/i;

/**
 * Reads text until the first non-blank line is complete, decides the
 * delimiter (unless one is given), and hands back the same text, whole.
 */
export async function sniffDelimiter(
  text: AsyncIterable<string>,
  given?: CsvDelimiter,
): Promise<{ delimiter: CsvDelimiter; hintLine: boolean; text: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (!done && !/\S[^\n]*\n/.test(head) && head.length < SNIFF_MAX_CHARS) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head += next.value;
  }
  const firstLine = head.split('\n').find((line) => line.trim() !== '') ?? '';
  const hint = EXCEL_SEPARATOR_HINT.exec(firstLine.trim());
  const delimiter = given ?? (hint ? (hint[1] as CsvDelimiter) : detectDelimiter(firstLine));
  async function* replay(): AsyncGenerator<string> {
    try {
      if (head !== '') yield head;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      done = true;
    } finally {
      if (!done) await iterator.return?.(); // the reader stopped early: let the source close
    }
  }
  return { delimiter, hintLine: hint !== null, text: replay() };
}
