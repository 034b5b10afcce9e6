import type { LightMyRequestResponse } from 'fastify';
import { makeTenant, makeUser, TEST_PASSWORD } from '../factories/index.ts';
import { createTestApp, signIn, type Browser, type TestApp } from '../helpers/app.ts';

export interface RespondentWorld {
  t: TestApp;
  tenantId: string;
  pm: Browser;
}

export async function respondentWorld(): Promise<RespondentWorld> {
  const t = await createTestApp();
  const tenant = await makeTenant(t.ctx);
  const user = await makeUser(t.ctx, { memberships: [{ tenantId: tenant.id, role: 'project_manager' }] });
  return { t, tenantId: tenant.id, pm: await signIn(t, user.email, TEST_PASSWORD) };
}

export async function invite(w: RespondentWorld, surveyId: string, body: Record<string, unknown> = {}) {
  const res = await w.pm.request({ method: 'POST', url: `/api/v1/tenants/${w.tenantId}/surveys/${surveyId}/invitations`, payload: body });
  if (res.statusCode !== 201) throw new Error(`invitation failed: ${res.statusCode} ${res.body}`);
  const created = res.json() as { id: string; url: string; token: string; expiresAt: string };
  return { ...created, path: new URL(created.url).pathname };
}

let ipCounter = 0;
/** A client address of its own, so one test's requests do not count against another's rate limit. */
export const freshIp = () => {
  ipCounter += 1;
  return `10.${(process.pid % 200) + 1}.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};

export const get = (t: TestApp, url: string, ip: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, remoteAddress: ip, headers: { accept: 'text/html', ...headers } });

export function postForm(t: TestApp, url: string, fields: Record<string, string | string[]>, ip: string): Promise<LightMyRequestResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return t.app.inject({ method: 'POST', url, remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
}

/** The hidden fields of the page's form, as a browser would send them back. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]!] = m[2]!;
  return fields;
}

export const formAction = (html: string) => /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? null;

/** Loads `url`, fills `answers` (field name → value) and sends the form; returns the POST's reply. */
export async function answerPage(t: TestApp, url: string, answers: Record<string, string | string[]>, ip: string) {
  const page = await get(t, url, ip);
  if (page.statusCode !== 200) throw new Error(`page ${url}: ${page.statusCode} ${page.body.slice(0, 300)}`);
  return postForm(t, formAction(page.body)!, { ...hiddenFields(page.body), ...answers }, ip);
}

/** Text of the page without tags, for "does the page say …" checks. */
export const textOf = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
