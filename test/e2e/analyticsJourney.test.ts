import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAnswers, serviceLabel, type GeneratedAnswers } from '../../bench/lib/answerGenerator.ts';
import { analyseComments } from '../../src/app/analytics/analyseComments.ts';
import { refreshRollups } from '../../src/app/analytics/refreshRollups.ts';
import { openRuntime, type Runtime } from '../../src/bin/runtime.ts';
import { loadConfig } from '../../src/config/index.ts';
import { npsFromHistogram } from '../../src/domain/metrics/index.ts';
import { createLogger } from '../../src/http/logger.ts';
import { loopbackOnlyContext } from './browser.ts';
import { useStack } from './stack.ts';

/**
 * Issue 6's "Done when", walked as a new CX manager would in headless Chromium, on the
 * benchmark generator's data (the same code as bench/, at 40,000 answers instead of 10
 * million): sign in, open the dashboard, filter to one service and one quarter, read NPS
 * with its interval and whether the change is significant, open the employee ranking, find
 * the Russian comments about waiting, export them to XLSX — and the file holds the same
 * comments and numbers. The headline is also checked against the metrics engine on the
 * raw answers, so rollups, API and screen all agree with the source.
 */
const ADMIN = { email: 'cx-manager@contact-center.test', password: 'a long enough password' };
const QUARTER = { key: '2026-Q3', label: '3 кв. 2026', from: '2026-07-01', to: '2026-09-30' };
const SERVICE = serviceLabel(3);

const stack = useStack({ VOXPOP_ADMIN_EMAIL: ADMIN.email, VOXPOP_ADMIN_PASSWORD: ADMIN.password });
let runtime: Runtime;
let data: GeneratedAnswers;

beforeAll(async () => {
  // A second connection to the running Voxpop's own embedded database, as the benchmark uses its own.
  const password = (await fs.readFile(path.join(stack.env.dataDir, 'postgres.password'), 'utf8')).trim();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    VOXPOP_DATA_DIR: stack.env.dataDir,
    DATABASE_URL: `postgres://voxpop:${encodeURIComponent(password)}@127.0.0.1:${stack.env.pgPort}/postgres`,
  });
  runtime = await openRuntime(config, createLogger('warn'), { migrate: false });
  data = await generateAnswers(runtime.ctx, { answers: 40_000, seed: 11 });
  // What the worker's every-minute jobs do, run now so the test need not wait for the cron.
  await refreshRollups(runtime.ctx, { tenantId: data.tenantId });
  await analyseComments(runtime.ctx, { tenantId: data.tenantId });
}, 180_000);

afterAll(async () => {
  await runtime?.close();
});

/** Score counts 0–10 of the raw answers: one service, one quarter in the tenant's zone, completed, not test. */
async function rawCounts(from: string, to: string, service: string): Promise<number[]> {
  const { rows } = await runtime.ctx.db.execute<{ score: number; n: string }>(sql`
    select a.score, count(*) as n
      from responses r join answers a on a.response_id = r.id and a.metric_key = 'nps'
      join tenants t on t.id = r.tenant_id
     where r.tenant_id = ${data.tenantId} and r.status = 'completed' and not r.test
       and r.attributes ->> 'service_type' = ${service}
       and r.completed_at >= (${from}::date::timestamp at time zone t.timezone)
       and r.completed_at < ((${to}::date + 1)::timestamp at time zone t.timezone)
     group by a.score`);
  const counts = Array.from({ length: 11 }, () => 0);
  for (const row of rows) counts[row.score] = Number(row.n);
  return counts;
}

/** The number a figure shows ("NPS: −11" → −11; ru decimals use a comma, negatives U+2212). */
const parseShownNumber = (text: string) => Number(/[-−+]?\d+(?:[.,]\d+)?\s*$/.exec(text.trim())?.[0].replace('−', '-').replace(',', '.').replace(/\s/g, '') ?? NaN);

async function signIn(page: Page) {
  await page.goto(`${stack.voxpop.baseUrl}/login`);
  await page.getByLabel(/^(Email|Эл\. почта)$/).fill(ADMIN.email);
  await page.getByLabel(/^(Password|Пароль)$/).fill(ADMIN.password);
  await page.getByRole('button', { name: /^(Sign in|Войти)$/ }).click();
  await page.getByRole('navigation', { name: 'Основное меню' }).waitFor();
}

describe('analytics journey in headless Chromium', () => {
  it('one service, one quarter: NPS with interval and significance, employee ranking, Russian wait-time comments exported to XLSX with the same numbers', async () => {
    const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    try {
      await signIn(page);
      // The generated organisation, chosen as a user would: the switcher, then the section.
      await page.goto(`${stack.voxpop.baseUrl}/t/${data.tenantId}/surveys`);
      await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Аналитика' }).click();
      await page.getByRole('heading', { name: 'Аналитика', level: 1 }).waitFor();

      // ---- One quarter, one service.
      await page.getByRole('combobox', { name: 'Период' }).selectOption('quarter');
      await page.getByRole('combobox', { name: 'Квартал' }).selectOption(QUARTER.key);
      await page.getByRole('combobox', { name: 'Отбор по' }).selectOption('service_type');
      const valueSelect = page.getByRole('combobox', { name: 'Значение' });
      await expect.poll(() => valueSelect.locator('option').allInnerTexts(), { timeout: 15_000 }).toContain(SERVICE);
      const headlineResponse = page.waitForResponse((r) => r.url().includes('/analytics/headline') && r.url().includes('value=') && r.url().includes(QUARTER.from));
      await valueSelect.selectOption(SERVICE);
      const api = (await (await headlineResponse).json()) as {
        current: { n: number; nps: number; interval: { lower: number; upper: number } };
        change: { significant: boolean; difference: number };
      };

      // Raw answers → metrics engine; the API (from rollups) must agree exactly.
      const raw = npsFromHistogram(await rawCounts(QUARTER.from, QUARTER.to, SERVICE));
      expect(api.current.n).toBe(raw.n);
      expect(api.current.nps).toBeCloseTo(raw.estimate!, 10);
      expect(api.current.interval.lower).toBeCloseTo(raw.interval!.lower, 10);
      expect(api.current.interval.upper).toBeCloseTo(raw.interval!.upper, 10);
      expect(raw.n).toBeGreaterThan(50);

      // What the screen says: the same NPS, its interval, n and the verdict on the change.
      const headline = page.getByRole('region', { name: 'NPS' }).or(page.locator('.analytics-headline'));
      await expect.poll(() => page.getByTestId('headline-nps').innerText(), { timeout: 15_000 }).toMatch(/\d/);
      expect(parseShownNumber(await page.getByTestId('headline-nps').innerText())).toBeCloseTo(raw.estimate!, 0);
      const headlineText = await headline.first().innerText();
      expect(headlineText).toContain('±');
      expect(headlineText.replace(/\s/g, '')).toContain(String(raw.n));
      await headline.first().getByText(api.change.significant ? /^значимо$/ : /^не значимо$/).first().waitFor();
      await page.screenshot({ path: 'test-results/analytics-journey-overview.png', fullPage: true });

      // ---- The employee ranking, its method named on screen.
      await page.getByRole('tab', { name: 'Сотрудники' }).click();
      await page.getByText('Эмпирический Байес.').waitFor();
      const ranking = page.getByRole('region', { name: 'Рейтинг сотрудников' });
      await ranking.locator('tbody tr').first().waitFor();
      expect(await ranking.locator('tbody tr').count()).toBeGreaterThan(100);
      await page.screenshot({ path: 'test-results/analytics-journey-employees.png' });

      // ---- Comments about waiting, in Russian.
      await page.getByRole('tab', { name: 'Комментарии' }).click();
      await page.getByRole('region', { name: 'Темы и NPS' }).locator('tbody tr').first().waitFor();
      const commentsResponse = page.waitForResponse((r) => r.url().includes('/analytics/comments?') && r.url().includes('topic=wait_time'));
      await page.getByRole('combobox', { name: 'Тема' }).selectOption('wait_time');
      const firstPage = (await (await commentsResponse).json()) as { items: Array<{ text: string; language: string; npsScore: number | null; topics: string[] }>; nextCursor: string | null };
      expect(firstPage.items.length).toBeGreaterThan(0);
      expect(firstPage.items.every((c) => c.topics.includes('wait_time'))).toBe(true);
      const russian = firstPage.items.filter((c) => c.language === 'ru');
      expect(russian.length).toBeGreaterThan(0);
      await page.getByText(russian[0]!.text).first().waitFor();
      await page.screenshot({ path: 'test-results/analytics-journey-comments.png' });

      // Every comment the filters select, from the API, to compare with the file.
      const everyComment = await page.evaluate(async (url) => {
        const all: Array<{ text: string; score: number | null }> = [];
        let cursor: string | null = null;
        do {
          const res: Response = await fetch(`${url}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          const body = (await res.json()) as { items: Array<{ text: string; npsScore: number | null }>; nextCursor: string | null };
          all.push(...body.items.map((c) => ({ text: c.text, score: c.npsScore })));
          cursor = body.nextCursor;
        } while (cursor);
        return all;
      }, `/api/v1/tenants/${data.tenantId}/analytics/comments?from=${QUARTER.from}&to=${QUARTER.to}&dimension=service_type&value=${encodeURIComponent(SERVICE)}&topic=wait_time&limit=200`);

      // ---- Export to XLSX, as the user clicks it; the file opens with the same comments and scores.
      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: 'XLSX' }).last().click();
      const download = await downloading;
      const file = path.join('test-results', 'analytics-journey-comments.xlsx');
      await download.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0]!;
      const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      const textColumn = header.findIndex((h) => /^(Комментарий|Текст|Comment|Text)$/i.test(h));
      const scoreColumn = header.findIndex((h) => /^(Оценка|Score|NPS)$/i.test(h));
      expect(textColumn, header.join(' | ')).toBeGreaterThan(0);
      expect(scoreColumn, header.join(' | ')).toBeGreaterThan(0);
      const rows: Array<{ text: string; score: number | null }> = [];
      sheet.eachRow((row, number) => {
        if (number === 1) return;
        const score = row.getCell(scoreColumn).value;
        rows.push({ text: String(row.getCell(textColumn).value ?? ''), score: score === null || score === '' ? null : Number(score) });
      });
      expect(rows.length).toBe(everyComment.length);
      const key = (c: { text: string; score: number | null }) => `${c.score}|${c.text}`;
      expect(rows.map(key).sort()).toEqual(everyComment.map(key).sort());
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await page.screenshot({ path: 'test-results/analytics-journey-failure.png', fullPage: true }).catch(() => undefined);
      throw err;
    } finally {
      await context.close();
    }
  });
});
