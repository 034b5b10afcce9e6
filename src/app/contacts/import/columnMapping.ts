/**
 * The column-mapping step: which file column fills which contact field or
 * attribute, and which targets must not be empty. Checked once against the
 * header, then applied to every row without further checks.
 */
import { z } from 'zod';
import {
  ATTRIBUTE_PREFIX,
  IDENTIFYING_FIELDS,
  isContactTarget,
  type ContactField,
  type ContactInput,
  type ContactTarget,
} from '../../../domain/contacts/index.ts';

const Target = z.custom<ContactTarget>(
  (value) => typeof value === 'string' && isContactTarget(value),
  'must be a contact field (phone, email …) or attributes.<key> in lower snake case',
);

export const ColumnMapping = z.object({
  /** Header → target. Columns not listed are not imported. */
  columns: z.record(z.string(), Target),
  /** Targets a row must fill, on top of one of external id, phone or email. */
  required: z.array(Target).default([]),
});
export type ColumnMapping = z.input<typeof ColumnMapping>;

export type MappingProblemCode = 'column_not_found' | 'target_mapped_twice' | 'required_not_mapped' | 'no_identifier_mapped';

export interface MappingProblem {
  code: MappingProblemCode;
  message: string;
  column?: string;
  target?: ContactTarget;
}

export type MappedColumns = { ok: true; toInput: (cells: Record<string, string>) => ContactInput } | { ok: false; problems: MappingProblem[] };

export function mapColumns(headers: readonly string[], mapping: ColumnMapping): MappedColumns {
  const problems: MappingProblem[] = [];
  const known = new Set(headers);
  const columnOf = new Map<ContactTarget, string>();
  for (const [column, target] of Object.entries(mapping.columns)) {
    if (!known.has(column)) problems.push({ code: 'column_not_found', column, target, message: `The file has no column "${column}"` });
    else if (columnOf.has(target)) {
      problems.push({ code: 'target_mapped_twice', column, target, message: `Both "${columnOf.get(target)}" and "${column}" are mapped to ${target}; keep one` });
    } else columnOf.set(target, column);
  }
  for (const target of mapping.required ?? []) {
    if (!columnOf.has(target)) problems.push({ code: 'required_not_mapped', target, message: `${target} is required but no column is mapped to it` });
  }
  if (!IDENTIFYING_FIELDS.some((field) => columnOf.has(field))) {
    problems.push({ code: 'no_identifier_mapped', message: 'Map at least one of external id, phone or email: without them no row can be imported' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const fields: Array<[ContactField, string]> = [];
  const attributes: Array<[string, string]> = [];
  for (const [target, column] of columnOf) {
    if (target.startsWith(ATTRIBUTE_PREFIX)) attributes.push([target.slice(ATTRIBUTE_PREFIX.length), column]);
    else fields.push([target as ContactField, column]);
  }
  return {
    ok: true,
    toInput(cells) {
      const input: ContactInput = {};
      for (const [field, column] of fields) input[field] = cells[column] ?? '';
      if (attributes.length > 0) {
        input.attributes = {};
        for (const [key, column] of attributes) input.attributes[key] = cells[column] ?? '';
      }
      return input;
    },
  };
}
