import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { analyticsRollupJob } from '../../src/jobs/definitions/analytics.ts';
import { commentsAnalyseJob } from '../../src/jobs/definitions/comments.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { openDatabase } from '../../src/store/db.ts';
import { answers, responses } from '../../src/store/schema/index.ts';
import { makeLaunchedSurvey } from '../factories/responses.ts';
import { loopbackOnlyContext } from './browser.ts';
import { useStack } from './stack.ts';
import { seededRandom as prng } from '../../bench/lib/contactsCsv.ts';

/**
 * The analytics dashboard (issue 6) in headless Chromium: a few hundred answers with
 * service type, department, employee and comments are written to the database, the rollup
 * and comment jobs run in the real worker, and the dashboard shows the headline the API
 * gives, the employee ranking and the comments — also at 360 px without sideways scrolling.
 */
const ADMIN = { email: 'analyst@contact-center.test', password: 'a long enough password' };
const TIMEZONE = 'Europe/Moscow';
const DAY_MS = 86_400_000;
const COUNT = 320;
// Playwright's CSP bypass only lets the axe script in; the app itself ships none inline.
const axeSource = await fs.readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run();
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

const stack = useStack({ VOXPOP_ADMIN_EMAIL: ADMIN.email, VOXPOP_ADMIN_PASSWORD: ADMIN.password });

const COMMENTS: Array<{ text: string; score: number }> = [
  { text: 'Очень долго ждал ответа оператора, сорок минут на линии', score: 3 },
  { text: 'Оператор был груб и бросил трубку', score: 1 },
  { text: 'Вежливый и компетентный специалист, всё решили сразу', score: 10 },
  { text: 'Быстро ответили, спасибо за помощь', score: 9 },
  { text: 'Ужасно, хамство и некомпетентность, больше не обращусь', score: 10 },
  { text: 'I waited forever on hold, nobody answered', score: 2 },
  { text: 'Friendly agent, solved my problem right away', score: 10 },
  { text: 'Нормально, но цены высокие', score: 7 },
];

const localDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** Today and the default period of the dashboard (last 12 months) where the organisation is. */
function defaultPeriod(now = new Date()) {
  const today = localDate(now);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 1 - 11, 1)).toISOString().slice(0, 10);
  return { from, to: today };
}

interface Api {
  get: <T>(url: string) => Promise<T>;
  post: <T>(url: string, body: unknown) => Promise<T>;
}

async function apiAs(baseUrl: string): Promise<Api> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async <T>(method: string, url: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/v1${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return { get: (url) => call('GET', url), post: (url, body) => call('POST', url, body) };
}

/** A launched NPS survey and COUNT completed answers over the last 420 days (so the previous period has some too); every fourth has a comment. */
async function seed(tenantId: string): Promise<Date[]> {
  const password = (await fs.readFile(path.join(stack.env.dataDir, 'postgres.password'), 'utf8')).trim();
  const database = openDatabase(`postgres://voxpop:${encodeURIComponent(password)}@127.0.0.1:${stack.env.pgPort}/postgres`, { poolMax: 1 });
  try {
    const { survey, version } = await makeLaunchedSurvey(database.db, tenantId, { name: 'NPS после звонка' });
    const rnd = prng(6);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const now = Date.now();
    const completed: Date[] = [];
    // One transaction, updated now: the jobs' watermarks see every row at once.
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < COUNT; i++) {
        const employee = `op-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`;
        const department = Number(employee.slice(3)) <= 6 ? 'Первая линия' : 'Вторая линия';
        const comment = i % 4 === 0 ? pick(COMMENTS) : null;
        // Employees differ a little; the second line does better.
        const base = department === 'Вторая линия' ? 7.8 : 6.8;
        const score = comment ? comment.score : Math.max(0, Math.min(10, Math.round(base + (rnd() - 0.45) * 7)));
        const completedAt = new Date(now - Math.floor(rnd() * 420 * DAY_MS) - 3_600_000);
        completed.push(completedAt);
        const [row] = await tx
          .insert(responses)
          .values({
            tenantId, surveyId: survey.id, surveyVersionId: version.id, anonymous: false, channel: pick(['web', 'email', 'sms']), language: 'ru',
            status: 'completed', test: false, attributes: { service_type: pick(['Биллинг', 'Техподдержка', 'Продажи', 'Возвраты']), department, employee },
            startedAt: new Date(completedAt.getTime() - 60_000), updatedAt: new Date(now), completedAt,
          })
          .returning({ id: responses.id });
        await tx.insert(answers).values({ tenantId, responseId: row!.id, questionId: 'nps', questionType: 'nps', metricKey: 'nps', score });
        if (comment) await tx.insert(answers).values({ tenantId, responseId: row!.id, questionId: 'comment', questionType: 'open_text', metricKey: null, text: comment.text });
      }
    });
    // The worker of the running process picks these up (as its minutely cron would).
    await enqueue(database.db, analyticsRollupJob, { tenantId });
    await enqueue(database.db, commentsAnalyseJob, { tenantId });
    return completed;
  } finally {
    await database.close();
  }
}

async function signIn(page: Page) {
  await page.goto(`${stack.voxpop.baseUrl}/login`);
  await page.getByLabel(/^(Email|Эл\. почта)$/).fill(ADMIN.email);
  await page.getByLabel(/^(Password|Пароль)$/).fill(ADMIN.password);
  await page.getByRole('button', { name: /^(Sign in|Войти)$/ }).click();
  await page.getByRole('navigation', { name: /^(Main|Основное меню)$/ }).waitFor();
  const ru = page.getByRole('group', { name: /^(Language|Язык)$/ }).locator('button[lang="ru"]');
  if ((await ru.getAttribute('aria-pressed')) !== 'true') await ru.click();
  await page.getByRole('navigation', { name: 'Основное меню' }).waitFor();
}

/** "−12,3" or "45" as the page writes it, back to a number. */
const parseShown = (text: string) => Number(text.replace(/^NPS:\s*/, '').replace(/\s/g, '').replace(',', '.').replace('−', '-'));

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

interface Headline {
  current: { n: number; nps: number | null; period: { from: string; to: string } };
}

describe('analytics dashboard in headless Chromium', () => {
  it('shows the API’s headline NPS, the employee ranking and comments; fits 360 px', async () => {
    const api = await apiAs(stack.voxpop.baseUrl);
    const tenant = await api.post<{ id: string }>('/tenants', { name: 'Контакт-центр «Север»', slug: 'sever', timezone: TIMEZONE });
    const completed = await seed(tenant.id);
    const period = defaultPeriod();
    const inPeriod = completed.filter((at) => localDate(at) >= period.from && localDate(at) <= period.to).length;
    const headlineUrl = `/tenants/${tenant.id}/analytics/headline?from=${period.from}&to=${period.to}`;
    await expect.poll(async () => (await api.get<Headline>(headlineUrl)).current.n, { timeout: 90_000, interval: 1_000 }).toBe(inPeriod);
    await expect.poll(async () => (await api.get<{ items: unknown[] }>(`/tenants/${tenant.id}/analytics/comments?from=${period.from}&to=${period.to}`)).items.length, { timeout: 90_000, interval: 1_000 }).toBeGreaterThan(0);
    const headline = await api.get<Headline>(headlineUrl);
    expect(headline.current.nps).not.toBeNull();

    const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'ru-RU', bypassCSP: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    try {
      await signIn(page);
      // The section is in the nav, right after the surveys.
      const nav = page.getByRole('navigation', { name: 'Основное меню' });
      const labels = await nav.getByRole('link').allInnerTexts();
      expect(labels.indexOf('Аналитика')).toBe(labels.indexOf('Опросы') + 1);
      const headlineRequest = page.waitForRequest((r) => r.url().includes('/analytics/headline'));
      await nav.getByRole('link', { name: 'Аналитика' }).click();
      await page.getByRole('heading', { name: 'Аналитика', level: 1 }).waitFor();
      const requested = new URL((await headlineRequest).url());
      expect({ from: requested.searchParams.get('from'), to: requested.searchParams.get('to') }).toEqual(period);

      // ---- Overview: the headline is the API's, rounded to one decimal as shown.
      const shown = page.getByTestId('headline-nps');
      await shown.waitFor();
      expect(parseShown(await shown.innerText())).toBeCloseTo(Math.round(headline.current.nps! * 10) / 10, 5);
      await expect.poll(() => page.locator('.echart canvas').count()).toBeGreaterThanOrEqual(3);
      // Screen readers get the figures in words (ECharts' aria module, our description).
      expect(await page.locator('.echart').first().getAttribute('aria-label')).toMatch(/^NPS, шаг — Месяц\. .*n = \d+/);
      await page.getByText(/^(не )?значимо$/).first().waitFor();
      await page.waitForTimeout(300); // let the charts paint before the picture
      await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true, animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);

      // ---- Breakdowns: a table of service types, every group ranked or marked.
      await page.getByRole('tab', { name: 'Разрезы' }).click();
      expect(new URL(page.url()).searchParams.get('tab')).toBe('breakdowns');
      const breakdownTable = page.getByRole('region', { name: 'NPS по измерению «Тип услуги»' });
      await expect.poll(() => breakdownTable.locator('tbody tr').count(), { timeout: 15_000 }).toBe(4);
      await page.waitForTimeout(300);
      await page.screenshot({ path: '/tmp/dashboard-breakdowns.png', fullPage: true, animations: 'disabled' });
      // By employee: fewer than 30 answers each, so greyed, marked and not ranked.
      await page.getByRole('combobox', { name: 'Группировать по' }).selectOption('employee');
      const byEmployee = page.getByRole('region', { name: 'NPS по измерению «Сотрудник»' });
      await expect.poll(() => byEmployee.locator('tbody tr').count(), { timeout: 15_000 }).toBe(12);
      const smallRows = byEmployee.locator('tbody tr.row-small');
      const smallCount = await smallRows.count();
      expect(smallCount).toBeGreaterThan(0);
      for (let i = 0; i < smallCount; i++) {
        await expect.poll(() => smallRows.nth(i).locator('td').first().innerText()).toBe('—');
        expect(await smallRows.nth(i).innerText()).toContain('мало ответов для места в рейтинге');
      }
      await page.waitForTimeout(300);
      await page.screenshot({ path: '/tmp/dashboard-breakdowns-employee.png', fullPage: true, animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);

      // ---- Employees: the method is named and explained; twelve people; payroll exports link with the same period.
      await page.getByRole('tab', { name: 'Сотрудники' }).click();
      await page.getByText('Эмпирический Байес.').waitFor();
      const employees = page.getByRole('region', { name: 'Рейтинг сотрудников' });
      await expect.poll(() => employees.locator('tbody tr').count(), { timeout: 15_000 }).toBe(12);
      const csv = await page.getByRole('group', { name: 'Выгрузка для расчёта премий' }).getByRole('link', { name: 'CSV' }).getAttribute('href');
      expect(csv).toContain(`/api/v1/tenants/${tenant.id}/analytics/employees.csv?from=${period.from}&to=${period.to}`);
      await page.getByRole('combobox', { name: 'Способ ранжирования' }).selectOption('lower_bound');
      await page.getByText('Нижняя граница интервала.').waitFor();
      await page.screenshot({ path: '/tmp/dashboard-employees.png', fullPage: true, animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);

      // ---- Comments: topic table, comment cards with topic chips, a badge where text and score disagree.
      await page.getByRole('tab', { name: 'Комментарии' }).click();
      const list = page.locator('.comment-list > li');
      await expect.poll(() => list.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.getByRole('region', { name: 'Темы и NPS' }).locator('tbody tr').first().waitFor();
      const apiComments = await api.get<{ items: Array<{ sentiment: { disagreement: boolean } }> }>(`/tenants/${tenant.id}/analytics/comments?from=${period.from}&to=${period.to}&limit=50`);
      const disagreeing = apiComments.items.filter((c) => c.sentiment.disagreement).length;
      expect(disagreeing).toBeGreaterThan(0); // «Ужасно, хамство…» with a 10
      expect(await page.getByText('Текст не совпадает с оценкой').count()).toBe(disagreeing);
      await page.getByText('Текст не совпадает с оценкой').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/dashboard-comments-disagreement.png', animations: 'disabled' });
      await page.getByRole('searchbox', { name: 'Поиск по комментариям' }).fill('оператор');
      await page.getByRole('button', { name: 'Найти' }).click();
      await expect.poll(async () => (await list.allInnerTexts()).every((t) => /оператор/i.test(t))).toBe(true);
      await page.screenshot({ path: '/tmp/dashboard-comments.png', fullPage: true, animations: 'disabled' });
      expect(await seriousViolations(page)).toEqual([]);

      // ---- The filter bar: a dimension value narrows every panel and lands in the URL (bookmarkable).
      await page.getByRole('tab', { name: 'Обзор' }).click();
      await page.getByRole('combobox', { name: 'Отбор по' }).selectOption('department');
      const valueSelect = page.getByRole('combobox', { name: 'Значение' });
      await expect.poll(() => valueSelect.locator('option').allInnerTexts()).toContain('Вторая линия');
      const filtered = page.waitForResponse((r) => r.url().includes('/analytics/headline') && r.url().includes('value='));
      await valueSelect.selectOption('Вторая линия');
      const filteredHeadline = (await (await filtered).json()) as Headline;
      expect(new URL(page.url()).searchParams.get('dimension')).toBe('department');
      expect(new URL(page.url()).searchParams.get('value')).toBe('Вторая линия');
      await expect.poll(async () => parseShown(await shown.innerText())).toBeCloseTo(Math.round(filteredHeadline.current.nps! * 10) / 10, 5);
      // A bookmarked quarter.
      const quarterRequest = page.waitForRequest((r) => r.url().includes('/analytics/headline'));
      await page.goto(`${stack.voxpop.baseUrl}/t/${tenant.id}/analytics?period=quarter&quarter=2026-Q1`);
      const quarterUrl = new URL((await quarterRequest).url());
      expect([quarterUrl.searchParams.get('from'), quarterUrl.searchParams.get('to')]).toEqual(['2026-01-01', '2026-03-31']);
      expect(await page.getByRole('combobox', { name: 'Квартал' }).inputValue()).toBe('2026-Q1');
      expect(await page.getByRole('combobox', { name: 'Квартал' }).locator('option:checked').innerText()).toBe('1 кв. 2026');
      // A bookmarked custom period with no answers: each panel says so.
      await page.goto(`${stack.voxpop.baseUrl}/t/${tenant.id}/analytics?period=custom&from=2020-01-01&to=2020-01-31`);
      await expect.poll(() => page.getByText('За этот период ответов нет.').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      expect(await page.getByLabel('С', { exact: true }).inputValue()).toBe('2020-01-01');

      // ---- 360 px: no sideways scroll on any tab; tables scroll inside their own box.
      await page.setViewportSize({ width: 360, height: 740 });
      for (const tab of ['comments', 'employees', 'breakdowns', 'overview']) {
        await page.goto(`${stack.voxpop.baseUrl}/t/${tenant.id}/analytics${tab === 'overview' ? '' : `?tab=${tab}`}`);
        await page.getByRole('tabpanel').locator('.card').first().waitFor();
        await expect.poll(() => page.locator('[aria-busy="true"], [role="status"]:has-text("Загрузка")').count(), { timeout: 15_000 }).toBe(0);
        await page.waitForTimeout(400);
        expect(await noSideScroll(page), `sideways scroll on ${tab}`).toBeLessThanOrEqual(360);
        if (tab !== 'overview') await page.screenshot({ path: `/tmp/dashboard-360-${tab}.png`, fullPage: true, animations: 'disabled' });
      }
      await shown.waitFor();
      expect(parseShown(await shown.innerText())).toBeCloseTo(Math.round(headline.current.nps! * 10) / 10, 5);
      await page.screenshot({ path: '/tmp/dashboard-360.png', fullPage: true, animations: 'disabled' });

      // ---- The same in English.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('group', { name: 'Язык' }).locator('button[lang="en"]').click();
      await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
      await page.getByText(/^(not )?significant$/).first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: '/tmp/dashboard-en.png', fullPage: true, animations: 'disabled' });
    } catch (err) {
      await page.screenshot({ path: 'test-results/analytics-dashboard-failure.png', fullPage: true }).catch(() => undefined);
      console.log(`voxpop output:\n${stack.voxpop.output().slice(-6000)}`);
      throw err;
    }
    expect(context.outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 240_000);
});
