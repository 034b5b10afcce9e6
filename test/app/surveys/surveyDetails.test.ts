import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeSurvey } from '../../../src/app/surveys/surveyDetails.ts';
import { surveyFingerprint, type SurveyDefinition } from '../../../src/domain/surveys/index.ts';
import type { SurveyRow, SurveyVersionRow } from '../../../src/store/repos/surveys.ts';
import { surveyArbitrary } from '../../domain/surveys/arbitraries.ts';

const row = (draft: SurveyDefinition): SurveyRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  tenantId: '00000000-0000-4000-8000-000000000002',
  name: 'x',
  templateId: null,
  status: 'active',
  draft,
  currentVersionId: '00000000-0000-4000-8000-000000000003',
  createdBy: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  archivedAt: null,
});
const version = (definition: SurveyDefinition): SurveyVersionRow => ({
  id: '00000000-0000-4000-8000-000000000003',
  tenantId: '00000000-0000-4000-8000-000000000002',
  surveyId: '00000000-0000-4000-8000-000000000001',
  version: 1,
  definition,
  fingerprint: surveyFingerprint(definition),
  launchedBy: null,
  launchedAt: new Date(),
});

/** Drafts an author can save: questions reordered (rules now point forward: loops), ids duplicated, questions dropped. */
const brokenDraft = surveyArbitrary().chain((definition) =>
  fc.record({ order: fc.shuffledSubarray(definition.questions), duplicate: fc.boolean() }).map(({ order, duplicate }) => ({
    ...definition,
    questions: duplicate && order.length > 0 ? [...order, order[0]!] : order,
  })),
);

describe('the survey read model', () => {
  it('describes any draft of the right shape, however broken, without throwing', () => {
    fc.assert(
      fc.property(surveyArbitrary(), brokenDraft, (launched, draft) => {
        const details = describeSurvey(row(draft), version(launched));
        expect(details.problemCount).toBe(details.problems.length);
        expect(details.paths.questions).toHaveLength(draft.questions.length);
        expect(details.draftDiffersFromCurrent).toBe(surveyFingerprint(draft) !== surveyFingerprint(launched));
        if (!details.draftDiffersFromCurrent) expect(details.changes).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('says a never-launched draft differs from the (missing) current version and has no changes', () => {
    fc.assert(
      fc.property(surveyArbitrary(), (draft) => {
        const details = describeSurvey({ ...row(draft), currentVersionId: null, status: 'draft' }, null);
        expect(details).toMatchObject({ currentVersion: null, draftDiffersFromCurrent: true, changes: [] });
      }),
      { numRuns: 50 },
    );
  });
});
