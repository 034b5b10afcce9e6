import { z } from 'zod';
import { suggestMapping } from '../../../app/contacts/import/index.ts';
import type { ContactImportRow } from '../../../store/repos/contactImports.ts';

export const ColumnMappingView = z.object({ columns: z.record(z.string(), z.string()), required: z.array(z.string()) });

export const ImportProblemView = z.object({
  line: z.number().int(),
  code: z.string(),
  field: z.string(),
  message: z.string(),
  value: z.string().optional(),
  reason: z.string().optional(),
});

export const ImportSummaryView = z.object({
  counts: z.object({
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.number().int(),
    new: z.number().int(),
    existing: z.number().int(),
  }),
  problems: z.array(ImportProblemView),
  problemCounts: z.record(z.string(), z.number().int()),
  /** Rows with problems beyond the first 1,000 listed: counted, not listed. */
  problemRowsOmitted: z.number().int(),
  mappingProblems: z.array(z.object({ code: z.string(), message: z.string(), column: z.string().optional(), target: z.string().optional() })),
  fileProblem: z.object({ line: z.number().int().nullable(), code: z.string(), message: z.string() }).nullable(),
  /** The whole file was read; only a finished check can be confirmed. */
  finished: z.boolean(),
});

export const ImportView = z.object({
  id: z.uuid(),
  status: z.enum(['uploaded', 'checking', 'checked', 'importing', 'done', 'failed', 'discarded']),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sizeBytes: z.number().int(),
  headers: z.array(z.string()),
  suggestedMapping: ColumnMappingView,
  mapping: ColumnMappingView.nullable(),
  options: z.object({ defaultRegion: z.string().optional(), updateExisting: z.boolean() }).nullable(),
  summary: ImportSummaryView.nullable(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof ImportView>;

export function presentImport(row: ContactImportRow): ImportView {
  const headers = row.headers ?? [];
  const suggested = suggestMapping(headers);
  return {
    id: row.id,
    status: row.status as ImportView['status'],
    fileName: row.fileName,
    format: row.format as ImportView['format'],
    sizeBytes: row.sizeBytes,
    headers,
    suggestedMapping: { columns: suggested.columns, required: suggested.required ?? [] },
    mapping: (row.mapping as ImportView['mapping']) ?? null,
    options: (row.options as ImportView['options']) ?? null,
    summary: (row.summary as ImportView['summary']) ?? null,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
