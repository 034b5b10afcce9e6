import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../app/context.ts';
import { archiveSurvey } from '../../../app/surveys/archiveSurvey.ts';
import { changeSurveyStatus, type SurveyStatusAction } from '../../../app/surveys/changeSurveyStatus.ts';
import { createSurvey } from '../../../app/surveys/createSurvey.ts';
import { getSurvey } from '../../../app/surveys/getSurvey.ts';
import { launchSurvey } from '../../../app/surveys/launchSurvey.ts';
import { listSurveys } from '../../../app/surveys/listSurveys.ts';
import { getSurveyVersion, listSurveyVersions } from '../../../app/surveys/surveyVersions.ts';
import { updateSurveyDraft } from '../../../app/surveys/updateSurveyDraft.ts';
import { actorOf, requestMeta } from '../../plugins/auth.ts';
import { errorResponses } from '../../schemas.ts';
import {
  presentSurvey,
  presentSurveySummary,
  presentSurveyVersion,
  presentSurveyVersionSummary,
  SurveySummaryView,
  SurveyVersionSummaryView,
  SurveyVersionView,
  SurveyView,
} from './present.ts';
import { CreateSurveyBody, surveyParams, tenantParams, UpdateSurveyBody, versionParams } from './schema.ts';

const tags = ['surveys'];
const base = '/tenants/:tenantId/surveys';
const one = `${base}/:surveyId`;
const surveyResponse = { 200: SurveyView, ...errorResponses };

const STATUS_ACTIONS: Array<{ action: SurveyStatusAction; summary: string }> = [
  { action: 'pause', summary: 'Pause an active survey: its links say it is closed for now' },
  { action: 'resume', summary: 'Resume a paused survey' },
  { action: 'close', summary: 'Close a launched survey for good' },
];

export const surveyRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get(base, { schema: { tags, summary: 'Surveys of an organisation, newest first', params: tenantParams, response: { 200: z.object({ items: z.array(SurveySummaryView) }), ...errorResponses } } }, async (req) => ({
    items: (await listSurveys(ctx, actorOf(req), req.params.tenantId)).map(presentSurveySummary),
  }));

  app.post(
    base,
    { schema: { tags, summary: 'Create a survey from a template, from a definition, or blank', params: tenantParams, body: CreateSurveyBody, response: { 201: SurveyView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(presentSurvey(await createSurvey(ctx, actorOf(req), req.params.tenantId, req.body, requestMeta(req)))),
  );

  app.get(one, { schema: { tags, summary: 'A survey with its draft, problems, paths and changes since launch', params: surveyParams, response: surveyResponse } }, async (req) =>
    presentSurvey(await getSurvey(ctx, actorOf(req), req.params.tenantId, req.params.surveyId)),
  );

  app.put(one, { schema: { tags, summary: 'Save the name and the draft (launched versions are not changed)', params: surveyParams, body: UpdateSurveyBody, response: surveyResponse } }, async (req) =>
    presentSurvey(await updateSurveyDraft(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, req.body)),
  );

  app.post(`${one}/launch`, { schema: { tags, summary: 'Launch the draft; freezes a new version if it changed', params: surveyParams, response: surveyResponse } }, async (req) =>
    presentSurvey(await launchSurvey(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, requestMeta(req))),
  );

  for (const { action, summary } of STATUS_ACTIONS) {
    app.post(`${one}/${action}`, { schema: { tags, summary, params: surveyParams, response: surveyResponse } }, async (req) =>
      presentSurvey(await changeSurveyStatus(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, action, requestMeta(req))),
    );
  }

  app.delete(one, { schema: { tags, summary: 'Archive a survey (closing it if it takes answers)', params: surveyParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await archiveSurvey(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, requestMeta(req));
    return reply.code(204).send(null);
  });

  app.get(
    `${one}/versions`,
    { schema: { tags, summary: 'Launched versions of a survey, newest first', params: surveyParams, response: { 200: z.object({ items: z.array(SurveyVersionSummaryView) }), ...errorResponses } } },
    async (req) => ({ items: (await listSurveyVersions(ctx, actorOf(req), req.params.tenantId, req.params.surveyId)).map(presentSurveyVersionSummary) }),
  );

  app.get(`${one}/versions/:version`, { schema: { tags, summary: 'One launched version, exactly as frozen', params: versionParams, response: { 200: SurveyVersionView, ...errorResponses } } }, async (req) =>
    presentSurveyVersion(await getSurveyVersion(ctx, actorOf(req), req.params.tenantId, req.params.surveyId, req.params.version)),
  );
};
