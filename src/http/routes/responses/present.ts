import { z } from 'zod';
import type { ListedResponse } from '../../../app/responses/listResponses.ts';

export const ResponseView = z.object({
  id: z.uuid(),
  surveyVersion: z.number().int(),
  status: z.enum(['partial', 'completed']),
  channel: z.string(),
  language: z.string(),
  answers: z.record(z.string(), z.unknown()).describe('By question id: a score, true/false (FCR), option id(s), text or a recording'),
  attributes: z.record(z.string(), z.string()).describe('Dimensions for breakdowns: service_type, department, employee, channel, region and custom ones'),
  contactId: z.uuid().nullable().describe('Always null for an anonymous survey'),
  anonymous: z.boolean(),
  test: z.boolean().describe('Given through a test link: not a real answer, never counted in results'),
  withheldAttributes: z.array(z.string()).describe('Anonymous answers only: dimensions withheld because fewer than 5 answers share their value; times are then given to the day'),
  startedAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type ResponseView = z.infer<typeof ResponseView>;

export function presentResponse({ response, surveyVersion, withheldAttributes }: ListedResponse): ResponseView {
  return {
    id: response.id,
    surveyVersion,
    status: response.status as 'partial' | 'completed',
    channel: response.channel,
    language: response.language,
    answers: response.answers,
    attributes: response.attributes,
    contactId: response.anonymous ? null : response.contactId,
    anonymous: response.anonymous,
    test: response.test,
    withheldAttributes,
    startedAt: response.startedAt.toISOString(),
    updatedAt: response.updatedAt.toISOString(),
    completedAt: response.completedAt?.toISOString() ?? null,
  };
}
