import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_RATE_LIMITS } from '../../src/http/respondent/rateLimits.ts';
import { makeLaunchedSurvey, setSurveyStatus } from '../factories/index.ts';
import { answerPage, freshIp, get, invite, postForm, respondentWorld, textOf, type RespondentWorld } from './respondentHelpers.ts';

let w: RespondentWorld;
let surveyId: string;

beforeAll(async () => {
  w = await respondentWorld();
  surveyId = (await makeLaunchedSurvey(w.t.ctx, w.tenantId)).survey.id;
});
afterAll(async () => w.t.close());

const api = (method: 'GET' | 'POST' | 'OPTIONS', url: string, ip: string, payload?: object, headers: Record<string, string> = {}) =>
  w.t.app.inject({ method, url, remoteAddress: ip, headers: { origin: 'https://shop.example', ...headers }, ...(payload ? { payload } : {}) });

describe('public JSON API for the widget and the chat page', () => {
  it('gives the localized definition and saves partial, then final answers, validated like the pages', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'ru', channel: 'widget' });
    const token = inv.token;
    const survey = await api('GET', `/api/public/v1/s/${token}?lang=en`, ip);
    expect(survey.statusCode).toBe(200);
    expect(survey.headers['access-control-allow-origin']).toBe('*');
    expect(survey.headers['set-cookie']).toBeUndefined();
    const body = survey.json();
    expect(body).toMatchObject({ surveyVersion: 1, language: 'en', languages: ['ru', 'en'], response: { status: 'new', answers: {}, next: 'nps' } });
    expect(body.questions[0]).toMatchObject({ id: 'nps', type: 'nps', scale: { min: 0, max: 10 }, scaleLabels: [{ value: 0, label: 'Not at all likely' }, { value: 10, label: 'Extremely likely' }] });
    expect(body.questions[1].showIf).toBeTruthy();

    const bad = await api('POST', `/api/public/v1/s/${token}/answers`, ip, { answers: { nps: 11 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'respondent.invalid_answers', errors: [{ path: 'answers.nps', code: 'answer.invalid_score' }] });
    const early = await api('POST', `/api/public/v1/s/${token}/answers`, ip, { answers: {}, final: true });
    expect(early.json().errors).toEqual([expect.objectContaining({ path: 'answers.nps', code: 'answer.required' })]);

    const partial = await api('POST', `/api/public/v1/s/${token}/answers`, ip, { answers: { nps: 2 } });
    expect(partial.json()).toMatchObject({ status: 'partial', answers: { nps: 2 }, next: 'low_score_reason' });
    const final = await api('POST', `/api/public/v1/s/${token}/answers`, ip, { answers: { low_score_reason: 'Rude operator' }, final: true });
    expect(final.json()).toMatchObject({ status: 'completed', answers: { nps: 2, low_score_reason: 'Rude operator' }, next: null });
    const again = await api('GET', `/api/public/v1/s/${token}`, ip);
    expect(again.json().response).toMatchObject({ status: 'completed', answers: { nps: 2, low_score_reason: 'Rude operator' } });
    expect(again.json().language).toBe('ru'); // the invitation's: ?lang is not remembered by a GET
  });

  it('answers CORS preflight and problems for unknown and closed links', async () => {
    const ip = freshIp();
    const pre = await api('OPTIONS', '/api/public/v1/s/whatever-token-xyz-123/answers', ip, undefined, { 'access-control-request-method': 'POST' });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
    const unknown = await api('GET', '/api/public/v1/s/AAAAAAAAAAAAAAAAAAAAAA', ip);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const other = await makeLaunchedSurvey(w.t.ctx, w.tenantId);
    const inv = await invite(w, other.survey.id);
    await setSurveyStatus(w.t.ctx.db, other.survey.id, 'closed');
    const closed = await api('POST', `/api/public/v1/s/${inv.token}/answers`, ip, { answers: { nps: 5 } });
    expect(closed.statusCode).toBe(410);
    expect(closed.json().code).toBe('respondent.survey_closed');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/public/v1/s/{token}', '/api/public/v1/s/{token}/answers']));
  });
});

describe('rate limits on public endpoints', () => {
  it('limits one address, with a friendly 429 page and a problem for the API', async () => {
    const ip = freshIp();
    let last = await get(w.t, '/s/AAAAAAAAAAAAAAAAAAAAAA', ip);
    for (let i = 1; i < PUBLIC_RATE_LIMITS.perIpPerMinute; i += 1) last = await get(w.t, `/s/AAAAAAAAAAAAAAAAAAAAA${i % 10}`, ip);
    expect(last.statusCode).toBe(404);
    const page = await get(w.t, '/s/AAAAAAAAAAAAAAAAAAAAAA', ip, { 'accept-language': 'en' });
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
    expect(textOf(page.body)).toContain('Too many attempts');
    const json = await api('GET', '/api/public/v1/s/AAAAAAAAAAAAAAAAAAAAAA', ip);
    expect(json.statusCode).toBe(429);
    expect(json.json().code).toBe('rate_limited');
  });

  it('limits one link across many addresses', async () => {
    const inv = await invite(w, surveyId);
    for (let i = 0; i < PUBLIC_RATE_LIMITS.perLinkPerMinute; i += 1) expect((await get(w.t, inv.path, freshIp())).statusCode).toBe(200);
    expect((await get(w.t, inv.path, freshIp())).statusCode).toBe(429);
    expect((await postForm(w.t, inv.path, { a_nps: '1' }, freshIp())).statusCode).toBe(429);
  });

  it('lets the many visitors of a busy website share one feedback link beyond a personal link budget', async () => {
    const link = (await w.pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/surveys/${surveyId}/feedback-links`, payload: {} })).json();
    const path = new URL(link.url).pathname;
    for (let i = 0; i < PUBLIC_RATE_LIMITS.perLinkPerMinute * 2; i += 1) expect((await get(w.t, path, freshIp())).statusCode).toBe(200);
  });
});

describe('feedback links', () => {
  it('makes a permanent link with a QR code; each visitor starts a fresh response carried by a signed handle', async () => {
    const created = await w.pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/surveys/${surveyId}/feedback-links`, payload: { attributes: { region: 'spb' } } });
    expect(created.statusCode).toBe(201);
    const link = created.json();
    expect(link.url).toMatch(/\/f\/[a-z0-9]{12}$/);
    const list = await w.pm.request({ method: 'GET', url: `/api/v1/tenants/${w.tenantId}/surveys/${surveyId}/feedback-links` });
    expect(list.json().items.map((l: { id: string }) => l.id)).toContain(link.id);
    const qr = await w.pm.request({ method: 'GET', url: link.qrUrl });
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const path = new URL(link.url).pathname;
    const ip = freshIp();
    expect((await get(w.t, path, ip)).statusCode).toBe(200);
    const first = await answerPage(w.t, `${path}?lang=en`, { a_nps: '5' }, ip);
    expect(first.statusCode).toBe(303);
    const next = first.headers.location as string;
    expect(next).toMatch(/^\/s\/[0-9a-f]{32}\.[A-Za-z0-9_-]{22}\?q=low_score_reason&lang=en$/);
    const done = await answerPage(w.t, next, { a_low_score_reason: 'Queue at the branch' }, ip);
    expect(done.headers.location).toMatch(/\?done=1&lang=en$/);
    const second = await answerPage(w.t, path, { a_nps: '10' }, freshIp());
    expect(second.statusCode).toBe(303);

    const forged = next.replace(/\.[A-Za-z0-9_-]{22}/, `.${'A'.repeat(22)}`);
    expect((await get(w.t, forged, ip)).statusCode).toBe(404);

    const responses = await w.pm.request({ method: 'GET', url: `/api/v1/tenants/${w.tenantId}/surveys/${surveyId}/responses?limit=200` });
    const fromLink = responses.json().items.filter((r: { attributes: Record<string, string> }) => r.attributes.region === 'spb');
    expect(fromLink).toHaveLength(2);
    expect(fromLink.map((r: { answers: object }) => r.answers)).toEqual(
      expect.arrayContaining([{ nps: 5, low_score_reason: 'Queue at the branch' }, { nps: 10 }]),
    );

    // Switched off (the poster came down): the link is not found and stores nothing; on again, it works.
    const linkUrl = `/api/v1/tenants/${w.tenantId}/surveys/${surveyId}/feedback-links/${link.id}`;
    const off = await w.pm.request({ method: 'PATCH', url: linkUrl, payload: { active: false } });
    expect(off.json()).toMatchObject({ id: link.id, active: false });
    expect((await get(w.t, path, freshIp())).statusCode).toBe(404);
    expect((await postForm(w.t, path, { a_nps: '1' }, freshIp())).statusCode).toBe(404);
    const after = (await w.pm.request({ method: 'GET', url: `/api/v1/tenants/${w.tenantId}/surveys/${surveyId}/responses?limit=200` })).json();
    expect(after.items.filter((r: { attributes: Record<string, string> }) => r.attributes.region === 'spb')).toHaveLength(2);
    expect((await w.pm.request({ method: 'PATCH', url: linkUrl, payload: { active: true } })).json().active).toBe(true);
    expect((await get(w.t, path, freshIp())).statusCode).toBe(200);
  });
});
