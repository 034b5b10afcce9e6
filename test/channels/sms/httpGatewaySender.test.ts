import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpGatewaySender, type HttpGatewaySenderOptions } from '../../../src/channels/sms/httpGatewaySender.ts';
import type { HttpGatewayTemplate } from '../../../src/channels/sms/httpGatewayTemplate.ts';
import { SmsSendError } from '../../../src/channels/sms/port.ts';

interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer: for timeouts. */
  hang?: boolean;
}

/** A real HTTP peer on localhost that records requests and answers from a script. */
class TestGateway {
  readonly requests: ReceivedRequest[] = [];
  reply: (request: ReceivedRequest) => Reply = () => ({ status: 200, body: '{}' });

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<TestGateway> {
    const server = http.createServer();
    const gateway = new TestGateway(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        gateway.requests.push(request);
        const reply = gateway.reply(request);
        if (reply.hang) return;
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return gateway;
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const CYRILLIC = 'Оцените "качество" обслуживания\nот 0 до 10: https://vox.example/s/abc?x=1&y=2 — спасибо!';
const SECRET = 'sk_live_9f8e7d6c5b4a';

let gateway: TestGateway | null = null;
let sender: HttpGatewaySender | null = null;

afterEach(async () => {
  await sender?.close();
  await gateway?.close();
  sender = null;
  gateway = null;
});

async function start(template: Partial<HttpGatewayTemplate> & { url: string }, options: Partial<HttpGatewaySenderOptions> = {}) {
  gateway = await TestGateway.start();
  sender = new HttpGatewaySender({
    template: { method: 'POST', contentType: 'none', ...template, url: gateway.base + template.url },
    secrets: { apiKey: SECRET },
    timeoutMs: 1_000,
    ...options,
  });
  return { gateway, sender };
}

const sms = (text = 'Hello', key = `key-${Math.random()}`) => ({ to: '+79161234567', from: 'Voxpop', text, idempotencyKey: key });

async function sendError(promise: Promise<unknown>): Promise<SmsSendError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SmsSendError);
  return error as SmsSendError;
}

describe('HttpGatewaySender', () => {
  it('posts a JSON template with Cyrillic text escaped, the secret in a header and the id read from the reply', async () => {
    const { gateway, sender } = await start({
      url: '/v1/sms',
      contentType: 'json',
      headers: { Authorization: 'Bearer {apiKey}' },
      body: '{"to":"{to}","sender":"{from}","message":"{text}","ref":"{idempotencyKey}"}',
      messageIdPath: 'result.id',
    });
    gateway.reply = () => ({ status: 201, body: JSON.stringify({ result: { id: 'gw-42' } }) });

    const result = await sender.send(sms(CYRILLIC, 'inv-1'));

    expect(result).toEqual({ messageIds: ['gw-42'], parts: 2 });
    const [request] = gateway.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/v1/sms');
    expect(request!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request!.body)).toEqual({ to: '+79161234567', sender: 'Voxpop', message: CYRILLIC, ref: 'inv-1' });
  });

  it('fills a GET URL with URL-encoded placeholders and sends no body', async () => {
    const { gateway, sender } = await start({ method: 'GET', url: '/send?api_key={apiKey}&to={to}&from={from}&msg={text}' });
    gateway.reply = () => ({ status: 200, body: 'OK' });

    const result = await sender.send(sms(CYRILLIC));

    expect(result).toEqual({ messageIds: [], parts: 2 });
    const request = gateway.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.body).toBe('');
    const params = new URL(request.url, 'http://x').searchParams;
    expect(Object.fromEntries(params)).toEqual({ api_key: SECRET, to: '+79161234567', from: 'Voxpop', msg: CYRILLIC });
  });

  it('form-encodes the body', async () => {
    const { gateway, sender } = await start({ url: '/form', contentType: 'form', body: 'login=vox&psw={apiKey}&phones={to}&mes={text}' });
    gateway.reply = () => ({ status: 200, body: '{"id":7}' });

    await sender.send(sms('Hi & bye = 100% +1'));

    const request = gateway.requests[0]!;
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ login: 'vox', psw: SECRET, phones: '+79161234567', mes: 'Hi & bye = 100% +1' });
  });

  it('reads a numeric id from a nested path and honours an explicit success status', async () => {
    const { gateway, sender } = await start({ url: '/x', messageIdPath: 'messages.0.id', successStatus: [202] });
    gateway.reply = () => ({ status: 202, body: '{"messages":[{"id":123}]}' });
    expect(await sender.send(sms())).toEqual({ messageIds: ['123'], parts: 1 });

    gateway.reply = () => ({ status: 200, body: '{}' });
    const error = await sendError(sender.send(sms()));
    expect(error.kind).toBe('permanent');
  });

  it.each([
    [429, 'temporary', 'throttled'],
    [503, 'temporary', 'smsc_error'],
    [500, 'temporary', 'smsc_error'],
    [400, 'permanent', 'rejected'],
    [401, 'permanent', 'rejected'],
  ] as const)('classifies %i as %s', async (status, kind, code) => {
    const { gateway, sender } = await start({ url: '/x' });
    gateway.reply = () => ({ status, body: '{"error":"nope"}' });
    const error = await sendError(sender.send(sms()));
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toContain('nope');
  });

  it('treats a timeout as temporary', async () => {
    const { gateway, sender } = await start({ url: '/slow' }, { timeoutMs: 200 });
    gateway.reply = () => ({ status: 200, hang: true });
    const error = await sendError(sender.send(sms()));
    expect(error).toMatchObject({ kind: 'temporary', code: 'timeout' });
  });

  it('treats a refused connection as temporary', async () => {
    const { gateway, sender } = await start({ url: '/x' });
    await gateway.close();
    const error = await sendError(sender.send(sms()));
    expect(error).toMatchObject({ kind: 'temporary', code: 'connection' });
    expect(error.message).not.toContain('127.0.0.1');
  });

  it('does not follow a redirect and reports it as a failure', async () => {
    const { gateway, sender } = await start({ url: '/old' });
    gateway.reply = (request) => (request.url === '/old' ? { status: 302, headers: { location: `${gateway.base}/new` } } : { status: 200 });
    const error = await sendError(sender.send(sms()));
    expect(error).toMatchObject({ kind: 'permanent', status: 302 });
    expect(gateway.requests.map((r) => r.url)).toEqual(['/old']);
  });

  it('keeps the secret out of error messages even when the gateway echoes it', async () => {
    const { gateway, sender } = await start({ method: 'GET', url: '/send?key={apiKey}&to={to}', headers: { 'X-Api-Key': '{apiKey}' } });
    gateway.reply = (request) => ({ status: 400, body: JSON.stringify({ error: 'bad request', echo: request.url, key: request.headers['x-api-key'] }) });
    const error = await sendError(sender.send(sms()));
    expect(error.kind).toBe('permanent');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('***');
  });

  it('refuses bad input before any request', async () => {
    const { gateway, sender } = await start({ url: '/x' });
    await expect(sender.send({ ...sms(), to: '89161234567' })).rejects.toMatchObject({ kind: 'permanent', code: 'invalid_destination' });
    await expect(sender.send(sms(''))).rejects.toMatchObject({ kind: 'permanent', code: 'invalid_message' });
    expect(gateway.requests).toHaveLength(0);
  });

  it('shares one request between concurrent sends with the same idempotency key', async () => {
    const { gateway, sender } = await start({ url: '/x', messageIdPath: 'id' });
    gateway.reply = () => ({ status: 200, body: '{"id":"a"}' });
    const [first, second] = await Promise.all([sender.send(sms('Hi', 'same')), sender.send(sms('Hi', 'same'))]);
    expect(first).toEqual(second);
    expect(gateway.requests).toHaveLength(1);
  });

  it('rejects a template with an unknown placeholder at construction', () => {
    expect(() => new HttpGatewaySender({ template: { method: 'GET', url: 'http://127.0.0.1/?k={apiKye}', contentType: 'none' }, secrets: { apiKey: SECRET } })).toThrow(/apiKye/);
    expect(() => new HttpGatewaySender({ template: { method: 'GET', url: 'http://127.0.0.1/', body: 'x', contentType: 'none' } })).toThrow();
  });
});
