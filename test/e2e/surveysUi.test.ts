import fs from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loopbackOnlyContext } from './browser.ts';
import { useStack } from './stack.ts';

const stack = useStack();

const ADMIN = { email: 'admin@contact-center.test', name: 'Admin', password: 'an admin password, long' };
const MANAGER = { email: 'olga@contact-center.test', name: 'Ольга Смирнова', password: 'a project manager password' };
const ANALYST = { email: 'ivan@client.test', name: 'Иван Аналитиков', password: 'an analyst password, long' };
const TENANT = 'ООО «Ромашка»';

/**
 * Five people, two of them with a problem: line 4 has a phone too short to be a number,
 * line 5 an email without a domain. The header is line 1.
 */
const CONTACTS_CSV = [
  'external_id,phone,email,first_name,last_name,service',
  'C-001,+7 999 123-45-67,ivan@example.ru,Иван,Петров,Ипотека',
  'C-002,8 (912) 345-67-89,maria@example.ru,Мария,Сидорова,Вклад',
  'C-003,8 (999) 12-34,olga@example.ru,Ольга,Смирнова,Вклад',
  'C-004,+7 916 000-11-22,not-an-email,Пётр,Иванов,Карта',
  'C-005,+7 903 555-44-33,anna@example.ru,Анна,Кузнецова,Карта',
  '',
].join('\n');

describe('surveys and contacts UI in headless Chromium', () => {
  it('a project manager creates an NPS survey from a template, checks the Russian follow-up, launches it, and imports contacts with bad rows', async () => {
    const tenantId = await prepareInstallation();
    const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    try {
      await signInAndPickTenant(page);
      const surveyId = await createSurveyFromTemplate(page);
      await checkFollowUpInRussian(page);
      await launch(page, tenantId, surveyId);
      const slug = await shareLinks(page, context);
      await importContacts(page, tenantId);
      await answerAsInvitedCustomer(page, tenantId, surveyId);
      await analystSeesReadOnly(surveyId, tenantId, slug);
    } catch (err) {
      await page.screenshot({ path: 'test-results/surveys-ui-failure.png', fullPage: true });
      throw err;
    }
    expect(context.outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

/** The installation as an admin leaves it: two organisations and a project manager in both. */
async function prepareInstallation(): Promise<string> {
  const setupUrl = /(http:\/\/\S+\/setup\?token=\S+)/.exec(stack.voxpop.output())?.[1];
  expect(setupUrl, stack.voxpop.output()).toBeTruthy();
  const token = new URL(setupUrl!).searchParams.get('token')!;
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.voxpop.baseUrl}/login`);
  const tenantId = await page.evaluate(
    async ({ token, admin, manager, analyst, tenant }) => {
      const send = async (path: string, body: unknown, csrf?: string) => {
        const response = await fetch(`/api/v1${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      const { csrfToken } = await send('/setup', { token, ...admin });
      const first = await send('/tenants', { name: tenant, slug: 'romashka', locale: 'ru', timezone: 'Europe/Moscow', defaultRegion: 'RU' }, csrfToken);
      const second = await send('/tenants', { name: 'Beta LLC', slug: 'beta', locale: 'en', timezone: 'Europe/London', defaultRegion: 'GB' }, csrfToken);
      await send(
        '/users',
        {
          ...manager,
          locale: 'en',
          memberships: [
            { tenantId: second.id, role: 'project_manager' },
            { tenantId: first.id, role: 'project_manager' },
          ],
        },
        csrfToken,
      );
      await send('/users', { ...analyst, locale: 'en', memberships: [{ tenantId: first.id, role: 'analyst' }] }, csrfToken);
      return first.id as string;
    },
    { token, admin: ADMIN, manager: MANAGER, analyst: ANALYST, tenant: TENANT },
  );
  await context.close();
  return tenantId;
}

async function signInAndPickTenant(page: Page) {
  await page.goto(`${stack.voxpop.baseUrl}/login`);
  await page.getByLabel('Email').fill(MANAGER.email);
  await page.getByLabel('Password').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  await page.getByTestId('tenant-switcher').getByRole('combobox').selectOption({ label: TENANT });
  await nav.getByRole('link', { name: 'Surveys' }).click();
  await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
  await page.getByText('No surveys yet').waitFor();
}

async function createSurveyFromTemplate(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'New survey' }).click();
  // Seven templates and a blank survey, each named and described.
  await expect.poll(() => page.locator('.template-card').count()).toBe(8);
  await page.getByText('Transactional NPS', { exact: true }).click();
  const name = page.getByLabel('Survey name');
  expect(await name.inputValue()).toBe('Transactional NPS');
  await name.fill('NPS after a support call');
  await page.screenshot({ path: 'test-results/surveys-templates-desktop.png', fullPage: true });
  await page.getByRole('button', { name: 'Create survey' }).click();
  await page.getByRole('heading', { level: 1, name: 'NPS after a support call' }).waitFor();
  const surveyId = /\/surveys\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
  expect(surveyId).toBeTruthy();
  await page.getByText('No problems: the survey can be launched.').waitFor();
  return surveyId!;
}

async function checkFollowUpInRussian(page: Page) {
  await page.getByRole('group', { name: 'Language', exact: true }).locator('button[lang="ru"]').click();
  await page.getByRole('heading', { name: 'Пути по опросу' }).waitFor();

  // The follow-up question, in Russian and English side by side, asked only after a low score.
  const followUp = page.locator('[data-question-id="low_score_reason"]');
  expect(await followUp.getByLabel('Текст вопроса (RU)').inputValue()).toMatch(/Что нам стоит улучшить/);
  expect(await followUp.getByLabel('Текст вопроса (EN)').inputValue()).toMatch(/What should we improve/);
  expect(await followUp.getByLabel('Задавать этот вопрос').inputValue()).toBe('lowScore');
  expect(await followUp.getByLabel('Задавать при оценке не выше').inputValue()).toBe('6');
  await expect.poll(() => page.getByTestId('survey-paths').innerText()).toMatch(/задаётся, только если NPS ≤ 6/);

  // The preview branches as a respondent would see it: 3 asks what to improve, 9 does not.
  const preview = page.getByTestId('survey-preview');
  const followUpInPreview = preview.locator('[data-preview-question="low_score_reason"]');
  expect(await followUpInPreview.count()).toBe(0);
  await preview.locator('[data-preview-question="nps"]').getByText('3', { exact: true }).click();
  await followUpInPreview.getByText('Что нам стоит улучшить в первую очередь?').waitFor();
  await page.screenshot({ path: 'test-results/survey-editor-ru-desktop.png', fullPage: true });
  await page.getByRole('group', { name: 'Ширина экрана' }).getByRole('button', { name: 'Компьютер' }).click();
  await page.locator('.pv-desktop').waitFor();
  await page.screenshot({ path: 'test-results/survey-editor-wide-preview.png' });
  await page.getByRole('group', { name: 'Ширина экрана' }).getByRole('button', { name: 'Телефон' }).click();
  await preview.locator('[data-preview-question="nps"]').getByText('9', { exact: true }).click();
  await expect.poll(() => followUpInPreview.count()).toBe(0);

  // The English preview of the same draft.
  await page.getByRole('group', { name: 'Язык предпросмотра' }).getByRole('button', { name: 'EN' }).click();
  await preview.getByText(/how likely are you to recommend/).waitFor();

  await page.setViewportSize({ width: 360, height: 740 });
  await preview.locator('[data-preview-question="nps"]').getByText('2', { exact: true }).click();
  await followUpInPreview.getByText('What should we improve first?').waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/survey-editor-ru-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function launch(page: Page, tenantId: string, surveyId: string) {
  // A blank third question has no text: the editor lists the problems, the server refuses to launch.
  await page.getByLabel('Тип нового вопроса').selectOption('csat');
  await page.getByRole('button', { name: 'Добавить вопрос' }).click();
  await expect.poll(() => page.getByTestId('survey-problems').innerText()).toMatch(/Нет перевода на RU/);
  await page.getByRole('button', { name: 'Запустить', exact: true }).click();
  const refused = page.getByTestId('launch-refused');
  await refused.getByText(/Опрос не запущен/).waitFor();
  expect(await refused.innerText()).toMatch(/Вопрос 3 «q3» · Текст вопроса — Нет перевода на EN/);
  await page.getByRole('button', { name: 'Удалить вопрос 3' }).click();
  await page.getByText('Проблем нет: опрос можно запускать.').waitFor();

  await page.getByRole('button', { name: 'Запустить', exact: true }).click();
  await page.getByText('Опрос запущен').waitFor();
  await page.locator('.page-header').getByText('Идёт').waitFor();
  const survey = await page.evaluate(
    async ({ tenantId, surveyId }) => (await fetch(`/api/v1/tenants/${tenantId}/surveys/${surveyId}`)).json(),
    { tenantId, surveyId },
  );
  expect(survey).toMatchObject({ status: 'active', currentVersion: 1, problemCount: 0 });
  expect(survey.draft.questions.map((q: { id: string }) => q.id)).toEqual(['nps', 'low_score_reason']);

  // Pause and resume; then a changed draft is flagged against the launched version.
  await page.getByRole('button', { name: 'Приостановить' }).click();
  await page.locator('.page-header').getByText('Приостановлен').waitFor();
  await page.getByRole('button', { name: 'Возобновить' }).click();
  await page.locator('.page-header').getByText('Идёт').waitFor();
  await page.locator('[data-question-id="low_score_reason"]').getByLabel('Задавать при оценке не выше').fill('5');
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await page.getByText('Черновик отличается от запущенной версии v1', { exact: false }).waitFor();
  await page.getByText('Изменено условие показа вопроса «low_score_reason»').waitFor();
  await page.getByRole('button', { name: 'Запустить новую версию' }).waitFor();

  await page.getByRole('link', { name: 'Все опросы' }).click();
  const row = page.getByRole('row', { name: /NPS after a support call/ });
  await row.getByText('Идёт').waitFor();
  expect(await row.innerText()).toMatch(/v1\s+2\s+Нет/);
  await page.screenshot({ path: 'test-results/surveys-list-desktop.png', fullPage: true });
}

/**
 * The Share / Links panel, in Russian: a test link opens the live survey in the chosen
 * language (nothing is answered, so the journey's response count stays 1), and a
 * permanent link comes with its QR code and the widget snippet.
 */
async function shareLinks(page: Page, context: BrowserContext): Promise<string> {
  await page.getByRole('link', { name: 'NPS after a support call' }).click();
  await page.getByRole('heading', { level: 1, name: 'NPS after a support call' }).waitFor();
  await page.getByRole('button', { name: 'Ссылки и публикация' }).click();
  const panel = page.getByTestId('share-panel');

  const testLink = panel.getByRole('region', { name: 'Тестовая ссылка' });
  await testLink.getByText('Ответы по тестовой ссылке помечаются как тестовые и не попадают в результаты.').waitFor();
  await testLink.getByLabel('Язык').selectOption('en');
  await testLink.getByRole('button', { name: 'Создать тестовую ссылку' }).click();
  const shown = testLink.getByTestId('test-link');
  await shown.getByText(/показывается только один раз/).waitFor();
  const url = await shown.getByLabel('Тестовая ссылка').inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{20,}$/);
  const [respondent] = await Promise.all([context.waitForEvent('page'), shown.getByRole('link', { name: 'Открыть' }).click()]);
  await respondent.getByText(/how likely are you to recommend our company/).waitFor();
  await respondent.getByRole('radio', { name: '10', exact: true }).waitFor();
  await respondent.close();

  const permanent = panel.getByRole('region', { name: 'Постоянные ссылки' });
  await permanent.getByText('Постоянных ссылок пока нет.').waitFor();
  await permanent.getByRole('button', { name: 'Добавить атрибут' }).click();
  await permanent.getByLabel('Атрибут 1: название').fill('Region');
  await permanent.getByLabel('Атрибут 1: значение').fill('north');
  await permanent.getByRole('button', { name: 'Создать постоянную ссылку' }).click();
  await permanent.getByText(/строчные латинские буквы/).waitFor(); // "Region" is not a valid key; nothing was sent
  await permanent.getByLabel('Атрибут 1: название').fill('region');
  await permanent.getByRole('button', { name: 'Создать постоянную ссылку' }).click();
  await permanent.getByText('Постоянная ссылка создана.').waitFor();
  const card = permanent.getByTestId('feedback-link');
  expect(await card.count()).toBe(1);
  const slug = (await card.getAttribute('data-slug'))!;
  expect(slug).toMatch(/^[a-z2-9]{12}$/);
  expect(await card.innerText()).toMatch(/region\s*=\s*north/);
  expect(await card.getByLabel('Ссылка', { exact: true }).inputValue()).toMatch(new RegExp(`/f/${slug}$`));
  const qr = card.getByRole('img', { name: /QR-код ссылки/ });
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);
  expect(await card.getByRole('link', { name: 'Скачать QR (SVG)' }).getAttribute('download')).toBe(`voxpop-${slug}.svg`);
  const snippet = await card.getByTestId('embed-snippet').inputValue();
  expect(snippet).toMatch(new RegExp(`^<script src="http://[^"]+/widget\\.js" data-voxpop-link="${slug}" async></script>$`));

  // A poster taken down: switch the link off (it then answers "not found"), and on again.
  await card.getByRole('button', { name: 'Отключить' }).click();
  await card.getByText('Отключена').waitFor();
  expect((await page.request.get(`${stack.voxpop.baseUrl}/f/${slug}`)).status()).toBe(404);
  await card.getByRole('button', { name: 'Включить снова' }).click();
  await card.getByRole('button', { name: 'Отключить' }).waitFor();
  expect((await page.request.get(`${stack.voxpop.baseUrl}/f/${slug}`)).status()).toBe(200);

  // The sticky save bar would be drawn over the middle of a tall element screenshot.
  await panel.screenshot({ path: 'test-results/survey-links-desktop.png', style: '.editor-toolbar { position: static !important; }' });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await panel.screenshot({ path: 'test-results/survey-links-360.png' });
  await page.setViewportSize({ width: 1280, height: 900 });
  return slug;
}

async function importContacts(page: Page, tenantId: string) {
  await page.getByRole('navigation', { name: 'Основное меню' }).getByRole('link', { name: 'Контакты' }).click();
  await page.getByText('Контактов пока нет').waitFor();
  await page.getByRole('link', { name: 'Загрузить контакты' }).click();
  await page.getByLabel('Файл с контактами').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(CONTACTS_CSV, 'utf8') });
  await page.getByRole('button', { name: 'Отправить' }).click();

  // The mapping step, prefilled from the headers.
  await page.getByRole('heading', { name: 'Сопоставьте столбцы' }).waitFor();
  expect(await page.getByLabel('Столбец «phone» — это').inputValue()).toBe('phone');
  expect(await page.getByLabel('Столбец «external_id» — это').inputValue()).toBe('externalId');
  expect(await page.getByLabel('Столбец «service» — это').inputValue()).toBe('attributes.service_type');
  await page.screenshot({ path: 'test-results/import-mapping-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/import-mapping-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Проверить' }).click();

  // The dry run: problems by line, and nothing imported yet.
  const report = page.getByTestId('import-report');
  await report.waitFor();
  await report.getByText('Пока ничего не загружено').waitFor();
  const problemRows = await report.locator('tbody tr').allInnerTexts();
  expect(problemRows.some((row) => /^4\s/.test(row) && /Телефон/.test(row)), problemRows.join('\n')).toBe(true);
  expect(problemRows.some((row) => /^5\s/.test(row) && /Email/.test(row)), problemRows.join('\n')).toBe(true);
  const before = await page.evaluate(async (tenantId) => (await fetch(`/api/v1/tenants/${tenantId}/contacts`)).json(), tenantId);
  expect(before.items).toEqual([]);
  await page.screenshot({ path: 'test-results/import-report-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/import-report-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Confirm, wait for the job, and see the people.
  await page.getByRole('button', { name: /^Загрузить строк: \d+$/ }).click();
  const done = page.getByTestId('import-done');
  await done.waitFor();
  const inserted = Number(await done.locator('.count.good dd').innerText());
  expect(inserted).toBeGreaterThanOrEqual(3);
  await page.getByRole('link', { name: 'К контактам' }).click();
  await page.getByRole('link', { name: /Петров/ }).waitFor();
  await page.getByRole('link', { name: /Кузнецова/ }).waitFor();
  expect(await page.locator('tbody tr').count()).toBe(inserted);
  await page.screenshot({ path: 'test-results/contacts-desktop.png', fullPage: true });

  // One person: details, an export of everything held, and erasure on request.
  await page.getByRole('link', { name: /Кузнецова/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Кузнецова Анна' }).waitFor();
  await page.getByText('+79035554433').first().waitFor(); // in the details and in the do-not-contact card
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Выгрузить данные (JSON)' }).click()]);
  const exported = JSON.parse(await fs.readFile((await download.path())!, 'utf8'));
  expect(exported.contact).toMatchObject({ phone: '+79035554433', email: 'anna@example.ru', attributes: { service_type: 'Карта' } });
  await page.getByText(/Оценки остаются только в виде анонимных счётчиков/).waitFor();
  await page.getByRole('button', { name: 'Удалить персональные данные' }).click();
  await page.getByRole('button', { name: 'Да, удалить навсегда' }).click();
  await page.getByText('Данные этого человека удалены.', { exact: false }).waitFor();
  expect(await page.getByText('+79035554433').count()).toBe(0);
  await page.screenshot({ path: 'test-results/contact-erased-desktop.png', fullPage: true });
  await page.getByRole('link', { name: 'Все контакты' }).click();
  await page.getByRole('link', { name: /Петров/ }).waitFor();
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/contacts-360.png', fullPage: true });
}

/**
 * The closing journey: an imported customer gets a personal link, answers 3 in
 * Russian, writes a reason, and the answer comes back through the API with the
 * dimensions taken from the imported row (service) and from the invitation (employee).
 */
async function answerAsInvitedCustomer(page: Page, tenantId: string, surveyId: string) {
  const invitation = await page.evaluate(
    async ({ tenantId, surveyId }) => {
      const csrf = (await (await fetch('/api/v1/auth/me')).json()).csrfToken as string;
      const contacts = (await (await fetch(`/api/v1/tenants/${tenantId}/contacts?search=${encodeURIComponent('Петров')}`)).json()).items as Array<{ id: string }>;
      const res = await fetch(`/api/v1/tenants/${tenantId}/surveys/${surveyId}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ contactId: contacts[0]!.id, attributes: { employee: 'op-17', department: 'ипотечный отдел' } }),
      });
      return { status: res.status, body: await res.json(), contactId: contacts[0]!.id };
    },
    { tenantId, surveyId },
  );
  expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);

  // The customer: no session, a phone-sized screen, whatever language the phone has; the contact's language (ru) wins.
  const customer = await loopbackOnlyContext(stack.browser, { viewport: { width: 360, height: 740 }, locale: 'en-US' });
  const phone = await customer.newPage();
  await phone.goto((invitation.body.url as string).replace('localhost', '127.0.0.1'));
  await phone.getByRole('radio', { name: '3', exact: true }).check();
  await phone.getByRole('button', { name: 'Далее' }).click();
  const reason = phone.getByLabel(/Что нам стоит улучшить в первую очередь/);
  await reason.waitFor();
  await reason.fill('Долго ждал ответа оператора');
  await phone.getByRole('button', { name: 'Отправить' }).click();
  await phone.getByRole('heading', { name: 'Спасибо' }).waitFor();
  await phone.screenshot({ path: 'test-results/journey-thank-you-360.png', fullPage: true });
  expect(customer.outbound).toEqual([]);
  await customer.close();

  const responses = await page.evaluate(
    async ({ tenantId, surveyId }) => (await fetch(`/api/v1/tenants/${tenantId}/surveys/${surveyId}/responses`)).json(),
    { tenantId, surveyId },
  );
  expect(responses.items).toHaveLength(1);
  expect(responses.items[0]).toMatchObject({
    status: 'completed',
    surveyVersion: 1,
    language: 'ru',
    contactId: invitation.contactId,
    answers: { nps: 3, low_score_reason: 'Долго ждал ответа оператора' },
    attributes: { service_type: 'Ипотека', employee: 'op-17', department: 'ипотечный отдел' },
  });
}

/** An analyst reads surveys but may not change them, and does not see contacts at all. */
async function analystSeesReadOnly(surveyId: string, tenantId: string, slug: string) {
  const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${stack.voxpop.baseUrl}/login`);
  await page.getByLabel('Email').fill(ANALYST.email);
  await page.getByLabel('Password').fill(ANALYST.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.goto(`${stack.voxpop.baseUrl}/t/${tenantId}/surveys/${surveyId}`);
  await page.getByRole('heading', { level: 1, name: 'NPS after a support call' }).waitFor();
  await page.getByText('You can view this survey but not change it.').waitFor();
  expect(await page.getByRole('button', { name: /^Launch/ }).count()).toBe(0);
  expect(await page.locator('[data-question-id="nps"] select').first().isDisabled()).toBe(true);
  // The permanent link is there to copy and print; making new ones is for project managers.
  await page.getByRole('button', { name: 'Share / Links' }).click();
  await page.getByRole('heading', { name: `Link ${slug}` }).waitFor();
  await page.getByText('You can see the survey’s links but not create new ones.').waitFor();
  expect(await page.getByRole('button', { name: /^Create/ }).count()).toBe(0);
  expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).not.toMatch(/Contacts/);
  expect(context.outbound).toEqual([]);
  await context.close();
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
