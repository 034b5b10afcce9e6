import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loopbackOnlyContext } from './browser.ts';
import { useStack } from './stack.ts';

const ADMIN = { email: 'admin@contact-center.test', password: 'an admin password, long' };
const MANAGER = { email: 'olga@contact-center.test', name: 'Ольга Смирнова', password: 'a project manager password' };
const ANALYST = { email: 'ivan@client.test', name: 'Иван Аналитиков', password: 'an analyst password, long' };
const TENANT = 'ООО «Ромашка»';

// The owner comes from the environment: no setup link to follow.
const stack = useStack({ VOXPOP_ADMIN_EMAIL: ADMIN.email, VOXPOP_ADMIN_PASSWORD: ADMIN.password });

describe('survey settings UI in headless Chromium', () => {
  it('a project manager caps surveys at one in 90 days and adds a custom dimension; an analyst only reads them', async () => {
    const tenantId = await prepareInstallation();
    const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    try {
      await signIn(page, MANAGER);
      await openSettings(page);
      await capAndDimensions(page, tenantId);
      await inRussianAt360(page);
      await analystReadsOnly(tenantId);
    } catch (err) {
      await page.screenshot({ path: 'test-results/survey-settings-failure.png', fullPage: true });
      throw err;
    }
    expect(context.outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

async function prepareInstallation(): Promise<string> {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.voxpop.baseUrl}/login`);
  const tenantId = await page.evaluate(
    async ({ admin, people, tenant }) => {
      let csrf = '';
      const send = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`/api/v1${path}`, {
          method,
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      csrf = (await send('POST', '/auth/login', admin)).csrfToken;
      const { id } = await send('POST', '/tenants', { name: tenant, slug: 'romashka', locale: 'ru', timezone: 'Europe/Moscow', defaultRegion: 'RU' });
      for (const { role, ...person } of people) await send('POST', '/users', { ...person, locale: 'en', memberships: [{ tenantId: id, role }] });
      return id as string;
    },
    {
      admin: ADMIN,
      people: [
        { ...MANAGER, role: 'project_manager' },
        { ...ANALYST, role: 'analyst' },
      ],
      tenant: TENANT,
    },
  );
  await context.close();
  return tenantId;
}

async function signIn(page: Page, person: { email: string; password: string }) {
  await page.goto(`${stack.voxpop.baseUrl}/login`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** From the survey list's header; the defaults are no cap and no dimensions of the tenant's own. */
async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
  await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Survey settings' }).waitFor();
  expect(await page.getByLabel('Limit how often one person is asked').isChecked()).toBe(false);
  await page.getByText('No limit: a person can be asked by every campaign that reaches them.').waitFor();
  await page.getByText('No dimensions of your own yet.').waitFor();
  const builtIn = page.getByTestId('built-in-dimensions');
  expect(await builtIn.locator('tbody tr').allInnerTexts()).toEqual([
    expect.stringMatching(/^service_type\s+Тип услуги\s+Service type$/),
    expect.stringMatching(/^department\s+Отдел\s+Department$/),
    expect.stringMatching(/^employee\s+Сотрудник\s+Employee$/),
    expect.stringMatching(/^channel\s+Канал\s+Channel$/),
    expect.stringMatching(/^region\s+Регион\s+Region$/),
  ]);
}

async function capAndDimensions(page: Page, tenantId: string) {
  await page.getByLabel('Limit how often one person is asked').check();
  const days = page.getByLabel('Days between surveys');
  await days.fill('90');
  await page.getByText('No more than once in 90 days across all surveys of this organisation; campaigns skip people asked more recently.').waitFor();

  const rows = page.getByTestId('custom-dimension');
  await page.getByRole('button', { name: 'Add a dimension' }).click();
  const branch = rows.nth(0);
  // Focus moves to the new row's key after React has rendered it: wait for it rather than read it at once.
  await expect.poll(() => branch.getByLabel('Key').evaluate((el) => el === document.activeElement)).toBe(true);
  await branch.getByText('Lowercase latin letters, digits and _, starting with a letter, e.g. branch.').waitFor();
  await branch.getByLabel('Key').fill('branch');
  await branch.getByLabel('Name in Russian').fill('Филиал');
  await branch.getByLabel('Name in English').fill('Branch');

  // A built-in key: the server refuses it and says so under that key; nothing is saved.
  await page.getByRole('button', { name: 'Add a dimension' }).click();
  const department = rows.nth(1);
  await department.getByLabel('Key').fill('department');
  await department.getByLabel('Name in Russian').fill('Отдел');
  await department.getByLabel('Name in English').fill('Department');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const keyError = department.locator('.field-error');
  await keyError.getByText('“department” is a built-in dimension; choose another key.').waitFor();
  const key = department.getByLabel('Key');
  expect(await key.getAttribute('aria-invalid')).toBe('true');
  expect(await key.getAttribute('aria-describedby')).toContain((await keyError.getAttribute('id'))!);
  expect(await branch.locator('.field-error').count()).toBe(0);
  await page.getByRole('alert').getByText('Nothing was saved: fix the fields marked below.').waitFor();
  expect(await stored(page, tenantId)).toMatchObject({ frequencyCapDays: null, customDimensions: [] });
  await page.screenshot({ path: 'test-results/survey-settings-error-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/survey-settings-error-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await department.getByRole('button', { name: 'Remove dimension 2' }).click();
  await expect.poll(() => rows.count()).toBe(1);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('status').getByText('Survey settings saved.').waitFor();
  expect(await stored(page, tenantId)).toMatchObject({ frequencyCapDays: 90, customDimensions: [{ key: 'branch', label: { ru: 'Филиал', en: 'Branch' } }] });

  // After a reload the page shows what the server keeps.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Survey settings' }).waitFor();
  await expect.poll(() => rows.count()).toBe(1);
  expect(await page.getByLabel('Limit how often one person is asked').isChecked()).toBe(true);
  expect(await page.getByLabel('Days between surveys').inputValue()).toBe('90');
  expect(await rows.nth(0).getByLabel('Key').inputValue()).toBe('branch');
  expect(await rows.nth(0).getByLabel('Name in Russian').inputValue()).toBe('Филиал');
  expect(await rows.nth(0).getByLabel('Name in English').inputValue()).toBe('Branch');
  await page.screenshot({ path: 'test-results/survey-settings-saved-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/survey-settings-saved-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function inRussianAt360(page: Page) {
  await page.getByRole('group', { name: 'Language' }).locator('button[lang="ru"]').click();
  await page.getByRole('heading', { level: 1, name: 'Настройки опросов' }).waitFor();
  await page.getByText('Не чаще одного раза в 90 дн. по всем опросам этой организации', { exact: false }).waitFor();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('button', { name: 'Добавить разрез' }).click();
  const row = page.getByTestId('custom-dimension').nth(1);
  await row.getByLabel('Ключ').fill('Branch Name');
  await row.getByLabel('Название по-русски').fill('Филиал 2');
  await row.getByLabel('Название по-английски').fill('Branch 2');
  await page.getByRole('button', { name: 'Сохранить настройки' }).click();
  await row.locator('.field-error').getByText('Только строчные латинские буквы, цифры и _', { exact: false }).waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/survey-settings-ru-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** An analyst sees the settings, without a form to change them. */
async function analystReadsOnly(tenantId: string) {
  const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, ANALYST);
  await page.goto(`${stack.voxpop.baseUrl}/t/${tenantId}/surveys`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByText('You can view these settings; only a project manager can change them.').waitFor();
  await page.getByTestId('cap-value').getByText('No more than once in 90 days').waitFor();
  expect(await page.getByTestId('custom-dimensions').locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/^branch\s+Филиал\s+Branch$/)]);
  expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
  expect(await page.getByRole('textbox').count()).toBe(0);
  await page.screenshot({ path: 'test-results/survey-settings-readonly-desktop.png', fullPage: true });
  expect(context.outbound).toEqual([]);
  await context.close();
}

const stored = (page: Page, tenantId: string) => page.evaluate(async (tenantId) => (await fetch(`/api/v1/tenants/${tenantId}/survey-settings`)).json(), tenantId);

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
