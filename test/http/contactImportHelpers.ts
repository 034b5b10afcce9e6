import type { Readable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { drainJobs } from '../helpers/jobs.ts';
import type { TestApp } from '../helpers/app.ts';

/** Sends requests as someone: a signed-in browser's `request`. */
export type Send = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const MAPPING = {
  columns: { 'Код клиента': 'externalId', 'ФИО': 'fullName', 'Телефон': 'phone', 'Email': 'email', 'Филиал': 'attributes.branch' },
  required: [],
};

export async function uploadFile(send: Send, tenantId: string, body: string | Buffer | Readable, contentType = CSV_TYPE, fileName = 'contacts.csv') {
  return send({ method: 'POST', url: `/api/v1/tenants/${tenantId}/contact-imports?fileName=${encodeURIComponent(fileName)}`, payload: body as InjectOptions['payload'], headers: { 'content-type': contentType } });
}

/** Upload, check with MAPPING and run the dry-run job: the import as the person sees it before confirming. */
export async function uploadAndCheck(t: TestApp, send: Send, tenantId: string, csv: string | Buffer, opts: { contentType?: string; options?: object } = {}) {
  const uploaded = await uploadFile(send, tenantId, csv, opts.contentType ?? CSV_TYPE);
  if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.statusCode} ${uploaded.body}`);
  const id = uploaded.json().id as string;
  const checked = await send({ method: 'POST', url: `/api/v1/tenants/${tenantId}/contact-imports/${id}/check`, payload: { mapping: MAPPING, ...(opts.options ? { options: opts.options } : {}) } });
  if (checked.statusCode !== 202) throw new Error(`check: ${checked.statusCode} ${checked.body}`);
  await drainJobs(t);
  return (await send({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contact-imports/${id}` })).json();
}

export async function confirmAndRun(t: TestApp, send: Send, tenantId: string, importId: string) {
  const confirmed = await send({ method: 'POST', url: `/api/v1/tenants/${tenantId}/contact-imports/${importId}/confirm` });
  if (confirmed.statusCode !== 202) throw new Error(`confirm: ${confirmed.statusCode} ${confirmed.body}`);
  await drainJobs(t);
  return (await send({ method: 'GET', url: `/api/v1/tenants/${tenantId}/contact-imports/${importId}` })).json();
}

export const csv = (...rows: string[]) => ['Код клиента;ФИО;Телефон;Email;Филиал', ...rows].join('\n') + '\n';
