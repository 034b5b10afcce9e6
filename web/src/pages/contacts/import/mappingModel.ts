// The mapping step's rows and the checks made before asking the server for a dry run.
import { ATTRIBUTE_KEY, ATTRIBUTE_PREFIX, CONTACT_FIELDS, IDENTIFYING_FIELDS } from '../../../../../src/domain/contacts/contactRow.ts';
import type { ColumnMapping } from '../../../contactTypes.ts';

export { CONTACT_FIELDS };
/** Dimensions most reports break NPS down by; offered ready-made as attribute targets. */
export const COMMON_ATTRIBUTES = ['service_type', 'department', 'employee', 'branch'] as const;

export interface MappingRow {
  column: string;
  /** '' = ignore; a contact field; or `attributes.<key>`. */
  target: string;
  required: boolean;
}

export function rowsFrom(headers: readonly string[], mapping: ColumnMapping | null): MappingRow[] {
  const required = new Set(mapping?.required ?? []);
  return headers.map((column) => {
    const target = mapping?.columns[column] ?? '';
    return { column, target, required: target !== '' && required.has(target) };
  });
}

export function mappingFrom(rows: readonly MappingRow[]): ColumnMapping {
  const mapped = rows.filter((row) => row.target !== '');
  return {
    columns: Object.fromEntries(mapped.map((row) => [row.column, row.target])),
    required: [...new Set(mapped.filter((row) => row.required).map((row) => row.target))],
  };
}

/** `Тип клиента` → `attribute_1`; `Segment name` → `segment_name`: a valid attribute key to start from. */
export function attributeKeyFor(column: string, index: number): string {
  const key = column
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 63);
  return ATTRIBUTE_KEY.test(key) ? key : `attribute_${index + 1}`;
}

export type MappingIssue = { kind: 'noIdentifier' } | { kind: 'twice'; target: string } | { kind: 'badKey'; column: string };

export function mappingIssues(rows: readonly MappingRow[]): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const targets = rows.map((row) => row.target).filter(Boolean);
  if (!IDENTIFYING_FIELDS.some((field) => targets.includes(field))) issues.push({ kind: 'noIdentifier' });
  for (const target of new Set(targets)) if (targets.filter((t) => t === target).length > 1) issues.push({ kind: 'twice', target });
  for (const row of rows) {
    if (row.target.startsWith(ATTRIBUTE_PREFIX) && !ATTRIBUTE_KEY.test(row.target.slice(ATTRIBUTE_PREFIX.length))) {
      issues.push({ kind: 'badKey', column: row.column });
    }
  }
  return issues;
}

export const isAttribute = (target: string) => target.startsWith(ATTRIBUTE_PREFIX);
export const attributeKey = (target: string) => target.slice(ATTRIBUTE_PREFIX.length);
export const ATTRIBUTE = ATTRIBUTE_PREFIX;
