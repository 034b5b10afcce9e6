import { eq } from 'drizzle-orm';
import type { AppContext } from '../../src/app/context.ts';
import type { SurveyDefinition } from '../../src/domain/surveys/definition.ts';
import { surveyFingerprint } from '../../src/domain/surveys/fingerprint.ts';
import { templateDefinition } from '../../src/domain/surveys/templates/index.ts';
import type { Db } from '../../src/store/db.ts';
import { surveys, surveyVersions } from '../../src/store/schema/index.ts';

/**
 * A launched survey with its first version, written straight to the tables
 * (the respondent side does not depend on the surveys API).
 */
export async function makeLaunchedSurvey(
  ctxOrDb: AppContext | Db,
  tenantId: string,
  opts: { templateId?: string; definition?: SurveyDefinition; status?: 'active' | 'paused' | 'closed' | 'draft'; anonymous?: boolean; name?: string } = {},
) {
  const db = 'db' in ctxOrDb ? ctxOrDb.db : ctxOrDb;
  const definition = opts.definition ?? templateDefinition(opts.templateId ?? 'transactional_nps');
  if (opts.anonymous !== undefined) definition.anonymous = opts.anonymous;
  const [survey] = await db
    .insert(surveys)
    .values({ tenantId, name: opts.name ?? 'NPS after a call', templateId: opts.templateId ?? 'transactional_nps', status: opts.status ?? 'active', draft: definition })
    .returning();
  const [version] = await db
    .insert(surveyVersions)
    .values({ tenantId, surveyId: survey!.id, version: 1, definition, fingerprint: surveyFingerprint(definition) })
    .returning();
  await db.update(surveys).set({ currentVersionId: version!.id }).where(eq(surveys.id, survey!.id));
  return { survey: { ...survey!, currentVersionId: version!.id }, version: version! };
}

export async function setSurveyStatus(db: Db, surveyId: string, status: 'active' | 'paused' | 'closed') {
  await db.update(surveys).set({ status }).where(eq(surveys.id, surveyId));
}
