import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceRow } from '../../../src/app/contacts/import/index.ts';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/contacts');

/** A fixture as an upload stream; a tiny chunk size puts chunk boundaries inside BOMs, letters and CRLFs. */
export function fixtureStream(name: string, chunkBytes?: number): fs.ReadStream {
  return fs.createReadStream(path.join(FIXTURES, name), chunkBytes ? { highWaterMark: chunkBytes } : {});
}

export async function* bytes(...chunks: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Rows as [line, kind, detail] for compact assertions. */
export function outline(rows: SourceRow[]): Array<[number, string, unknown]> {
  return rows.map((row) => {
    if (row.kind === 'header') return [row.line, 'header', row.headers];
    if (row.kind === 'error') return [row.line, 'error', row.error.code];
    return [row.line, 'row', Object.values(row.cells)[0]];
  });
}
