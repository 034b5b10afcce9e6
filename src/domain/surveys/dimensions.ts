/**
 * The attributes every answer carries for breakdowns: the built-in dimensions
 * plus a tenant's own. Values come from the contact, the triggering event or
 * the invitation, and are stored as plain strings (ids or names).
 */
import { z } from 'zod';

export const DIMENSIONS = ['service_type', 'department', 'employee', 'channel', 'region'] as const;
export type BuiltInDimension = (typeof DIMENSIONS)[number];

/** Short enough to be a column name or a URL parameter; starts with a letter. */
export const DIMENSION_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const DIMENSION_VALUE_MAX_LENGTH = 200;
/** Far more than any breakdown needs; a bag beyond this is a mapping mistake. */
export const ATTRIBUTES_MAX = 50;

export const DIMENSION_PROBLEM_CODES = {
  invalidKey: 'dimension.invalid_key',
  /** A custom dimension may not reuse a built-in name: "department" must mean one thing. */
  reservedKey: 'dimension.reserved_key',
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

/** The bag of dimension values an answer carries: `{ department: "billing", employee: "op-17" }`. */
export const AnswerAttributes = z
  .record(DimensionKey, z.string().trim().min(1).max(DIMENSION_VALUE_MAX_LENGTH))
  .refine((attributes) => Object.keys(attributes).length <= ATTRIBUTES_MAX, `At most ${ATTRIBUTES_MAX} attributes`);
export type AnswerAttributes = z.infer<typeof AnswerAttributes>;
