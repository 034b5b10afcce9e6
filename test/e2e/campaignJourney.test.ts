import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { TestSmsc } from '../channels/sms/testSmsc.ts';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.ts';
import { loopbackOnlyContext } from './browser.ts';
import { noonInMoscowOnAWeekdayOffset, startWebhookReceiver, verifySignature, type WebhookReceiver } from './journeyPeers.ts';
import { useStack } from './stack.ts';

/**
 * The "Done when", as a new user walks it in headless Chromium: an organisation,
 * an NPS survey from a template, five people from a CSV file, a campaign "email, then SMS a
 * day later" launched from its page; real SMTP and SMPP peers and a webhook receiver on
 * 127.0.0.1. One person answers from the email; a day (and a minute) later the other four
 * get an SMS and the one who answered does not; the CRM got a signed response.completed.
 */
const ADMIN = { email: 'anna@contact-center.test', password: 'a long enough password' };
const SMSC = { systemId: 'voxpop', password: 'secret' };
const DAY = 86_400_000;
const TENANT = { name: 'ООО «Ромашка»', slug: 'romashka' };
const SURVEY = 'NPS после обращения';
const CAMPAIGN = 'После обращения: email, затем SMS';

const PEOPLE = [
  { first: 'Иван', last: 'Петров', email: 'ivan@example.ru', phone: '+79161110001', language: 'ru' },
  { first: 'Мария', last: 'Сидорова', email: 'maria@example.ru', phone: '+79161110002', language: 'ru' },
  { first: 'Ольга', last: 'Смирнова', email: 'olga@example.ru', phone: '+79161110003', language: 'ru' },
  { first: 'Пётр', last: 'Иванов', email: 'petr@example.ru', phone: '+79161110004', language: 'ru' },
  { first: 'John', last: 'Smith', email: 'john@example.com', phone: '+79161110005', language: 'en' },
];
/** The one who answers from the email (and must get no SMS). */
const ANSWERER = PEOPLE[0]!;
const CONTACTS_CSV = ['Имя,Фамилия,Email,Телефон,Язык,Часовой пояс', ...PEOPLE.map((p) => `${p.first},${p.last},${p.email},${p.phone},${p.language},Europe/Moscow`), ''].join('\n');

const clockDir = await fs.mkdtemp(path.join(os.tmpdir(), 'voxpop-journey-clock-'));
const clockFile = path.join(clockDir, 'offset');
/** What the clock file says now: Voxpop's "now" is Date.now() + this. */
let offset = noonInMoscowOnAWeekdayOffset();
await fs.writeFile(clockFile, String(offset));
/** Offsets in force, by real time: a webhook may arrive before or after the clock moves. */
const offsetHistory: Array<{ from: number; offset: number }> = [{ from: 0, offset }];
const offsetAt = (realMs: number) => offsetHistory.filter((h) => h.from <= realMs).at(-1)!.offset;

async function moveClock(byMs: number) {
  offset += byMs;
  await fs.writeFile(clockFile, String(offset));
  offsetHistory.push({ from: Date.now(), offset });
}

// The peers must listen before the stack starts (their ports go into its environment): start them at import.
const smtp: SmtpPeer = await startSmtpPeer();
const smsc = await TestSmsc.start(SMSC);
const hooks: WebhookReceiver = await startWebhookReceiver();

// Registered before useStack, so it runs after the stack has stopped (hooks run last-in, first-out):
// the SMTP server would otherwise wait for Voxpop's pooled connections to close.
afterAll(async () => {
  await smtp.close();
  await smsc.close();
  await hooks.close();
  await fs.rm(clockDir, { recursive: true, force: true });
});

const stack = useStack({
  VOXPOP_ADMIN_EMAIL: ADMIN.email,
  VOXPOP_ADMIN_PASSWORD: ADMIN.password,
  VOXPOP_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  VOXPOP_SMTP_STARTTLS: 'off',
  VOXPOP_SMPP_URL: `smpp://${SMSC.systemId}:${SMSC.password}@127.0.0.1:${smsc.port}`,
  VOXPOP_CAMPAIGN_TICK_SECONDS: '0.5',
  VOXPOP_CLOCK_FILE: clockFile,
  VOXPOP_WEBHOOKS_ALLOW_PRIVATE: 'true',
});

describe('campaign journey in headless Chromium', () => {
  it('organisation → survey → contacts from CSV → email then SMS campaign → one answer stops that person’s SMS → signed webhook', async () => {
    const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const t0 = Date.now();
    const lap = (what: string) => console.log(`campaign journey: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    try {
      await signInInRussian(page);
      const tenantId = await createOrganisation(page);
      lap('organisation');
      await createAndLaunchSurvey(page);
      lap('survey launched');
      await importContacts(page);
      lap('contacts imported');
      const campaignId = await createCampaign(page);
      lap('campaign draft');
      const secret = await createWebhook(tenantId);

      // Launch from the campaign page, and remember this document: the monitor must move without a reload.
      await page.getByRole('group', { name: 'Состояние кампании и действия' }).getByRole('button', { name: 'Запустить', exact: true }).click();
      await page.locator('.status-line').getByText('Идёт').waitFor();
      await page.evaluate(() => ((window as unknown as { journeyMarker: number }).journeyMarker = 42));

      // ---- Five emails, each in its person's language.
      await smtp.waitFor(PEOPLE.length, 60_000);
      lap('emails received');
      expect(smtp.received).toHaveLength(PEOPLE.length);
      const mailTo = (email: string) => smtp.received.find((m) => m.parsed.to && [m.parsed.to].flat().some((a) => a.value.some((v) => v.address === email)));
      for (const person of PEOPLE) {
        const mail = mailTo(person.email);
        expect(mail, `no email to ${person.email}`).toBeTruthy();
        expect(mail!.parsed.subject).toMatch(person.language === 'ru' ? /оцените нашу работу/ : /how did we do\?/);
        expect(mail!.parsed.text).toContain(person.first);
      }
      const monitor = page.getByRole('region', { name: 'Мониторинг' });
      await expect.poll(() => monitor.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/^Отправлено 5 из \d+/);
      const emailFunnel = monitor.getByRole('region', { name: 'Воронка: Email' });
      await expect.poll(() => funnelValue(emailFunnel, 'Отправлено'), { timeout: 15_000 }).toBe(5);
      expect(await page.evaluate(() => (window as unknown as { journeyMarker?: number }).journeyMarker)).toBe(42);

      // ---- The first person answers from the email: the score link of the plain-text part.
      const text = mailTo(ANSWERER.email)!.parsed.text ?? '';
      const link = /(https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\?\S*score=9\S*)/.exec(text)?.[1];
      expect(link, text).toBeTruthy();
      await answer(link!.replace('//localhost:', '//127.0.0.1:'));
      lap('answered');
      await expect.poll(() => monitor.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/заполнено опросов: 1$/);

      // ---- A day and a minute later: SMS to the other four, none to the one who answered.
      expect(smsc.submits).toHaveLength(0);
      await moveClock(DAY + 60_000);
      const others = PEOPLE.filter((p) => p !== ANSWERER).map((p) => p.phone.replace(/^\+/, ''));
      await expect.poll(() => new Set(smsDestinations()).size, { timeout: 60_000 }).toBe(others.length);
      lap('sms received');
      // The answerer's SMS step is settled (cancelled), not merely late: wait for nothing left scheduled.
      await expect
        .poll(async () => {
          const stats = await apiGet<{ channels: Array<{ channel: string; scheduled: number; sent: number }>; reasons: Record<string, number> }>(
            tenantId,
            `/campaigns/${campaignId}/stats`,
          );
          const sms = stats.channels.find((c) => c.channel === 'sms');
          return { scheduled: sms?.scheduled, sent: sms?.sent, answered: stats.reasons.answered ?? 0 };
        }, { timeout: 30_000 })
        .toEqual({ scheduled: 0, sent: 4, answered: 1 });
      expect([...new Set(smsDestinations())].sort()).toEqual([...others].sort());
      expect(smsDestinations()).not.toContain(ANSWERER.phone.replace(/^\+/, ''));
      expect(duplicates(smsDestinations().filter((_, i) => partNumber(i) === 1))).toEqual([]);

      const smsFunnel = monitor.getByRole('region', { name: 'Воронка: SMS' });
      await smsFunnel.waitFor({ timeout: 30_000 });
      await expect.poll(() => funnelValue(smsFunnel, 'Отправлено'), { timeout: 15_000 }).toBe(4);
      await expect.poll(() => monitor.getByRole('status').innerText(), { timeout: 15_000 }).toMatch(/^Отправлено 9 из \d+ · заполнено опросов: 1$/);
      expect(await page.evaluate(() => (window as unknown as { journeyMarker?: number }).journeyMarker)).toBe(42);
      await monitor.screenshot({ path: 'test-results/campaign-journey-monitor.png', animations: 'disabled' });
      await page.screenshot({ path: 'test-results/campaign-journey-page.png', fullPage: true, animations: 'disabled' });

      // ---- The CRM got response.completed, signed with its secret, timestamped by Voxpop's clock.
      await expect.poll(() => hooks.received.filter((h) => h.headers['voxpop-event'] === 'response.completed').length, { timeout: 30_000 }).toBe(1);
      const hook = hooks.received.find((h) => h.headers['voxpop-event'] === 'response.completed')!;
      const body = JSON.parse(hook.raw) as { id: string; type: string; data: { answers: Record<string, unknown>; language: string; invitationId?: string; test: boolean } };
      expect(body).toMatchObject({ type: 'response.completed', data: { answers: { nps: 9 }, language: 'ru', test: false, channel: 'email' } });
      expect(body.data.invitationId).toBeTruthy();
      // Voxpop's "now" is the real time plus the clock file's offset: the receiver's clock, in this test, is the same.
      const voxpopNowAtArrival = hook.at + offsetAt(hook.at);
      expect(verifySignature(secret, hook.headers, hook.raw, voxpopNowAtArrival)).toBe(true);
      expect(verifySignature('not the secret', hook.headers, hook.raw, voxpopNowAtArrival)).toBe(false);
      expect(verifySignature(secret, hook.headers, `${hook.raw} `, voxpopNowAtArrival)).toBe(false);
      lap('webhook verified');
    } catch (err) {
      await page.screenshot({ path: 'test-results/campaign-journey-failure.png', fullPage: true }).catch(() => undefined);
      console.log(`voxpop output:\n${stack.voxpop.output().slice(-8000)}`);
      throw err;
    }
    expect(context.outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 150_000);
});

async function signInInRussian(page: Page) {
  await page.goto(`${stack.voxpop.baseUrl}/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The owner made from the environment may already speak Russian; if not, switch (saved to the account).
  await page.getByRole('navigation', { name: /^(Main|Основное меню)$/ }).waitFor();
  const ru = page.getByRole('group', { name: /^(Language|Язык)$/ }).locator('button[lang="ru"]');
  if ((await ru.getAttribute('aria-pressed')) !== 'true') await ru.click();
  await page.getByRole('navigation', { name: 'Основное меню' }).waitFor();
}

async function createOrganisation(page: Page): Promise<string> {
  const nav = page.getByRole('navigation', { name: 'Основное меню' });
  await nav.getByRole('link', { name: 'Организации' }).click();
  await page.getByRole('button', { name: 'Новая организация' }).click();
  await page.getByRole('textbox', { name: 'Имя', exact: true }).fill(TENANT.name);
  await page.getByRole('textbox', { name: 'Короткое имя', exact: true }).fill(TENANT.slug);
  await page.getByRole('combobox', { name: 'Язык', exact: true }).selectOption('ru');
  await page.getByRole('combobox', { name: 'Часовой пояс', exact: true }).selectOption('Europe/Moscow');
  await page.getByRole('textbox', { name: 'Регион телефонных номеров', exact: true }).fill('RU');
  await page.getByRole('button', { name: 'Создать', exact: true }).click();
  await page.getByRole('row', { name: /Ромашка/ }).waitFor();
  await page.getByTestId('tenant-switcher').getByRole('combobox').selectOption({ label: TENANT.name });
  const tenants = await page.evaluate(async () => (await fetch('/api/v1/tenants')).json());
  const tenant = (tenants.items as Array<{ id: string; slug: string; timezone: string; locale: string }>).find((t) => t.slug === TENANT.slug);
  expect(tenant).toMatchObject({ timezone: 'Europe/Moscow', locale: 'ru' });
  return tenant!.id;
}

async function createAndLaunchSurvey(page: Page) {
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Опросы' }).click();
  await page.getByRole('link', { name: 'Новый опрос' }).click();
  await page.locator('.template-card').getByText(SURVEY, { exact: true }).click();
  expect(await page.getByRole('textbox', { name: 'Название опроса', exact: true }).inputValue()).toBe(SURVEY);
  await page.getByRole('button', { name: 'Создать опрос' }).click();
  await page.getByRole('heading', { level: 1, name: SURVEY }).waitFor();
  await page.getByText('Проблем нет: опрос можно запускать.').waitFor();
  await page.getByRole('button', { name: 'Запустить', exact: true }).click();
  await page.getByText('Опрос запущен').first().waitFor();
  await page.locator('.page-header').getByText('Идёт').waitFor();
}

async function importContacts(page: Page) {
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Контакты' }).click();
  await page.getByRole('link', { name: 'Загрузить контакты' }).click();
  await page.getByLabel('Файл с контактами').setInputFiles({ name: 'клиенты.csv', mimeType: 'text/csv', buffer: Buffer.from(CONTACTS_CSV, 'utf8') });
  await page.getByRole('button', { name: 'Отправить' }).click();

  // The columns, guessed from the Russian headers.
  await page.getByRole('heading', { name: 'Сопоставьте столбцы' }).waitFor();
  for (const [column, target] of [
    ['Имя', 'firstName'],
    ['Фамилия', 'lastName'],
    ['Email', 'email'],
    ['Телефон', 'phone'],
    ['Язык', 'language'],
    ['Часовой пояс', 'timezone'],
  ]) {
    expect(await page.getByLabel(`Столбец «${column}» — это`).inputValue(), column).toBe(target);
  }
  await page.getByRole('button', { name: 'Проверить' }).click();
  const report = page.getByTestId('import-report');
  await report.getByText('Ошибок не найдено.').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: `Загрузить строк: ${PEOPLE.length}` }).click();
  const done = page.getByTestId('import-done');
  await done.waitFor({ timeout: 60_000 });
  expect(await done.locator('.count.good dd').innerText()).toBe(String(PEOPLE.length));
  await page.getByRole('link', { name: 'К контактам' }).click();
  await page.getByRole('link', { name: /Smith/ }).waitFor();
  expect(await page.locator('tbody tr').count()).toBe(PEOPLE.length);
}

async function createCampaign(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Кампании' }).click();
  await page.getByText('Кампаний пока нет.').waitFor();
  await page.getByRole('link', { name: 'Новая кампания' }).click();
  await page.getByRole('textbox', { name: 'Название', exact: true }).fill(CAMPAIGN);
  const survey = page.getByRole('combobox', { name: 'Опрос', exact: true });
  const option = survey.locator('option', { hasText: SURVEY });
  await survey.selectOption((await option.getAttribute('value'))!);
  expect(await page.getByRole('radio', { name: /Все контакты/ }).isChecked()).toBe(true);

  // Step 1: email right away (the default). Step 2: SMS a day later.
  const steps = page.locator('li.step-card');
  expect(await steps.count()).toBe(1);
  const first = steps.nth(0);
  await first.getByRole('heading', { name: 'Шаг 1: Email' }).waitFor();
  await page.getByRole('button', { name: 'Добавить шаг' }).click();
  const second = steps.nth(1);
  await second.getByRole('combobox', { name: 'Канал', exact: true }).selectOption('sms');
  await second.getByRole('heading', { name: 'Шаг 2: SMS' }).waitFor();
  await second.getByRole('spinbutton', { name: 'Задержка после предыдущего шага', exact: true }).fill('1');
  await second.getByRole('combobox', { name: 'Единица', exact: true }).selectOption('days');
  await page.screenshot({ path: 'test-results/campaign-journey-editor.png', fullPage: true });
  await page.getByRole('button', { name: 'Создать черновик' }).click();

  await page.getByRole('heading', { level: 1, name: CAMPAIGN }).waitFor();
  const campaignId = /\/campaigns\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  expect(campaignId).toBeTruthy();
  const plan = page.locator('.plan-summary li');
  await expect.poll(() => plan.allInnerTexts()).toEqual([expect.stringMatching(/^Email, сразу/), expect.stringMatching(/^SMS, через 1 дн\./)]);
  return campaignId!;
}

/** The respondent, in a browser of their own: the score link preselects 9; send, and the thank-you page. */
async function answer(link: string) {
  const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 360, height: 740 }, locale: 'ru-RU' });
  const page = await context.newPage();
  try {
    const res = await page.goto(link);
    expect(res!.status()).toBe(200);
    expect(await page.getByRole('radio', { name: '9', exact: true }).isChecked()).toBe(true);
    const thanks = page.getByRole('heading', { name: 'Спасибо' });
    const deadline = Date.now() + 30_000;
    while (!(await thanks.isVisible())) {
      if (Date.now() > deadline) throw new Error(`no thank-you page: ${await page.locator('body').innerText()}`);
      const next = page.getByRole('button', { name: /^(Далее|Отправить)$/ });
      // Each click posts the page; a check made while the next page loads may fail: look again.
      await next.click({ timeout: 5_000 }).catch(() => undefined);
      await thanks.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.screenshot({ path: 'test-results/campaign-journey-thank-you.png' });
    expect(context.outbound).toEqual([]);
  } finally {
    await context.close();
  }
}

let session: { cookie: string; csrfToken: string } | null = null;
async function apiSend<T>(method: string, url: string, body?: unknown): Promise<T> {
  if (!session) {
    const login = await fetch(`${stack.voxpop.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(login.status).toBe(200);
    session = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
  }
  const res = await fetch(`${stack.voxpop.baseUrl}/api/v1${url}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const apiGet = <T>(tenantId: string, url: string) => apiSend<T>('GET', `/tenants/${tenantId}${url}`);

/** A CRM's endpoint for finished answers, through the API (the admin's session and CSRF token); its secret comes once. */
async function createWebhook(tenantId: string): Promise<string> {
  const created = await apiSend<{ secret?: string }>('POST', `/tenants/${tenantId}/webhooks`, { url: hooks.url, events: ['response.completed'] });
  expect(created.secret).toBeTruthy();
  return created.secret!;
}

/** The value shown against a stage in a channel's funnel ("5 · 100%" → 5). */
async function funnelValue(funnel: ReturnType<Page['locator']>, stage: string): Promise<number | null> {
  const row = funnel.locator('.funnel-row').filter({ has: funnel.page().locator('.funnel-label', { hasText: new RegExp(`^${stage}$`) }) });
  if ((await row.count()) === 0) return null;
  const text = await row.locator('.funnel-value').innerText();
  return Number(/^[\d\s\u00a0\u202f]+/.exec(text)?.[0]?.replace(/\D/g, '') ?? NaN);
}

function smsDestinations(): string[] {
  return smsc.submits.map((pdu) => String(pdu.destination_addr));
}
function partNumber(i: number): number {
  const udh = (smsc.submits[i]!.short_message as { udh?: Buffer[] }).udh?.[0];
  return udh ? udh[4]! : 1;
}
function duplicates(values: string[]): string[] {
  const seen = new Map<string, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([v]) => v);
}
