import { z } from 'zod';
import type { OutcomeCsvReport } from '../../../app/analytics/importOutcomesCsv.ts';
import type { OutcomeKeyView, OutcomesByGroup } from '../../../app/analytics/outcomesByGroup.ts';
import type { OutcomeUpsertResult } from '../../../app/analytics/upsertOutcomes.ts';
import { OUTCOME_KEY, OUTCOME_VALUE_MAX, OUTCOMES_PER_CALL_MAX } from '../../../domain/analytics/outcomes.ts';
import { isIsoDate } from '../../../domain/analytics/period.ts';
import { uuid } from '../../schemas.ts';

export const OutcomeKey = z.string().regex(OUTCOME_KEY, 'must be a lower-case identifier: letters, digits and _, starting with a letter, up to 64').describe('churned, repeat_purchase, revenue …');
const isoDate = z.string().refine(isIsoDate, 'must be a date as YYYY-MM-DD');

const ContactRef = z
  .strictObject({
    externalId: z.string().trim().min(1).max(200).optional(),
    phone: z.string().trim().min(1).max(64).optional(),
    email: z.string().trim().min(1).max(320).optional(),
  })
  .refine((c) => c.externalId !== undefined || c.phone !== undefined || c.email !== undefined, 'give externalId, phone or email')
  .describe('Found by external id, then phone, then email; never created');

export const OutcomesBody = z.strictObject({
  outcomes: z
    .array(
      z.strictObject({
        contact: ContactRef,
        key: OutcomeKey,
        value: z.union([z.number().min(-OUTCOME_VALUE_MAX).max(OUTCOME_VALUE_MAX), z.boolean()]).describe('A number (at most 10¹² either way), or true/false (stored as 1/0)'),
        observedOn: isoDate.optional(),
      }),
    )
    .min(1)
    .max(OUTCOMES_PER_CALL_MAX),
});

export const OutcomeUpsertView = z.object({
  received: z.number().int(),
  applied: z.number().int(),
  notFound: z.number().int().describe('Items whose contact is not known'),
  unmatched: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })).describe('Every item not applied, by its position in outcomes (from 0)'),
});

export const presentUpsert = (r: OutcomeUpsertResult): z.infer<typeof OutcomeUpsertView> => r;

export const OutcomeCsvReportView = z.object({
  dryRun: z.boolean(),
  applied: z.boolean().describe('Whether the good rows were written'),
  rows: z.number().int(),
  validRows: z.number().int(),
  values: z.number().int(),
  keys: z.array(z.string()),
  problems: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), code: z.string(), message: z.string(), value: z.string().optional() })),
  problemCounts: z.record(z.string(), z.number().int()),
  problemsOmitted: z.number().int(),
  stoppedAtLine: z.number().int().nullable(),
});

export const presentCsvReport = (r: OutcomeCsvReport): z.infer<typeof OutcomeCsvReportView> => ({ ...r, problemCounts: r.problemCounts as Record<string, number> });

export const OutcomesQuery = z.strictObject({
  from: isoDate.describe('A date in the organisation’s time zone, YYYY-MM-DD, inclusive'),
  to: isoDate,
  key: OutcomeKey,
  surveyId: uuid.optional(),
});

const IntervalView = z.object({ lower: z.number(), upper: z.number(), level: z.number(), method: z.string() }).nullable();

export const OutcomesByGroupView = z.object({
  key: z.string(),
  kind: z.enum(['binary', 'amount']).describe('binary: 0/1 values, shown as a rate 0..1; amount: a mean in the outcome’s units'),
  period: z.object({ from: z.string(), to: z.string() }),
  surveyId: z.string().nullable(),
  contactsWithOutcome: z.number().int(),
  smallSampleMin: z.number().int(),
  groups: z.array(
    z.object({
      group: z.enum(['promoter', 'passive', 'detractor']),
      respondents: z.number().int().describe('Named respondents whose latest answer of the period is in this group'),
      n: z.number().int().describe('Of them, those with a value for the key'),
      estimate: z.number().nullable(),
      interval: IntervalView,
      standardDeviation: z.number().nullable(),
      smallSample: z.boolean(),
    }),
  ),
  difference: z
    .object({ estimate: z.number().nullable(), interval: IntervalView, pValue: z.number().nullable(), significant: z.boolean(), smallSample: z.boolean() })
    .describe('Detractors − promoters'),
});

export const presentOutcomesByGroup = (r: OutcomesByGroup): z.infer<typeof OutcomesByGroupView> => ({
  key: r.key,
  kind: r.kind,
  period: r.period,
  surveyId: r.surveyId,
  contactsWithOutcome: r.contactsWithOutcome,
  smallSampleMin: r.smallSampleMin,
  groups: r.groups,
  difference: r.difference,
});

export const OutcomeKeysView = z.object({
  items: z.array(z.object({ key: z.string(), kind: z.enum(['binary', 'amount']), contacts: z.number().int(), updatedAt: z.string() })),
});

export const presentOutcomeKeys = (items: OutcomeKeyView[]): z.infer<typeof OutcomeKeysView> => ({
  items: items.map((k) => ({ key: k.key, kind: k.kind, contacts: k.contacts, updatedAt: k.updatedAt.toISOString() })),
});
