/**
 * The per-row problems of an import, kept within a fixed size: every
 * problem is counted by code, but only the first `maxRows` rows with
 * problems are listed. A million bad rows cost the same memory as a thousand.
 */
import type { ContactProblemCode, ContactTarget } from '../../../domain/contacts/index.ts';
import type { SourceErrorCode } from './sourceRow.ts';

export type RowProblemCode = ContactProblemCode | SourceErrorCode | 'duplicate_in_file';

export interface RowProblem {
  line: number;
  /** The target the problem is about, or '*' for the row as a whole. */
  field: ContactTarget | '*';
  code: RowProblemCode;
  message: string;
  value?: string;
  reason?: string;
}

export const DEFAULT_MAX_PROBLEM_ROWS = 1_000;

export interface ProblemReport {
  addRow(problems: readonly RowProblem[]): void;
  readonly problems: readonly RowProblem[];
  readonly countsByCode: Readonly<Partial<Record<RowProblemCode, number>>>;
  /** Rows with problems that are counted but not listed. */
  readonly rowsOmitted: number;
}

export function createProblemReport(maxRows = DEFAULT_MAX_PROBLEM_ROWS): ProblemReport {
  const problems: RowProblem[] = [];
  const countsByCode: Partial<Record<RowProblemCode, number>> = {};
  let rowsListed = 0;
  let rowsOmitted = 0;
  return {
    addRow(rowProblems) {
      if (rowProblems.length === 0) return;
      for (const problem of rowProblems) countsByCode[problem.code] = (countsByCode[problem.code] ?? 0) + 1;
      if (rowsListed < maxRows) {
        problems.push(...rowProblems);
        rowsListed += 1;
      } else rowsOmitted += 1;
    },
    problems,
    countsByCode,
    get rowsOmitted() {
      return rowsOmitted;
    },
  };
}
