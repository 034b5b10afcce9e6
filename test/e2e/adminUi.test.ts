import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loopbackOnlyContext } from './browser.ts';
import { useStack } from './stack.ts';

const stack = useStack();

const ADMIN = { email: 'anna@contact-center.test', name: 'Анна Петрова', password: 'a long enough password' };

describe('admin UI in headless Chromium', () => {
  it('sets up the first admin from the printed link, signs in as a person would, creates a tenant, switches to Russian, fits 360 px', async () => {
    const setupUrl = /(http:\/\/\S+\/setup\?token=\S+)/.exec(stack.voxpop.output())?.[1];
    expect(setupUrl, stack.voxpop.output()).toBeTruthy();
    const context = await loopbackOnlyContext(stack.browser, { viewport: { width: 1200, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    try {
      await walkThrough(page, setupUrl!);
    } catch (err) {
      await fs.mkdir('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/admin-ui-failure.png', fullPage: true });
      throw err;
    }
    const tenants = await page.evaluate(async () => (await fetch('/api/v1/tenants')).json());
    expect(tenants.items.map((t: { slug: string }) => t.slug)).toEqual(['romashka']);
    expect(context.outbound).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

async function walkThrough(page: Page, setupUrl: string) {
    // 1. The one-time setup link, as printed on the console.
    await page.goto(setupUrl.replace('localhost', '127.0.0.1'));
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Name').fill(ADMIN.name);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    // 2. Sign out and back in through the login form.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('Wrong email or password').count()).toBeGreaterThan(0);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // 3. Create a client organisation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tenants' }).click();
    await page.getByRole('button', { name: 'New tenant' }).click();
    await page.getByLabel('Name').fill('ООО «Ромашка»');
    await page.getByLabel('Slug').fill('romashka');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('row', { name: /Ромашка/ }).waitFor();

    // 4. Russian, remembered by the server for this user.
    await page.getByRole('group', { name: 'Language' }).locator('button[lang="ru"]').click();
    await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Организации' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    // 5. A phone-sized screen: nothing wider than the viewport.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await page.getByRole('row', { name: /Ромашка/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await fs.mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/admin-tenants-360.png', fullPage: true });
}
