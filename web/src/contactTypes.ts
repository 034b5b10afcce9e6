// Shapes of the contacts and contact-imports API (docs/API-ISSUE4.md).

export interface ContactView {
  id: string;
  externalId: string | null;
  phone: string | null;
  email: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  fullName: string | null;
  language: string | null;
  timezone: string | null;
  region: string | null;
  consent: { email: boolean | null; sms: boolean | null; voice: boolean | null };
  attributes: Record<string, string>;
  /** This person's own survey frequency cap in days; null = the tenant's rule. */
  frequencyCapDays: number | null;
  lastInvitedAt: string | null;
  createdAt: string;
  updatedAt: string;
  erased: boolean;
}

export interface ContactHistoryEntry {
  at: string;
  /** `{ field: [before, after] }`; attributes as `attributes.<key>`. */
  changes: Record<string, [unknown, unknown]>;
  importId: string | null;
  changedBy: string | null;
}

export interface ContactDetailView extends ContactView {
  history: ContactHistoryEntry[];
  /** Whether the contact's own phone / email is on the do-not-contact list. */
  doNotContact: { phone: boolean; email: boolean };
}

export type DoNotContactKind = 'phone' | 'email';

/** An address no survey is ever sent to: E.164 phone or lower-cased email. */
export interface DoNotContactEntry {
  kind: DoNotContactKind;
  value: string;
  /** Free text; `manual` when added without one. */
  reason: string;
  createdAt: string;
}

export interface ContactPage {
  items: ContactView[];
  nextCursor: string | null;
}

export const IMPORT_STATUSES = ['uploaded', 'checking', 'checked', 'importing', 'done', 'failed', 'discarded'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ColumnMapping {
  /** File column → contact field or `attributes.<key>`; columns left out are ignored. */
  columns: Record<string, string>;
  /** Targets every row must fill. */
  required?: string[];
}

export interface ImportProblem {
  line: number;
  code: string;
  field: string;
  message: string;
  value?: string;
}

export interface ImportCounts {
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  new: number;
  existing: number;
}

export interface ImportSummary {
  counts: ImportCounts;
  problems: ImportProblem[];
  problemCounts: Record<string, number>;
  /** Rows with problems counted but not listed (the report is capped). */
  problemRowsOmitted: number;
  /** The mapping did not fit the file (a column missing, a target twice …). */
  mappingProblems: Array<{ code: string; message: string; column?: string; target?: string }>;
  /** The file could not be read to the end. */
  fileProblem: { line: number | null; code: string; message: string } | null;
  /** The whole file was read; only a finished check can be confirmed. */
  finished: boolean;
}

export interface ImportView {
  id: string;
  status: ImportStatus;
  fileName: string;
  format: string;
  sizeBytes: number;
  headers: string[];
  suggestedMapping: ColumnMapping;
  mapping: ColumnMapping | null;
  options: ImportCheckOptions | null;
  summary: ImportSummary | null;
  inserted: number;
  updated: number;
  unchanged: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportCheckOptions {
  defaultRegion?: string;
  updateExisting?: boolean;
}
