import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';
import { confirmAndRun, csv, uploadAndCheck, uploadFile, XLSX_TYPE } from './contactImportHelpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function managerOfNewTenant() {
  const tenant = await makeTenant(t.ctx);
  const pm = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
  const browser = await signIn(t, pm.email, TEST_PASSWORD);
  return { tenant, send: browser.request };
}

const contactCount = async (tenantId: string) =>
  (await t.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from contacts where tenant_id = ${tenantId}`)).rows[0]!.n;

describe('contact import over HTTP', () => {
  it('reports bad rows by line with reasons, imports nothing until confirmed, then imports the valid rows', async () => {
    const { tenant, send } = await managerOfNewTenant();
    const file = csv(
      'C-1;Иванов Иван;8 (916) 123-45-67;ivan@example.ru;Центр', // line 2
      'C-2;Петрова Анна;12345;anna@example.ru;Юг', // line 3: phone too short
      'C-3;Смирнов Олег;+7 916 765-43-21;oleg@@example;Север', // line 4: bad email
      ';;;;Юг', // line 5: no identifier
      'C-1;Иванов И.;8 916 000-00-01;;Центр', // line 6: same external id as line 2
      'C-4;Кузнецова Мария;+79161112233;;Восток', // line 7
    );
    const checked = await uploadAndCheck(t, send, tenant.id, file);
    expect(checked.status).toBe('checked');
    expect(checked.format).toBe('csv');
    expect(checked.headers).toEqual(['Код клиента', 'ФИО', 'Телефон', 'Email', 'Филиал']);
    expect(checked.summary.counts).toEqual({ total: 6, valid: 2, invalid: 3, duplicates: 1, new: 2, existing: 0 });
    const byLine = Object.fromEntries(checked.summary.problems.map((p: { line: number; code: string }) => [p.line, p.code]));
    expect(byLine).toEqual({ 3: 'phone_invalid', 4: 'email_invalid', 5: 'missing_required', 6: 'duplicate_in_file' });
    expect(checked.summary.problems.find((p: { line: number }) => p.line === 3)).toMatchObject({ field: 'phone', value: '12345', reason: 'too_short' });
    expect(await contactCount(tenant.id)).toBe(0);

    const done = await confirmAndRun(t, send, tenant.id, checked.id);
    expect(done).toMatchObject({ status: 'done', inserted: 2, updated: 0, unchanged: 0, error: null });
    expect(done.finishedAt).not.toBeNull();
    expect(await contactCount(tenant.id)).toBe(2);
    const list = (await send({ method: 'GET', url: `/api/v1/tenants/${tenant.id}/contacts?search=ivan@example.ru` })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ externalId: 'C-1', phone: '+79161234567', email: 'ivan@example.ru', fullName: 'Иванов Иван', attributes: { branch: 'Центр' }, timezone: 'Europe/Moscow' });
    expect(fs.existsSync(path.join(t.ctx.config.dataDir, 'imports', tenant.id, checked.id))).toBe(false);
  });

  it('updates existing contacts on a second import and keeps the history of changed fields', async () => {
    const { tenant, send } = await managerOfNewTenant();
    const first = await uploadAndCheck(t, send, tenant.id, csv('C-1;Иванов Иван;89161234567;ivan@example.ru;Центр', 'C-2;Петрова Анна;89162223344;;Юг'));
    await confirmAndRun(t, send, tenant.id, first.id);
    const second = await uploadAndCheck(t, send, tenant.id, csv('C-1;Иванов Иван Петрович;89161234567;;Север', 'C-2;Петрова Анна;89162223344;;Юг', 'C-3;Новый Клиент;89163334455;;Юг'));
    expect(second.summary.counts).toMatchObject({ valid: 3, existing: 2, new: 1 });
    const done = await confirmAndRun(t, send, tenant.id, second.id);
    expect(done).toMatchObject({ status: 'done', inserted: 1, updated: 1, unchanged: 1 });
    expect(await contactCount(tenant.id)).toBe(3);

    const found = (await send({ method: 'GET', url: `/api/v1/tenants/${tenant.id}/contacts?search=C-1` })).json().items[0];
    const detail = (await send({ method: 'GET', url: `/api/v1/tenants/${tenant.id}/contacts/${found.id}` })).json();
    expect(detail.email).toBe('ivan@example.ru'); // an empty cell is "not stated", never "erase"
    expect(detail.history).toEqual([
      expect.objectContaining({ importId: second.id, changes: { fullName: ['Иванов Иван', 'Иванов Иван Петрович'], 'attributes.branch': ['Центр', 'Север'] } }),
    ]);
  });

  it('leaves existing contacts alone with updateExisting: false', async () => {
    const { tenant, send } = await managerOfNewTenant();
    await makeContact(t.ctx, tenant.id, { externalId: 'C-1', fullName: 'Before' });
    const checked = await uploadAndCheck(t, send, tenant.id, csv('C-1;After;;;'), { options: { updateExisting: false } });
    const done = await confirmAndRun(t, send, tenant.id, checked.id);
    expect(done).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    const rows = await t.ctx.db.execute<{ full_name: string }>(sql`select full_name from contacts where tenant_id = ${tenant.id}`);
    expect(rows.rows).toEqual([{ full_name: 'Before' }]);
  });

  it('matches the database by external id, then phone, then email, and never duplicates', async () => {
    const { tenant, send } = await managerOfNewTenant();
    const byPhone = await makeContact(t.ctx, tenant.id, { externalId: null, phone: '+79165550001', email: null });
    const byEmail = await makeContact(t.ctx, tenant.id, { externalId: null, phone: null, email: 'mail@example.ru' });
    // A contact with another external id is another person, even on the same phone (a shared office line).
    const otherPerson = await makeContact(t.ctx, tenant.id, { externalId: 'OTHER', phone: '+79165550002', email: null });
    const checked = await uploadAndCheck(
      t,
      send,
      tenant.id,
      csv('C-1;Found By Phone;8 916 555-00-01;;', 'C-2;Found By Email;;MAIL@example.ru;', 'C-3;Shares A Line;8 916 555-00-02;;'),
    );
    expect(checked.summary.counts).toMatchObject({ valid: 3, existing: 2, new: 1 });
    await confirmAndRun(t, send, tenant.id, checked.id);
    const rows = await t.ctx.db.execute<{ id: string; external_id: string }>(sql`select id, external_id from contacts where tenant_id = ${tenant.id} order by external_id`);
    const ids = Object.fromEntries(rows.rows.map((r) => [r.external_id, r.id]));
    expect(rows.rows).toHaveLength(4);
    expect(ids['C-1']).toBe(byPhone.id);
    expect(ids['C-2']).toBe(byEmail.id);
    expect(ids['OTHER']).toBe(otherPerson.id);
    expect(ids['C-3']).not.toBe(otherPerson.id);
  });

  it('imports an XLSX workbook through the same path', async () => {
    const { tenant, send } = await managerOfNewTenant();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Клиенты');
    sheet.addRow(['Код клиента', 'ФИО', 'Телефон', 'Email', 'Филиал']);
    sheet.addRow(['X-1', 'Иванов Иван', 79161234567, 'ivan@example.ru', 'Центр']);
    sheet.addRow(['X-2', 'Плохой Телефон', '123', '', 'Юг']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const checked = await uploadAndCheck(t, send, tenant.id, buffer, { contentType: XLSX_TYPE });
    expect(checked.format).toBe('xlsx');
    expect(checked.summary.counts).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(checked.summary.problems[0]).toMatchObject({ line: 3, code: 'phone_invalid' });
    const done = await confirmAndRun(t, send, tenant.id, checked.id);
    expect(done).toMatchObject({ status: 'done', inserted: 1 });
  });

  it('refuses to confirm before the check, refuses a mapping that does not fit, and discards with the file', async () => {
    const { tenant, send } = await managerOfNewTenant();
    const uploaded = (await uploadFile(send, tenant.id, csv('C-1;Иванов;89161234567;;'))).json();
    expect(uploaded.status).toBe('uploaded');
    expect(uploaded.suggestedMapping.columns).toMatchObject({ 'Телефон': 'phone', 'Код клиента': 'externalId' });
    const early = await send({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/contact-imports/${uploaded.id}/confirm` });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('contacts.import_state');
    const badMapping = await send({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/contact-imports/${uploaded.id}/check`, payload: { mapping: { columns: { Нет: 'phone' } } } });
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().code).toBe('contacts.mapping_invalid');

    const file = path.join(t.ctx.config.dataDir, 'imports', tenant.id, uploaded.id);
    expect(fs.existsSync(file)).toBe(true);
    expect((await send({ method: 'DELETE', url: `/api/v1/tenants/${tenant.id}/contact-imports/${uploaded.id}` })).statusCode).toBe(204);
    expect(fs.existsSync(file)).toBe(false);
    const listed = (await send({ method: 'GET', url: `/api/v1/tenants/${tenant.id}/contact-imports` })).json();
    expect(listed.items.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([[uploaded.id, 'discarded']]);
  });

  it('lets only people and tokens with the contacts permission in', async () => {
    const { tenant } = await managerOfNewTenant();
    const admin = await signIn(t, (await makeUser(t.ctx, { installationRole: 'owner' })).email, TEST_PASSWORD);
    for (const role of ['analyst', 'client_viewer', 'operator'] as const) {
      const user = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role }] });
      const b = await signIn(t, user.email, TEST_PASSWORD);
      const read = await b.request({ method: 'GET', url: `/api/v1/tenants/${tenant.id}/contacts` });
      expect(read.statusCode, role).toBe(role === 'operator' ? 200 : 403);
      const upload = await uploadFile(b.request, tenant.id, csv('C-1;A;89161234567;;'));
      expect(upload.statusCode, role).toBe(403);
    }
    const token = async (scopes: string[]) =>
      `Bearer ${(await admin.request({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/api-tokens`, payload: { name: `t ${scopes.join()}`, scopes } })).json().secret}`;
    const reader = await token(['contacts:read']);
    const writer = await token(['contacts:read', 'contacts:write']);
    const other = await token(['tenant:read']);
    const get = (authorization: string) => t.app.inject({ method: 'GET', url: `/api/v1/tenants/${tenant.id}/contacts`, headers: { authorization } });
    const post = (authorization: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/tenants/${tenant.id}/contact-imports`, headers: { authorization, 'content-type': 'text/csv' }, payload: csv('C-1;A;89161234567;;') });
    expect((await get(reader)).statusCode).toBe(200);
    expect((await get(other)).statusCode).toBe(403);
    expect((await post(reader)).statusCode).toBe(403);
    expect((await post(writer)).statusCode).toBe(201);
  });
});

describe('upload size limit', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ VOXPOP_IMPORT_MAX_MB: '0.001' }); // 1,049 bytes
  });
  afterAll(async () => small.close());

  it('answers 413 with a clear problem, whether the size is announced or only streamed, and keeps nothing', async () => {
    const tenant = await makeTenant(small.ctx);
    const owner = await makeUser(small.ctx, { installationRole: 'owner' });
    const b = await signIn(small, owner.email, TEST_PASSWORD);
    const big = csv(...Array.from({ length: 100 }, (_, i) => `C-${i};Имя Фамилия;8916${String(i).padStart(7, '0')};;Центр`));
    for (const payload of [big, Readable.from([Buffer.from(big)])]) {
      const res = await uploadFile(b.request, tenant.id, payload);
      expect(res.statusCode).toBe(413);
      expect(res.headers?.['content-type'] ?? 'application/problem+json').toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'contacts.file_too_large', status: 413 });
      expect(res.json().detail).toContain('larger than 2 KB');
    }
    const dir = path.join(small.ctx.config.dataDir, 'imports', tenant.id);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    const rows = await small.ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from contact_imports`);
    expect(rows.rows[0]!.n).toBe(0);
  });
});
