import { z } from 'zod';
import { ATTRIBUTE_KEY, LIMITS } from '../../../domain/contacts/index.ts';
import { timezone } from '../../schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

/** A field absent is left alone; null clears it. `attributes` replaces the whole set. */
export const ContactEditBody = z.strictObject({
  externalId: text(LIMITS.externalId),
  phone: z.string().trim().min(1).max(50).nullable().optional(),
  email: z.string().trim().min(1).max(254).nullable().optional(),
  firstName: text(LIMITS.name),
  middleName: text(LIMITS.name),
  lastName: text(LIMITS.name),
  fullName: text(LIMITS.name),
  language: z.string().regex(/^[a-z]{2}$/).nullable().optional(),
  timezone: timezone.nullable().optional(),
  region: text(LIMITS.region),
  consent: z.strictObject({ email: z.boolean().nullable().optional(), sms: z.boolean().nullable().optional(), voice: z.boolean().nullable().optional() }).optional(),
  attributes: z.record(z.string().regex(ATTRIBUTE_KEY), z.string().min(1).max(LIMITS.attribute)).optional(),
  frequencyCapDays: z.number().int().min(1).max(3650).nullable().optional(),
});

export const DoNotContactBody = z.strictObject({
  kind: z.enum(['phone', 'email']).optional(),
  value: z.string().trim().min(3).max(254),
  reason: z.string().trim().min(1).max(200).optional(),
});
