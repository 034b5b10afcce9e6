/**
 * CRLF and lone CR to LF, before the CSV parser sees the text. A text editor
 * counts each of them as one line; csv-parse counts a CRLF inside a quoted
 * cell as two, which would put every line number after a multi-line cell
 * off by one. Cells lose nothing a contact needs.
 */
export async function* normalizeLineBreaks(text: AsyncIterable<string>): AsyncGenerator<string> {
  let carriedReturn = false; // a chunk ended in \r: its \n may start the next chunk
  for await (const chunk of text) {
    let piece: string = carriedReturn ? `\r${chunk}` : chunk;
    carriedReturn = piece.endsWith('\r');
    if (carriedReturn) piece = piece.slice(0, -1);
    if (piece !== '') yield piece.replace(/\r\n?/g, '\n');
  }
  if (carriedReturn) yield '\n';
}

/** How many line breaks a parsed cell holds: the rows a record spans beyond its first. */
export function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks += 1;
  }
  return breaks;
}
