import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyTemplates, templateDefinition, type SurveyDefinition } from '../../src/domain/surveys/index.ts';
import { updateTenant } from '../../src/store/repos/tenants.ts';
import { makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** A fresh organisation (Russian by default) and its project manager, signed in. */
async function projectManager(locale: 'ru' | 'en' = 'ru') {
  const tenant = await makeTenant(t.ctx);
  if (locale !== 'ru') await updateTenant(t.ctx.db, tenant.id, { locale });
  const user = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
  const browser = await signIn(t, user.email, TEST_PASSWORD);
  const base = `/api/v1/tenants/${tenant.id}/surveys`;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path = '', payload?: object) =>
    browser.request({ method, url: `${base}${path}`, ...(payload === undefined ? {} : { payload }) });
  return { tenant, browser, base, call };
}

async function createFromTemplate(b: Browser, base: string, templateId = 'transactional_nps') {
  const res = await b.request({ method: 'POST', url: base, payload: { templateId } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const versionRows = async (surveyId: string) =>
  (await t.ctx.db.execute(sql`select version, definition::text as definition from survey_versions where survey_id = ${surveyId} order by version`)).rows as Array<{
    version: number;
    definition: string;
  }>;

describe('survey templates', () => {
  it('lists every template with its Russian and English name, for anyone signed in', async () => {
    const { browser } = await projectManager();
    const res = await browser.request({ method: 'GET', url: '/api/v1/survey-templates' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; name: Record<string, string>; anonymous: boolean; definition: SurveyDefinition }>;
    expect(items.map((i) => i.id)).toEqual(surveyTemplates.map((s) => s.id));
    for (const item of items) expect(Object.keys(item.name).sort()).toEqual(['en', 'ru']);
    expect(items.find((i) => i.id === 'enps')!.anonymous).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/survey-templates' })).statusCode).toBe(401);
  });
});

describe('creating surveys', () => {
  it.each(surveyTemplates.map((s) => [s.id, s] as const))('from the %s template, named in the organisation’s language, with no problems', async (id, template) => {
    const { browser, base } = await projectManager();
    const view = await createFromTemplate(browser, base, id);
    expect(view).toMatchObject({ name: template.name.ru, templateId: id, status: 'draft', currentVersion: null, problemCount: 0, problems: [], changes: [] });
    expect(view.anonymous).toBe(template.definition.anonymous);
    expect(view.draft).toEqual(template.definition);
    expect(view.questionCount).toBe(template.definition.questions.length);
    expect(view.paths.questions.map((q: { questionId: string }) => q.questionId)).toEqual(template.definition.questions.map((q) => q.id));
    expect(view.draftDiffersFromCurrent).toBe(true);
  });

  it('names a template survey in English for an English-speaking organisation, unless a name is given', async () => {
    const { browser, base } = await projectManager('en');
    expect((await createFromTemplate(browser, base, 'ces')).name).toBe('Customer Effort Score (CES)');
    const named = await browser.request({ method: 'POST', url: base, payload: { templateId: 'ces', name: '  Effort after chat ' } });
    expect(named.json().name).toBe('Effort after chat');
  });

  it('starts a blank survey in the organisation’s language and lists what is missing', async () => {
    const { call } = await projectManager('en');
    const res = await call('POST', '', {});
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ name: 'New survey', templateId: null, questionCount: 0 });
    expect(view.draft).toMatchObject({ defaultLanguage: 'en', languages: ['en', 'ru'], questions: [] });
    expect(view.problems.map((p: { code: string }) => p.code)).toContain('survey.no_questions');
    expect(view.problemCount).toBe(view.problems.length);
  });

  it('starts from a given definition, and refuses a template and a definition together', async () => {
    const { call } = await projectManager();
    const definition = templateDefinition('cli');
    const res = await call('POST', '', { name: 'Copy', definition });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Copy', templateId: null, draft: definition });
    const both = await call('POST', '', { templateId: 'cli', definition });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].path).toBe('templateId');
  });

  it('refuses unknown fields, unknown templates and drafts that do not have the shape of a definition', async () => {
    const { call } = await projectManager();
    const unknownField = await call('POST', '', { templateId: 'ces', colour: 'red' });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().code).toBe('validation');
    const unknownTemplate = await call('POST', '', { templateId: 'nps_deluxe' });
    expect(unknownTemplate.statusCode).toBe(400);
    expect(unknownTemplate.json().errors[0].path).toBe('templateId');
    const { id } = (await call('POST', '', { templateId: 'ces' })).json();
    const draft = templateDefinition('ces') as unknown as { questions: Array<Record<string, unknown>> };
    draft.questions[0]!.colour = 'red';
    const badDraft = await call('PUT', `/${id}`, { draft });
    expect(badDraft.statusCode).toBe(400);
    expect(badDraft.json().errors.map((e: { path: string }) => e.path).join(' ')).toContain('draft.questions.0');
    expect((await call('PUT', `/${id}`, { name: '' })).statusCode).toBe(400);
  });
});

describe('drafts and launching', () => {
  it('saves a half-done draft with its problems listed, and refuses to launch it', async () => {
    const { call } = await projectManager();
    const { id } = (await call('POST', '', {})).json();
    const draft = templateDefinition('transactional_nps');
    draft.questions[0]!.text = { ru: 'Порекомендуете ли вы нас?', en: '' };
    draft.questions[1]!.showIf = { when: { question: 'nowhere', op: 'answered' } };
    const saved = await call('PUT', `/${id}`, { name: 'Half done', draft });
    expect(saved.statusCode).toBe(200);
    const codes = saved.json().problems.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['survey.missing_translation', 'survey.rule_unknown_question']));
    expect((await call('GET', `/${id}`)).json()).toMatchObject({ name: 'Half done', draft, problemCount: codes.length });
    expect((await call('GET')).json().items[0]).toMatchObject({ id, problemCount: codes.length, currentVersion: null });

    const launch = await call('POST', `/${id}/launch`);
    expect(launch.statusCode).toBe(400);
    const problem = launch.json();
    expect(problem.code).toBe('surveys.invalid');
    expect(problem.errors).toHaveLength(codes.length);
    expect(problem.errors).toContainEqual(expect.objectContaining({ path: 'questions.1.showIf.when.question', code: 'survey.rule_unknown_question' }));
    for (const e of problem.errors) expect(e.message).toEqual(expect.any(String));
    expect((await call('GET', `/${id}`)).json().status).toBe('draft');
    expect(await versionRows(id)).toEqual([]);
  });

  it('freezes version 1 at launch, makes version 2 after an edit and never changes version 1', async () => {
    const { browser, base, call } = await projectManager();
    const created = await createFromTemplate(browser, base);
    const launched = await call('POST', `/${created.id}/launch`);
    expect(launched.statusCode).toBe(200);
    expect(launched.json()).toMatchObject({ status: 'active', currentVersion: 1, draftDiffersFromCurrent: false, changes: [] });
    const v1Body = (await call('GET', `/${created.id}/versions/1`)).body;
    expect(JSON.parse(v1Body)).toMatchObject({ version: 1, definition: created.draft });
    const [v1Row] = await versionRows(created.id);

    const draft = structuredClone(created.draft) as SurveyDefinition;
    draft.questions[0]!.text.ru = 'Насколько вероятно, что вы порекомендуете нас друзьям?';
    const edited = (await call('PUT', `/${created.id}`, { draft })).json();
    expect(edited).toMatchObject({ status: 'active', currentVersion: 1, draftDiffersFromCurrent: true });
    expect(edited.changes).toContainEqual(expect.objectContaining({ kind: 'text_changed', questionId: draft.questions[0]!.id, language: 'ru' }));
    expect((await call('GET', `/${created.id}/versions/1`)).body).toBe(v1Body);

    expect((await call('POST', `/${created.id}/launch`)).json()).toMatchObject({ currentVersion: 2, draftDiffersFromCurrent: false });
    const versions = (await call('GET', `/${created.id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].fingerprint).not.toBe(versions[1].fingerprint);
    expect(versions[0].questionCount).toBe(draft.questions.length);
    expect((await call('GET', `/${created.id}/versions/2`)).json().definition).toEqual(draft);
    expect((await call('GET', `/${created.id}/versions/1`)).body).toBe(v1Body);
    expect((await versionRows(created.id))[0]).toEqual(v1Row);

    const audit = await t.ctx.db.execute(sql`select action, details from audit_events where target_id = ${created.id} order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['survey.created', 'survey.launched', 'survey.launched']);
  });

  it('makes no new version when relaunched without changes, even after a save of the same draft', async () => {
    const { call } = await projectManager();
    const created = (await call('POST', '', { templateId: 'ces' })).json();
    await call('POST', `/${created.id}/launch`);
    await call('PUT', `/${created.id}`, { draft: created.draft, name: 'Renamed' });
    const again = await call('POST', `/${created.id}/launch`);
    expect(again.json()).toMatchObject({ currentVersion: 1, name: 'Renamed', draftDiffersFromCurrent: false });
    expect((await versionRows(created.id)).map((v) => v.version)).toEqual([1]);
  });

  it('answers 404 for unknown surveys and versions, 400 for ids that are not ids', async () => {
    const { call } = await projectManager();
    const created = (await call('POST', '', { templateId: 'ces' })).json();
    expect((await call('GET', '/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await call('GET', `/${created.id}/versions/1`)).statusCode).toBe(404);
    const notAnId = await call('GET', '/not-an-id');
    expect(notAnId.statusCode).toBe(400);
    expect(notAnId.json().errors[0].path).toContain('surveyId');
    expect((await call('GET', `/${created.id}/versions/zero`)).statusCode).toBe(400);
    expect((await call('GET', `/${created.id}/versions/0`)).statusCode).toBe(400);
  });
});

describe('status', () => {
  it('pauses, resumes and closes only from sensible states', async () => {
    const { call } = await projectManager();
    const { id } = (await call('POST', '', { templateId: 'relational_nps' })).json();
    const expectRefused = async (action: string) => {
      const res = await call('POST', `/${id}/${action}`);
      expect(res.statusCode, action).toBe(409);
      expect(res.json().code).toBe('surveys.wrong_status');
    };
    await expectRefused('pause');
    await expectRefused('resume');
    await expectRefused('close');
    await call('POST', `/${id}/launch`);
    await expectRefused('resume');
    expect((await call('POST', `/${id}/pause`)).json().status).toBe('paused');
    await expectRefused('pause');
    expect((await call('POST', `/${id}/resume`)).json().status).toBe('active');
    expect((await call('POST', `/${id}/pause`)).json().status).toBe('paused');
    expect((await call('POST', `/${id}/close`)).json()).toMatchObject({ status: 'closed', currentVersion: 1 });
    await expectRefused('launch');
    await expectRefused('resume');
    await expectRefused('close');
    const audit = await t.ctx.db.execute(sql`select action, details from audit_events where target_id = ${id} and action <> 'survey.created' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['survey.launched', 'survey.paused', 'survey.resumed', 'survey.paused', 'survey.closed']);
    expect(audit.rows[4]!.details).toEqual({ from: 'paused', to: 'closed' });
  });

  it('archives a survey: gone from the list and the routes, closed if it was taking answers', async () => {
    const { call } = await projectManager();
    const kept = (await call('POST', '', { templateId: 'ces' })).json();
    const { id } = (await call('POST', '', { templateId: 'ces' })).json();
    await call('POST', `/${id}/launch`);
    expect((await call('DELETE', `/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/${id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/${id}`)).statusCode).toBe(404);
    expect((await call('GET')).json().items.map((s: { id: string }) => s.id)).toEqual([kept.id]);
    const row = (await t.ctx.db.execute(sql`select status, archived_at from surveys where id = ${id}`)).rows[0]!;
    expect(row.status).toBe('closed');
    expect(row.archived_at).not.toBeNull();
    expect((await versionRows(id)).length).toBe(1);
  });
});
