import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { makeLaunchedSurvey } from '../factories/responses.ts';
import { freePort } from '../helpers/global-setup.ts';
import { launchBrowser, loopbackOnlyContext } from './browser.ts';
import { newEnv, startVoxpop, type VoxpopEnv, type VoxpopProcess } from './voxpopProcess.ts';

const ADMIN = { email: 'owner@example.test', password: 'a long enough password' };
const axeSource = await fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RED = 'rgb(255, 0, 0)';

let env: VoxpopEnv;
let voxpop: VoxpopProcess;
let browser: Browser;
let hostSite: http.Server;
let hostUrl: string;
let api: (method: string, url: string, body?: unknown) => Promise<Response>;
let tenantId: string;
let surveyId: string;
let slug: string;

/**
 * A shop's page on another origin, with CSS that would wreck any widget it
 * reached: every element red, 40 px, serif, yellow buttons. `?trigger=…&position=…` pick the embedding.
 */
function hostPage(query: URLSearchParams): string {
  const trigger = query.get('trigger') ?? 'immediate';
  const position = query.get('position') ?? 'bottom-right';
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Shop content, paragraph ${i + 1}. Lorem ipsum dolor sit amet.</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Shop</title>
<style>* { color: red !important; font-size: 40px !important; font-family: serif !important; line-height: 3 !important } button { background: yellow !important; border: 5px dashed green !important }</style></head>
<body><h1>The shop</h1><button id="feedback" type="button">Feedback</button>${paragraphs}
<script src="${voxpop.baseUrl}/widget.js" data-voxpop-link="${slug}" data-trigger="${trigger}" data-position="${position}" data-lang="en" async></script></body></html>`;
}

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-widget.mjs'], { stdio: 'pipe' });
  env = await newEnv({ VOXPOP_ADMIN_EMAIL: ADMIN.email, VOXPOP_ADMIN_PASSWORD: ADMIN.password });
  voxpop = await startVoxpop(env);
  browser = await launchBrowser();
  const login = await fetch(`${voxpop.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  api = (method, url, body) =>
    fetch(`${voxpop.baseUrl}${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  tenantId = ((await (await api('POST', '/api/v1/tenants', { name: 'Ромашка', slug: 'romashka' })).json()) as { id: string }).id;
  const password = (await fs.readFile(path.join(env.dataDir, 'postgres.password'), 'utf8')).trim();
  const database = openDatabase(`postgres://voxpop:${encodeURIComponent(password)}@127.0.0.1:${env.pgPort}/postgres`, { poolMax: 1 });
  surveyId = (await makeLaunchedSurvey(database.db, tenantId)).survey.id;
  await database.close();
  const link = await api('POST', `/api/v1/tenants/${tenantId}/surveys/${surveyId}/feedback-links`, { attributes: { branch: 'online-shop' } });
  expect(link.status).toBe(201);
  slug = ((await link.json()) as { slug: string }).slug;

  hostSite = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(new URL(req.url ?? '/', 'http://x').searchParams));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => hostSite.listen(port, '127.0.0.1', resolve));
  // "localhost", not 127.0.0.1: another origin than the Voxpop server, as on a real shop's site.
  hostUrl = `http://localhost:${port}/`;
  await fs.mkdir('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => hostSite?.close(resolve));
  voxpop?.child.kill('SIGTERM');
  await voxpop?.exited;
  await fs.rm(env.dataDir, { recursive: true, force: true });
});

const responses = async () =>
  ((await (await api('GET', `/api/v1/tenants/${tenantId}/surveys/${surveyId}/responses?limit=100`)).json()) as { items: Array<Record<string, unknown>> }).items;

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (include) => {
    type Axe = { run: (context?: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
    const result = await (window as unknown as { axe: Axe }).axe.run(include ? { include: [[include]] } : undefined);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, include);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
}

/** Computed style of an element inside the widget's shadow root. */
const widgetStyle = (page: Page, selector: string, property: string) =>
  page.evaluate(
    ({ selector, property }) => {
      const el = document.querySelector('voxpop-widget')!.shadowRoot!.querySelector(selector)!;
      return getComputedStyle(el).getPropertyValue(property);
    },
    { selector, property },
  );

describe('the website widget on a foreign page', () => {
  it('opens on its trigger, keeps its own look, is answered by keyboard (3 + a reason) and records a widget response', async () => {
    const context = await loopbackOnlyContext(browser, { viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    try {
      await page.goto(`${hostUrl}?trigger=delay:300`);
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '3', exact: true }).waitFor();
      expect(await dialog.getAttribute('aria-modal')).toBe('false');

      // Isolation both ways: the page's red 40 px serif stays outside; the page keeps it.
      expect(await widgetStyle(page, 'button.close', 'font-size')).not.toBe('40px');
      expect(await widgetStyle(page, '.scale button', 'font-size')).toBe('15px');
      expect(await widgetStyle(page, '.q', 'color')).not.toBe(RED);
      expect(await widgetStyle(page, '.scale button', 'background-color')).toBe('rgb(255, 255, 255)');
      expect(await widgetStyle(page, '.q', 'font-family')).toMatch(/system-ui/);
      expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).color)).toBe(RED);
      expect(await page.locator('#feedback').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 0)');
      expect(await seriousViolations(page, 'voxpop-widget')).toEqual([]);
      await page.screenshot({ path: 'test-results/widget-desktop-question.png', animations: 'disabled' });

      // Keyboard: focus the score and press Enter; focus follows to the follow-up.
      await dialog.getByRole('button', { name: '3', exact: true }).focus();
      await page.keyboard.press('Enter');
      const reason = dialog.getByRole('textbox', { name: 'What should we improve first?' });
      await reason.waitFor();
      expect(await reason.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
      await page.keyboard.type('Delivery took two weeks');
      await page.screenshot({ path: 'test-results/widget-desktop-followup.png', animations: 'disabled' });
      await dialog.getByRole('button', { name: 'Send' }).click();
      await dialog.getByText('Thank you', { exact: true }).waitFor();
      await page.screenshot({ path: 'test-results/widget-desktop-thanks.png', animations: 'disabled' });
      await dialog.getByRole('button', { name: 'Close' }).first().click();
      await expect.poll(() => page.locator('voxpop-widget').count()).toBe(0);
    } catch (err) {
      await page.screenshot({ path: 'test-results/widget-failure.png', fullPage: true, animations: 'disabled' });
      throw err;
    }
    expect(pageErrors).toEqual([]);
    expect(context.outbound).toEqual([]);
    await context.close();

    const fromWidget = (await responses()).filter((r) => r.channel === 'widget');
    expect(fromWidget).toEqual([
      expect.objectContaining({ status: 'completed', answers: { nps: 3, low_score_reason: 'Delivery took two weeks' }, attributes: { branch: 'online-shop' } }),
    ]);
  });

  it('on a 360 px phone: a bottom sheet; Escape closes it for good; Voxpop.open() brings it back with focus inside', async () => {
    const context = await loopbackOnlyContext(browser, { viewport: { width: 360, height: 740 }, locale: 'en-US', hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${hostUrl}?trigger=immediate&position=bottom-left`);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '10, Extremely likely' }).waitFor();
    const box = (await page.locator('voxpop-widget').evaluate((host) => host.shadowRoot!.querySelector('.panel')!.getBoundingClientRect().toJSON())) as DOMRect;
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(360);
    expect(box.bottom).toBeLessThanOrEqual(740);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: 'test-results/widget-360.png', animations: 'disabled' });

    await dialog.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('voxpop-widget').count()).toBe(0);
    expect(await page.evaluate((key) => localStorage.getItem(key), `voxpop:${slug}:dismissed`)).toMatch(/^\d+$/);

    // The async script has run by the load event: an immediate trigger would have shown it by now.
    await page.reload({ waitUntil: 'load' });
    expect(await page.evaluate(() => typeof (window as unknown as { Voxpop?: unknown }).Voxpop)).toBe('object');
    expect(await page.locator('voxpop-widget').count()).toBe(0);

    await page.evaluate(() => (window as unknown as { Voxpop: { open: () => void } }).Voxpop.open());
    const first = dialog.getByRole('button', { name: '0, Not at all likely' });
    await first.waitFor();
    expect(await first.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.screenshot({ path: 'test-results/widget-360-manual.png', animations: 'disabled' });
    await context.close();
  });

  it('centred: a modal dialog over a backdrop', async () => {
    const context = await loopbackOnlyContext(browser, { viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${hostUrl}?trigger=scroll:10&position=center`);
    expect(await page.locator('voxpop-widget').count()).toBe(0);
    await page.mouse.wheel(0, 2000);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '7', exact: true }).waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await page.screenshot({ path: 'test-results/widget-center.png', animations: 'disabled' });
    await context.close();
  });
});

describe('the chat page', () => {
  it('asks one question at a time, answers as bubbles, follow-up after a low score, thank-you; a chat response', async () => {
    const invitation = await api('POST', `/api/v1/tenants/${tenantId}/surveys/${surveyId}/invitations`, { language: 'ru', attributes: { department: 'chat-test' } });
    const { token } = (await invitation.json()) as { token: string };
    // bypassCSP only lets axe in; the page's own script comes from /chat.js under the page's CSP.
    const context = await loopbackOnlyContext(browser, { viewport: { width: 360, height: 740 }, locale: 'ru-RU', bypassCSP: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const cspViolations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
    try {
      const res = await page.goto(`${voxpop.baseUrl}/c/${token}`);
      expect(res!.status()).toBe(200);
      const log = page.getByRole('log');
      await log.getByText(/Насколько вероятно/).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '3', exact: true }).click();
      await log.locator('.me', { hasText: '3' }).waitFor();
      await log.getByText('Что нам стоит улучшить в первую очередь?').waitFor();
      await page.getByRole('textbox').fill('Долго ждал ответа оператора');
      await page.screenshot({ path: 'test-results/chat-360-followup.png', fullPage: true, animations: 'disabled' });
      await page.getByRole('button', { name: 'Отправить' }).click();
      await log.getByText(/^Спасибо за ответ/).waitFor();
      expect(await log.locator('.me').allInnerTexts()).toEqual(['3', 'Долго ждал ответа оператора']);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: 'test-results/chat-360-thanks.png', fullPage: true, animations: 'disabled' });
    } catch (err) {
      await page.screenshot({ path: 'test-results/chat-failure.png', fullPage: true, animations: 'disabled' });
      throw err;
    }
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(context.outbound).toEqual([]);
    await context.close();

    const fromChat = (await responses()).filter((r) => r.channel === 'chat');
    expect(fromChat).toEqual([expect.objectContaining({ status: 'completed', answers: { nps: 3, low_score_reason: 'Долго ждал ответа оператора' }, attributes: { department: 'chat-test' } })]);
  });
});
