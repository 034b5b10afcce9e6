/**
 * Contact import, from an uploaded file to normalised contacts, short of the
 * database: readers (CSV, XLSX) → column mapping → validation and in-file
 * deduplication → summary and a stream of contacts for the repository.
 */
export { readCsvRows, type CsvReadOptions } from './readCsvRows.ts';
export { readXlsxRows } from './readXlsxRows.ts';
export type { SourceRow, SourceError, SourceErrorCode } from './sourceRow.ts';
export type { TextEncodingOption } from './decodeText.ts';
export type { CsvDelimiter } from './detectDelimiter.ts';
export { ColumnMapping, mapColumns, type MappedColumns, type MappingProblem, type MappingProblemCode } from './columnMapping.ts';
export { suggestMapping } from './suggestMapping.ts';
export { startImport, dryRunImport, type ImportOptions, type ImportRun, type ImportSummary, type ValidContact } from './importPipeline.ts';
export { DEFAULT_MAX_PROBLEM_ROWS, type RowProblem, type RowProblemCode } from './problemReport.ts';
