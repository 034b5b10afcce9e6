import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseChannel } from '../../src/app/respondent/channel.ts';
import { WIDGET_DIST } from '../../src/http/respondent/embedAssets.ts';
import { makeLaunchedSurvey, setSurveyStatus } from '../factories/index.ts';
import { freshIp, invite, respondentWorld, textOf, type RespondentWorld } from './respondentHelpers.ts';

/** The budget for the script a website loads. */
const WIDGET_MAX_GZIPPED_BYTES = 15 * 1024;

let w: RespondentWorld;
let surveyId: string;
let slug: string;

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-widget.mjs'], { stdio: 'pipe' });
  w = await respondentWorld();
  surveyId = (await makeLaunchedSurvey(w.t.ctx, w.tenantId)).survey.id;
  const link = await w.pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/surveys/${surveyId}/feedback-links`, payload: { attributes: { region: 'msk' } } });
  slug = link.json().slug;
}, 120_000);
afterAll(async () => w.t.close());

const api = (method: 'GET' | 'POST' | 'OPTIONS', url: string, ip: string, payload?: object, headers: Record<string, string> = {}) =>
  w.t.app.inject({ method, url, remoteAddress: ip, headers: { origin: 'https://shop.example', ...headers }, ...(payload ? { payload } : {}) });

const responses = async (id = surveyId) =>
  (await w.pm.request({ method: 'GET', url: `/api/v1/tenants/${w.tenantId}/surveys/${id}/responses?limit=200` })).json().items as Array<{
    channel: string;
    status: string;
    answers: Record<string, unknown>;
    attributes: Record<string, string>;
  }>;

describe('starting a response on a feedback link (the widget)', () => {
  it('reads the survey without storing anything, then starts the response with its first answer', async () => {
    const ip = freshIp();
    const survey = await api('GET', `/api/public/v1/f/${slug}?lang=en`, ip);
    expect(survey.statusCode).toBe(200);
    expect(survey.headers['access-control-allow-origin']).toBe('*');
    expect(survey.headers['set-cookie']).toBeUndefined();
    expect(survey.json()).toMatchObject({ language: 'en', response: { status: 'new', answers: {}, next: 'nps', handle: null } });
    expect(await responses()).toHaveLength(0);

    const empty = await api('POST', `/api/public/v1/f/${slug}/responses`, ip, { answers: {}, channel: 'widget' });
    expect(empty.statusCode).toBe(400);
    const bad = await api('POST', `/api/public/v1/f/${slug}/responses`, ip, { answers: { nps: 11 }, channel: 'widget' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'respondent.invalid_answers', errors: [{ path: 'answers.nps', code: 'answer.invalid_score' }] });
    expect(await responses()).toHaveLength(0);

    const started = await api('POST', `/api/public/v1/f/${slug}/responses`, ip, { answers: { nps: 3 }, language: 'en', channel: 'widget' });
    expect(started.statusCode).toBe(201);
    const { token, ...state } = started.json();
    expect(token).toMatch(/^[0-9a-f]{32}\.[A-Za-z0-9_-]{22}$/);
    expect(state).toMatchObject({ status: 'partial', answers: { nps: 3 }, next: 'low_score_reason', handle: token });

    const done = await api('POST', `/api/public/v1/s/${token}/answers`, ip, { answers: { low_score_reason: 'Long queue' }, final: true, channel: 'widget' });
    expect(done.json()).toMatchObject({ status: 'completed', answers: { nps: 3, low_score_reason: 'Long queue' }, next: null });
    expect(await responses()).toEqual([
      expect.objectContaining({ channel: 'widget', status: 'completed', answers: { nps: 3, low_score_reason: 'Long queue' }, attributes: { region: 'msk' } }),
    ]);
  });

  it('answers CORS preflight, 404 for an unknown link and 410 for a closed survey', async () => {
    const ip = freshIp();
    const pre = await api('OPTIONS', `/api/public/v1/f/${slug}/responses`, ip, undefined, { 'access-control-request-method': 'POST' });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
    const unknown = await api('POST', '/api/public/v1/f/nosuchlink1/responses', ip, { answers: { nps: 5 } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const other = await makeLaunchedSurvey(w.t.ctx, w.tenantId);
    const link = (await w.pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/surveys/${other.survey.id}/feedback-links`, payload: {} })).json();
    await setSurveyStatus(w.t.ctx.db, other.survey.id, 'closed');
    const closed = await api('GET', `/api/public/v1/f/${link.slug}`, ip);
    expect(closed.statusCode).toBe(410);
    expect(closed.json().code).toBe('respondent.survey_closed');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/public/v1/f/{slug}', '/api/public/v1/f/{slug}/responses']));
  });
});

describe('the channel of a response', () => {
  it('is the screen for web invitations and feedback links, the invitation’s own channel otherwise', async () => {
    expect(responseChannel(undefined, undefined)).toBe('web');
    expect(responseChannel(undefined, 'widget')).toBe('widget');
    expect(responseChannel('web', 'chat')).toBe('chat');
    expect(responseChannel('sms', 'chat')).toBe('sms');
    expect(responseChannel('email', undefined)).toBe('email');

    const own = await makeLaunchedSurvey(w.t.ctx, w.tenantId);
    const ip = freshIp();
    const web = await invite(w, own.survey.id);
    const sms = await invite(w, own.survey.id, { channel: 'sms' });
    await api('POST', `/api/public/v1/s/${web.token}/answers`, ip, { answers: { nps: 9 }, final: true, channel: 'chat' });
    await api('POST', `/api/public/v1/s/${sms.token}/answers`, ip, { answers: { nps: 10 }, final: true, channel: 'chat' });
    expect((await responses(own.survey.id)).map((r) => r.channel).sort()).toEqual(['chat', 'sms']);
  });
});

describe('/widget.js', () => {
  it('is served as cacheable JavaScript, gzipped on request, revalidated by ETag', async () => {
    const ip = freshIp();
    const plain = await api('GET', '/widget.js', ip);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(plain.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(plain.body).toBe(readFileSync(`${WIDGET_DIST}/widget.js`, 'utf8'));
    const gzipped = await w.t.app.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(plain.body);
    const again = await w.t.app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect((await api('GET', '/chat.js', ip)).statusCode).toBe(200);
  });

  it(`stays under ${WIDGET_MAX_GZIPPED_BYTES} bytes gzipped`, () => {
    const size = gzipSync(readFileSync(`${WIDGET_DIST}/widget.js`), { level: 9 }).length;
    expect(size).toBeLessThan(WIDGET_MAX_GZIPPED_BYTES);
  });
});

describe('the chat page /c/:token', () => {
  it('is a shell in the respondent’s language with its script from a file and a strict CSP', async () => {
    const ip = freshIp();
    const inv = await invite(w, surveyId, { language: 'ru' });
    const page = await w.t.app.inject({ method: 'GET', url: `/c/${inv.token}`, remoteAddress: ip });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).toContain('<html lang="ru">');
    expect(page.body).toContain('<script src="/chat.js" defer></script>');
    expect(page.body).not.toMatch(/<script>/);
    expect(page.body).toContain(`data-token="${inv.token}"`);
    expect(page.body).toMatch(/role="log" aria-live="polite"/);
    expect(page.body).toContain(`href="/s/${inv.token}?lang=ru"`); // the form, for browsers without JavaScript
    const en = await w.t.app.inject({ method: 'GET', url: `/c/${inv.token}?lang=en`, remoteAddress: ip });
    expect(en.body).toContain('<html lang="en">');
  });

  it('says so, as a page, for an unknown link', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/c/AAAAAAAAAAAAAAAAAAAAAA', remoteAddress: freshIp(), headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(textOf(res.body)).toContain('Survey not found');
  });
});
