/**
 * Uploaded contact files on disk: `<dataDir>/imports/<tenantId>/<importId>`,
 * written as a stream (never whole in memory), size-limited while written,
 * read back as rows by the check and the import, removed when done or
 * discarded.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../config/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { readCsvRows, readXlsxRows, type SourceRow } from '../contacts/import/index.ts';

export type ImportFormat = 'csv' | 'xlsx';

export function importFilePath(config: Config, tenantId: string, importId: string): string {
  return path.join(config.dataDir, 'imports', tenantId, importId);
}

export function fileTooLarge(maxBytes: number): DomainError {
  const size = maxBytes >= 1_048_576 ? `${Math.round((maxBytes / 1_048_576) * 10) / 10} MB` : `${Math.ceil(maxBytes / 1024)} KB`;
  return new DomainError('contacts.file_too_large', `The file is larger than ${size}, the most this installation accepts (VOXPOP_IMPORT_MAX_MB)`, { maxBytes });
}

/**
 * Streams `source` to `file`; past `maxBytes` it stops writing, removes the
 * partial file and fails. The rest of the upload is read and dropped rather
 * than the connection cut, so the client gets the 413 answer, not a reset.
 */
export async function saveUpload(source: Readable, file: string, maxBytes: number): Promise<{ sizeBytes: number; format: ImportFormat }> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  let sizeBytes = 0;
  let head = Buffer.alloc(0);
  try {
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(file, { flags: 'wx' });
      let settled = false;
      let ended = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        source.unpipe(out);
        source.resume();
        // Reject only once the file is closed: the open may still be under way, and the
        // cleanup below must not run before it, or an empty file would be left behind.
        if (out.closed) reject(error);
        else {
          out.once('close', () => reject(error));
          out.destroy();
        }
      };
      source.on('data', (chunk: Buffer) => {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) fail(fileTooLarge(maxBytes));
        else if (head.length < 4) head = Buffer.concat([head, chunk.subarray(0, 4 - head.length)]);
      });
      source.on('end', () => {
        ended = true;
      });
      source.on('close', () => {
        if (!ended) fail(new Error('The upload was interrupted before the end of the file'));
      });
      source.on('error', fail);
      out.on('error', fail);
      out.on('finish', () => {
        if (!settled) {
          settled = true;
          resolve();
        }
      });
      source.pipe(out);
    });
  } catch (error) {
    await fsp.rm(file, { force: true });
    throw error;
  }
  // The bytes decide, not the name or the content type: an .xlsx is a zip archive ("PK\3\4"), anything else is read as CSV text.
  const format: ImportFormat = head.length === 4 && head.readUInt32BE(0) === 0x504b0304 ? 'xlsx' : 'csv';
  return { sizeBytes, format };
}

export function readImportRows(file: string, format: ImportFormat): AsyncIterable<SourceRow> {
  return format === 'xlsx' ? readXlsxRows(file) : readCsvRows(fs.createReadStream(file));
}

/** The header row (the first thing either reader yields), or null for an empty file. Stops reading there. */
export async function readImportHeaders(file: string, format: ImportFormat): Promise<string[] | null> {
  for await (const item of readImportRows(file, format)) {
    if (item.kind === 'header') return item.headers;
  }
  return null;
}

export async function removeImportFile(config: Config, tenantId: string, importId: string): Promise<void> {
  await fsp.rm(importFilePath(config, tenantId, importId), { force: true });
}
