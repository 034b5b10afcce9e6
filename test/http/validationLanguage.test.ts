import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let owner: Browser;
beforeAll(async () => {
  t = await createTestApp();
  const user = await makeUser(t.ctx, { installationRole: 'owner' });
  owner = await signIn(t, user.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const badTenant = { name: '', slug: 'Not A Slug', locale: 'de', extra: true };

describe('validation errors in the reader’s language', () => {
  it('names every field, with zod’s own wording translated for a Russian reader and our own hints kept', async () => {
    const ru = await owner.request({ method: 'POST', url: '/api/v1/tenants', headers: { 'accept-language': 'ru-RU,ru;q=0.9' }, payload: badTenant });
    expect(ru.statusCode).toBe(400);
    const body = ru.json();
    expect(body.code).toBe('validation');
    expect(body.detail).toMatch(/^Неверные поля /);
    const byPath = Object.fromEntries(body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath.name).toMatch(/Слишком маленькое значение/);
    expect(byPath.locale).toMatch(/Неверный вариант/);
    expect(body.errors.find((e: { code: string }) => e.code === 'unrecognized_keys').message).toMatch(/Нераспознанный ключ: "extra"/);
    // The slug's hint is written by our schema (in English for now) and is kept as written, not replaced by a generic one.
    expect(byPath.slug).toMatch(/lowercase letters, digits and dashes/);

    const en = await owner.request({ method: 'POST', url: '/api/v1/tenants', headers: { 'accept-language': 'en' }, payload: badTenant });
    const enByPath = Object.fromEntries(en.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(enByPath.name).toMatch(/Too small/);
    expect(en.json().detail).toMatch(/^Invalid /);
  });
});
