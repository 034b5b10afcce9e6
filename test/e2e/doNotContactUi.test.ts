import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loopbackOnlyContext } from './browser.ts';
import { useStack } from './stack.ts';

const ADMIN = { email: 'admin@contact-center.test', password: 'an admin password, long' };
const MANAGER = { email: 'olga@contact-center.test', name: 'Ольга Смирнова', password: 'a project manager password' };
const OPERATOR = { email: 'pavel@contact-center.test', name: 'Павел Операторов', password: 'an operator password, long' };
const ANALYST = { email: 'ivan@client.test', name: 'Иван Аналитиков', password: 'an analyst password, long' };
const TENANT = 'ООО «Ромашка»';
const CONTACTS_CSV = ['phone,email,first_name,last_name', '+7 903 555-44-33,Anna@Example.ru,Анна,Кузнецова', ''].join('\n');

// The owner comes from the environment: no setup link to follow.
const stack = useStack({ VOXPOP_ADMIN_EMAIL: ADMIN.email, VOXPOP_ADMIN_PASSWORD: ADMIN.password });

describe('do-not-contact UI in headless Chromium', () => {
  it('a project manager adds and removes phones and emails, an operator only reads the list, an analyst never sees it', async () => {
    const tenantId = await prepareInstallation();
    const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    try {
      await signIn(page, MANAGER);
      await openTheList(page);
      await addAndRemove(page, tenantId);
      await listFromTheContactPage(page, tenantId);
      await inRussianAt360(page);
      await operatorReadsOnly(tenantId);
      await analystDoesNotSeeIt(tenantId);
    } catch (err) {
      await page.screenshot({ path: 'test-results/dnc-ui-failure.png', fullPage: true });
      throw err;
    }
    expect(context.outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

/** A tenant in Russia (numbers without a country code are Russian), its three people, and one imported contact. */
async function prepareInstallation(): Promise<string> {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.voxpop.baseUrl}/login`);
  const tenantId = await page.evaluate(
    async ({ admin, people, tenant, csv }) => {
      let csrf = '';
      const send = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
        const response = await fetch(`/api/v1${path}`, {
          method,
          headers: { ...(body === undefined ? {} : { 'content-type': contentType }), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
          body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
        return response.json();
      };
      csrf = (await send('POST', '/auth/login', admin)).csrfToken;
      const { id } = await send('POST', '/tenants', { name: tenant, slug: 'romashka', locale: 'ru', timezone: 'Europe/Moscow', defaultRegion: 'RU' });
      for (const { role, ...person } of people) await send('POST', '/users', { ...person, locale: 'en', memberships: [{ tenantId: id, role }] });

      const waitFor = async (importId: string, status: string) => {
        for (let i = 0; i < 300; i++) {
          const view = await send('GET', `/tenants/${id}/contact-imports/${importId}`);
          if (view.status === status) return;
          if (view.status === 'failed') throw new Error(JSON.stringify(view));
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`import never reached ${status}`);
      };
      const upload = await send('POST', `/tenants/${id}/contact-imports?fileName=people.csv`, csv, 'text/csv');
      await send('POST', `/tenants/${id}/contact-imports/${upload.id}/check`, {
        mapping: { columns: { phone: 'phone', email: 'email', first_name: 'firstName', last_name: 'lastName' } },
      });
      await waitFor(upload.id, 'checked');
      await send('POST', `/tenants/${id}/contact-imports/${upload.id}/confirm`);
      await waitFor(upload.id, 'done');
      return id as string;
    },
    {
      admin: ADMIN,
      people: [
        { ...MANAGER, role: 'project_manager' },
        { ...OPERATOR, role: 'operator' },
        { ...ANALYST, role: 'analyst' },
      ],
      tenant: TENANT,
      csv: CONTACTS_CSV,
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

async function openTheList(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  await page.getByRole('navigation', { name: 'Contacts sections' }).getByRole('link', { name: 'Do not contact' }).click();
  await page.getByRole('heading', { level: 1, name: 'Do not contact' }).waitFor();
  await page.getByText('Voxpop never sends a survey to these numbers and addresses, whatever the campaign.').waitFor();
  await page.getByText('The list is empty').waitFor();
  expect(await page.getByRole('link', { name: 'Do not contact' }).getAttribute('aria-current')).toBe('page');
}

async function addAndRemove(page: Page, tenantId: string) {
  const form = page.getByRole('region', { name: 'Add a phone or email' });
  const rows = page.getByTestId('dnc-entry');

  // A Russian number as people write it: stored and shown in E.164.
  await form.getByLabel('Phone number').fill('8 (916) 000-11-22');
  await form.getByRole('button', { name: 'Add to the list' }).click();
  await page.getByRole('status').getByText('+79160001122 is on the do-not-contact list.').waitFor();
  await page.getByRole('row', { name: /\+79160001122/ }).getByText('Added by hand').waitFor();
  expect(await form.getByLabel('Phone number').inputValue()).toBe('');

  // Not a number: the server refuses it, and the reason sits under the field.
  const phone = form.getByLabel('Phone number');
  await phone.fill('12');
  await form.getByRole('button', { name: 'Add to the list' }).click();
  const error = form.locator('.field-error');
  await error.getByText(/^This is not a phone number\. Enter it with the country code, or as dialled in Russia\.$/).waitFor();
  expect(await phone.getAttribute('aria-invalid')).toBe('true');
  expect(await phone.getAttribute('aria-describedby')).toContain((await error.getAttribute('id'))!);
  expect(await rows.count()).toBe(1);
  expect(await page.getByText('is on the do-not-contact list').count()).toBe(0); // the last success no longer applies
  await page.screenshot({ path: 'test-results/dnc-error-desktop.png', fullPage: true });

  // An email, with a reason; the error goes with the switch of type.
  await form.getByLabel('Type').selectOption('email');
  expect(await error.count()).toBe(0);
  await form.getByLabel('Email address').fill('No.Reply@Example.RU');
  await form.getByLabel(/^Reason/).fill('asked on a call');
  await form.getByRole('button', { name: 'Add to the list' }).click();
  await page.getByRole('row', { name: /no\.reply@example\.ru/ }).getByText('asked on a call').waitFor();
  expect(await rows.allInnerTexts()).toEqual([expect.stringMatching(/^no\.reply@example\.ru\s+Email\s+asked on a call/), expect.stringMatching(/^\+79160001122\s+Phone\s+Added by hand/)]);

  // The filter: digits match a number however it is typed.
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  await filter.fill('916 000');
  await expect.poll(() => rows.count()).toBe(1);
  await page.getByRole('row', { name: /\+79160001122/ }).waitFor();
  await filter.fill('nobody');
  await page.getByText('Nothing on the list matches “nobody”.').waitFor();
  await filter.fill('');
  await expect.poll(() => rows.count()).toBe(2);
  await page.screenshot({ path: 'test-results/dnc-list-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/dnc-list-360.png', fullPage: true });
  const emailRow = page.getByRole('row', { name: /no\.reply@example\.ru/ });
  await emailRow.getByRole('button', { name: 'Remove' }).click();
  await emailRow.getByText('Future surveys may reach this person again.', { exact: false }).waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/dnc-confirm-remove-360.png', fullPage: true });
  await emailRow.getByRole('button', { name: 'Cancel' }).click();
  await page.setViewportSize({ width: 1280, height: 900 });

  // Removing asks first, and says what it means.
  const phoneRow = page.getByRole('row', { name: /\+79160001122/ });
  await phoneRow.getByRole('button', { name: 'Remove' }).click();
  await phoneRow.getByText('Remove +79160001122? Future surveys may reach this person again.').waitFor();
  await page.screenshot({ path: 'test-results/dnc-confirm-remove-desktop.png', fullPage: true });
  await phoneRow.getByRole('button', { name: 'Yes, remove' }).click();
  await page.getByRole('status').getByText('+79160001122 was removed from the list.', { exact: false }).waitFor();
  await expect.poll(() => rows.count()).toBe(1);
  const stored = await page.evaluate(async (tenantId) => (await fetch(`/api/v1/tenants/${tenantId}/do-not-contact`)).json(), tenantId);
  expect(stored.items).toEqual([expect.objectContaining({ kind: 'email', value: 'no.reply@example.ru', reason: 'asked on a call' })]);
}

/** The contact's page shows whether their addresses are listed and puts one there in a click. */
async function listFromTheContactPage(page: Page, tenantId: string) {
  await page.getByRole('navigation', { name: 'Contacts sections' }).getByRole('link', { name: 'All contacts' }).click();
  await page.getByRole('link', { name: /Кузнецова/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Кузнецова Анна' }).waitFor();
  const section = page.getByTestId('contact-dnc');
  expect(await page.getByTestId('dnc-badge').count()).toBe(0);
  expect(await section.getByText('Not on the list').count()).toBe(2);
  await section.getByRole('button', { name: 'Add email to do-not-contact' }).click();
  await page.getByTestId('dnc-badge').getByText('Do not contact').waitFor();
  await section.getByText('On the list', { exact: true }).waitFor();
  expect(await section.getByRole('button', { name: 'Add email to do-not-contact' }).count()).toBe(0);
  await section.getByRole('button', { name: 'Add phone to do-not-contact' }).waitFor();
  await page.screenshot({ path: 'test-results/dnc-contact-desktop.png', fullPage: true });

  // The server agrees, after a reload too.
  await page.reload();
  await page.getByTestId('dnc-badge').waitFor();
  const stored = await page.evaluate(async (tenantId) => (await fetch(`/api/v1/tenants/${tenantId}/do-not-contact`)).json(), tenantId);
  expect(stored.items.map((i: { value: string }) => i.value)).toEqual(['anna@example.ru', 'no.reply@example.ru']);
  await section.getByRole('link', { name: 'Open the do-not-contact list' }).click();
  await page.getByRole('row', { name: /anna@example\.ru/ }).waitFor();
}

async function inRussianAt360(page: Page) {
  await page.getByRole('group', { name: 'Language' }).locator('button[lang="ru"]').click();
  await page.getByRole('heading', { level: 1, name: 'Не беспокоить' }).waitFor();
  await page.getByText('Voxpop никогда не отправляет опросы на эти номера и адреса', { exact: false }).waitFor();
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByLabel('Номер телефона').fill('12');
  await page.getByRole('button', { name: 'Добавить в список' }).click();
  await page.locator('.field-error').getByText('Это не номер телефона', { exact: false }).waitFor();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/dnc-ru-360.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** An operator reads contacts but may not change the list: no form, no remove buttons. */
async function operatorReadsOnly(tenantId: string) {
  const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, OPERATOR);
  await page.goto(`${stack.voxpop.baseUrl}/t/${tenantId}/contacts/do-not-contact`);
  await page.getByRole('row', { name: /no\.reply@example\.ru/ }).waitFor();
  await page.getByText('You can view this list; only a project manager can add or remove entries.').waitFor();
  expect(await page.getByRole('button', { name: 'Add to the list' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
  await page.getByRole('link', { name: 'All contacts' }).click();
  await page.getByRole('link', { name: /Кузнецова/ }).click();
  await page.getByTestId('dnc-badge').waitFor();
  expect(await page.getByRole('button', { name: /to do-not-contact$/ }).count()).toBe(0);
  expect(context.outbound).toEqual([]);
  await context.close();
}

/** An analyst has no contacts at all: neither the menu entry nor the page. */
async function analystDoesNotSeeIt(tenantId: string) {
  const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await signIn(page, ANALYST);
  expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).not.toMatch(/Contacts/);
  await page.goto(`${stack.voxpop.baseUrl}/t/${tenantId}/contacts/do-not-contact`);
  await page.getByText('You do not have access to this page.').waitFor();
  expect(await page.getByRole('heading', { name: 'Do not contact' }).count()).toBe(0);
  expect(await page.getByText('Voxpop never sends a survey', { exact: false }).count()).toBe(0);
  expect(context.outbound).toEqual([]);
  await context.close();
}

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
