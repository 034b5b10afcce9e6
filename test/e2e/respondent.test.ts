import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { makeLaunchedSurvey } from '../factories/responses.ts';
import { launchBrowser, loopbackOnlyContext } from './browser.ts';
import { newEnv, startVoxpop, type VoxpopEnv, type VoxpopProcess } from './voxpopProcess.ts';

const ADMIN = { email: 'owner@example.test', password: 'a long enough password' };
const axeSource = await fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let env: VoxpopEnv;
let voxpop: VoxpopProcess;
let browser: Browser;
let api: (method: string, url: string, body?: unknown) => Promise<Response>;
let tenantId: string;
let surveyId: string;

beforeAll(async () => {
  env = await newEnv({ VOXPOP_ADMIN_EMAIL: ADMIN.email, VOXPOP_ADMIN_PASSWORD: ADMIN.password });
  voxpop = await startVoxpop(env);
  browser = await launchBrowser();
  const login = await fetch(`${voxpop.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  api = (method, url, body) =>
    fetch(`${voxpop.baseUrl}${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  tenantId = ((await (await api('POST', '/api/v1/tenants', { name: 'Ромашка', slug: 'romashka' })).json()) as { id: string }).id;
  // The survey is written straight to the database: the respondent side does not depend on the surveys API.
  const password = (await fs.readFile(path.join(env.dataDir, 'postgres.password'), 'utf8')).trim();
  const database = openDatabase(`postgres://voxpop:${encodeURIComponent(password)}@127.0.0.1:${env.pgPort}/postgres`, { poolMax: 1 });
  surveyId = (await makeLaunchedSurvey(database.db, tenantId)).survey.id;
  await database.close();
});
afterAll(async () => {
  await browser?.close();
  voxpop?.child.kill('SIGTERM');
  await voxpop?.exited;
  await fs.rm(env.dataDir, { recursive: true, force: true });
});

async function invitationUrl(attributes: Record<string, string>): Promise<string> {
  const res = await api('POST', `/api/v1/tenants/${tenantId}/surveys/${surveyId}/invitations`, { language: 'en', attributes });
  expect(res.status).toBe(201);
  return ((await res.json()) as { url: string }).url.replace('localhost', '127.0.0.1');
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
}

describe('the respondent page in headless Chromium', () => {
  it('answers 3, writes a reason, sees thank-you; axe finds nothing serious', async () => {
    const url = await invitationUrl({ department: 'billing', employee: 'op-17' });
    // Playwright's own CSP bypass only lets the axe script in; the page itself ships no script.
    const context = await loopbackOnlyContext(browser, { viewport: { width: 360, height: 740 }, locale: 'en-US', bypassCSP: true });
    const page = await context.newPage();
    try {
      const res = await page.goto(url);
      expect(res!.status()).toBe(200);
      expect(Number((await res!.allHeaders())['content-length'] ?? (await res!.body()).length)).toBeLessThan(50 * 1024);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('radio', { name: '3', exact: true }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      const reason = page.getByLabel('What should we improve first?');
      await reason.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await reason.fill('I waited forty minutes on hold');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('heading', { name: 'Thank you' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360);
    } catch (err) {
      await fs.mkdir('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/respondent-failure.png', fullPage: true });
      throw err;
    }
    expect(context.outbound).toEqual([]);
    await context.close();

    const responses = (await (await api('GET', `/api/v1/tenants/${tenantId}/surveys/${surveyId}/responses`)).json()) as { items: Array<Record<string, unknown>> };
    expect(responses.items[0]).toMatchObject({
      status: 'completed',
      answers: { nps: 3, low_score_reason: 'I waited forty minutes on hold' },
      attributes: { department: 'billing', employee: 'op-17' },
    });
  });

  it('works with JavaScript disabled', async () => {
    const url = await invitationUrl({ department: 'support' });
    const context = await loopbackOnlyContext(browser, { javaScriptEnabled: false, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${url}?lang=ru`);
    await page.getByRole('radio', { name: '9', exact: true }).check();
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByRole('heading', { name: 'Спасибо' }).waitFor();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Ваши ответы' }).waitFor();
    await context.close();
  });
});
