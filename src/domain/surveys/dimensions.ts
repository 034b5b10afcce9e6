/**
 * The attributes every answer carries for breakdowns: the built-in dimensions
 * plus a tenant's own. Values come from the contact, the triggering event or
 * the invitation, and are stored as plain strings (ids or names).
 */
import { z } from 'zod';

export const DIMENSIONS = ['service_type', 'department', 'employee', 'channel', 'region'] as const;
export type BuiltInDimension = (typeof DIMENSIONS)[number];

/** A dimension's name in each language the product speaks, for reports and settings screens. */
export interface DimensionLabel {
  ru: string;
  en: string;
}

export const BUILT_IN_DIMENSION_LABELS: Readonly<Record<BuiltInDimension, DimensionLabel>> = {
  service_type: { ru: 'Тип услуги', en: 'Service type' },
  department: { ru: 'Отдел', en: 'Department' },
  employee: { ru: 'Сотрудник', en: 'Employee' },
  channel: { ru: 'Канал', en: 'Channel' },
  region: { ru: 'Регион', en: 'Region' },
};

/** A dimension a tenant defines for itself, as stored on the tenant. */
export interface CustomDimension {
  key: string;
  label: DimensionLabel;
}

/** Enough for every attribute bag of a tenant, see ATTRIBUTES_MAX. */
export const CUSTOM_DIMENSIONS_MAX = 50;
export const DIMENSION_LABEL_MAX_LENGTH = 100;

/** Short enough to be a column name or a URL parameter; starts with a letter. */
export const DIMENSION_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const DIMENSION_VALUE_MAX_LENGTH = 200;
/** Far more than any breakdown needs; a bag beyond this is a mapping mistake. */
export const ATTRIBUTES_MAX = 50;

export const DIMENSION_PROBLEM_CODES = {
  invalidKey: 'dimension.invalid_key',
  /** A custom dimension may not reuse a built-in name: "department" must mean one thing. */
  reservedKey: 'dimension.reserved_key',
  /** Two custom dimensions with one key would split one breakdown in two. */
  duplicateKey: 'dimension.duplicate_key',
} as const;

export const isBuiltInDimension = (key: string): key is BuiltInDimension => (DIMENSIONS as readonly string[]).includes(key);

export const isValidDimensionKey = (key: string): boolean => DIMENSION_KEY_PATTERN.test(key);

export const DimensionKey = z
  .string()
  .regex(DIMENSION_KEY_PATTERN, 'Use a key of lowercase letters, digits and "_", starting with a letter (at most 40)');

/** A problem with a key a tenant wants for a custom dimension, or null when it is fine. */
export function customDimensionKeyProblem(key: string): { code: string; message: string } | null {
  if (!isValidDimensionKey(key)) {
    return {
      code: DIMENSION_PROBLEM_CODES.invalidKey,
      message: `"${key}" is not a valid dimension key: use lowercase letters, digits and "_", starting with a letter (at most 40)`,
    };
  }
  if (isBuiltInDimension(key)) {
    return { code: DIMENSION_PROBLEM_CODES.reservedKey, message: `"${key}" is a built-in dimension; choose another name` };
  }
  return null;
}

/**
 * Every problem of a tenant's list of custom dimensions, by position
 * (`customDimensions.2.key`); empty when the list can be saved. Labels are
 * checked where they are parsed; this covers what needs the whole list.
 */
export function customDimensionsProblems(dimensions: readonly CustomDimension[]): Array<{ path: string; code: string; message: string }> {
  const problems: Array<{ path: string; code: string; message: string }> = [];
  const seen = new Set<string>();
  dimensions.forEach(({ key }, index) => {
    const path = `customDimensions.${index}.key`;
    const problem = customDimensionKeyProblem(key);
    if (problem) problems.push({ path, ...problem });
    else if (seen.has(key)) problems.push({ path, code: DIMENSION_PROBLEM_CODES.duplicateKey, message: `"${key}" is already in the list` });
    seen.add(key);
  });
  return problems;
}

/** The bag of dimension values an answer carries: `{ department: "billing", employee: "op-17" }`. */
export const AnswerAttributes = z
  .record(DimensionKey, z.string().trim().min(1).max(DIMENSION_VALUE_MAX_LENGTH))
  .refine((attributes) => Object.keys(attributes).length <= ATTRIBUTES_MAX, `At most ${ATTRIBUTES_MAX} attributes`);
export type AnswerAttributes = z.infer<typeof AnswerAttributes>;

/** The attributes of a bag (a contact's, an event's) that can serve as answer dimensions; anything else (bad keys, long values) is left out. */
export function usableAttributes(attributes: Record<string, string>): Record<string, string> {
  const entries = Object.entries(attributes).filter(([key, value]) => AnswerAttributes.safeParse({ [key]: value }).success);
  return Object.fromEntries(entries.map(([key, value]) => [key, value.trim()]));
}
