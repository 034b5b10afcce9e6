import { MAX_PARTS, countParts } from '../../domain/sms/encoding.ts';
import {
  HttpGatewayTemplate,
  MESSAGE_PLACEHOLDERS,
  formEscape,
  jsonEscape,
  pickPath,
  placeholdersOf,
  renderRequest,
} from './httpGatewayTemplate.ts';
import {
  SmsSendError,
  type OutgoingSms,
  type SmsDeliveryReceipt,
  type IncomingSms,
  type SmsIncomingListener,
  type SmsReceiptListener,
  type SmsSendResult,
  type SmsSender,
} from './port.ts';

export interface HttpGatewaySenderOptions {
  template: HttpGatewayTemplate;
  /** Values for the template's non-message placeholders (API keys, account ids). Never appear in errors. */
  secrets?: Record<string, string>;
  /** The whole exchange, reply body included. */
  timeoutMs?: number;
  /** For logs and metrics; `http` when absent. */
  name?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const E164 = /^\+[1-9]\d{6,14}$/;
/** How much of a refusal's body goes into the error message, to tell people why. */
const REPLY_EXCERPT_CHARS = 200;

/**
 * The SMS port over a generic HTTP gateway described by a request template.
 * The gateway splits long texts itself; we count the parts with the domain
 * encoding so budgets match what the SMPP adapter would report. One request
 * per message, no redirects followed (a redirect means a wrong URL, and
 * following it could send credentials elsewhere).
 */
export class HttpGatewaySender implements SmsSender {
  readonly name: string;
  private readonly template: HttpGatewayTemplate;
  private readonly secrets: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly listeners = new Set<SmsReceiptListener>();
  private readonly incomingListeners = new Set<SmsIncomingListener>();
  private readonly inflight = new Map<string, Promise<SmsSendResult>>();
  private closed = false;

  constructor(options: HttpGatewaySenderOptions) {
    this.template = HttpGatewayTemplate.parse(options.template);
    this.secrets = { ...options.secrets };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.name = options.name ?? 'http';
    const known = new Set<string>(MESSAGE_PLACEHOLDERS);
    for (const key of Object.keys(this.secrets)) {
      if (known.has(key)) throw new Error(`The secret "${key}" would hide the message placeholder of the same name.`);
    }
    for (const name of placeholdersOf(this.template)) {
      if (!known.has(name) && !(name in this.secrets)) throw new Error(`The SMS gateway template uses {${name}}, which is neither a message field nor a secret.`);
    }
  }

  onReceipt(listener: SmsReceiptListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Hand a receipt to the listeners. HTTP gateways push receipts to a callback
   * URL of ours; the route that receives them parses the gateway's format and calls this.
   */
  async emitReceipt(receipt: SmsDeliveryReceipt): Promise<void> {
    await Promise.all([...this.listeners].map(async (listener) => listener(receipt)));
  }

  onIncoming(listener: SmsIncomingListener): () => void {
    this.incomingListeners.add(listener);
    return () => this.incomingListeners.delete(listener);
  }

  /**
   * Hand an incoming SMS to the listeners; rejects when one throws, so the
   * route can answer the gateway with an error and let it retry. The route
   * reads the gateway's request with `parseInboundSms` (httpGatewayInbound.ts).
   */
  async emitIncoming(sms: IncomingSms): Promise<void> {
    await Promise.all([...this.incomingListeners].map(async (listener) => listener(sms)));
  }

  /** Concurrent sends with one idempotency key share one request. */
  send(sms: OutgoingSms): Promise<SmsSendResult> {
    const running = this.inflight.get(sms.idempotencyKey);
    if (running) return running;
    const attempt = this.request(sms).finally(() => this.inflight.delete(sms.idempotencyKey));
    this.inflight.set(sms.idempotencyKey, attempt);
    return attempt;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inflight.values()]);
  }

  private async request(sms: OutgoingSms): Promise<SmsSendResult> {
    if (this.closed) throw new SmsSendError('temporary', 'closed', 'The SMS sender is closed.');
    if (!E164.test(sms.to)) throw new SmsSendError('permanent', 'invalid_destination', 'The recipient is not an E.164 number.');
    if (sms.text.length === 0) throw new SmsSendError('permanent', 'invalid_message', 'The message is empty.');
    const { parts } = countParts(sms.text);
    if (parts > MAX_PARTS) throw new SmsSendError('permanent', 'invalid_message', `A message may have at most ${MAX_PARTS} parts; this one needs ${parts}.`);

    const rendered = renderRequest(this.template, { ...this.secrets, to: sms.to, from: sms.from, text: sms.text, idempotencyKey: sms.idempotencyKey });
    if (Object.values(rendered.headers).some((value) => /[\r\n]/.test(value))) {
      throw new SmsSendError('permanent', 'invalid_message', 'A header value of the SMS gateway request would contain a line break.');
    }

    let response: Response;
    let reply: string;
    try {
      response = await fetch(rendered.url, {
        method: rendered.method,
        headers: rendered.headers,
        body: rendered.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      reply = await response.text();
    } catch (error) {
      throw this.networkError(error);
    }

    if (!this.accepted(response.status)) throw this.statusError(response.status, reply);
    const messageId = this.template.messageIdPath ? pickPath(parseJson(reply), this.template.messageIdPath) : undefined;
    // A 2xx without a readable id still means the gateway took the message; failing here would send it twice.
    return { messageIds: messageId ? [messageId] : [], parts };
  }

  private accepted(status: number): boolean {
    const expected = this.template.successStatus;
    return expected ? expected.includes(status) : status >= 200 && status <= 299;
  }

  private statusError(status: number, reply: string): SmsSendError {
    const excerpt = this.redact(reply.slice(0, REPLY_EXCERPT_CHARS).replace(/\s+/g, ' ').trim());
    const because = excerpt ? `: ${excerpt}` : '.';
    if (status >= 300 && status <= 399) {
      return new SmsSendError('permanent', 'rejected', `The SMS gateway answered ${status} (a redirect, not followed); check the URL in the template.`, status);
    }
    if (status === 429) return new SmsSendError('temporary', 'throttled', `The SMS gateway is throttling (429)${because}`, status);
    // 408 is the gateway giving up on reading our request: the same request can pass later.
    if (status === 408) return new SmsSendError('temporary', 'timeout', `The SMS gateway timed out reading the request (408)${because}`, status);
    if (status >= 500) return new SmsSendError('temporary', 'smsc_error', `The SMS gateway failed (${status})${because}`, status);
    return new SmsSendError('permanent', 'rejected', `The SMS gateway refused the message (${status})${because}`, status);
  }

  private networkError(error: unknown): SmsSendError {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return new SmsSendError('temporary', 'timeout', `The SMS gateway did not answer within ${this.timeoutMs} ms.`);
    }
    // undici hides the reason in `cause` (ECONNREFUSED, ENOTFOUND …); its message may carry the URL, the code does not.
    const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
    const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
    return new SmsSendError('temporary', 'connection', `Could not reach the SMS gateway${code}.`);
  }

  /** Gateways echo requests in their errors; a secret must not reach logs or the database through them. */
  private redact(text: string): string {
    let out = text;
    for (const secret of Object.values(this.secrets)) {
      if (!secret) continue;
      for (const form of new Set([secret, encodeURIComponent(secret), formEscape(secret), jsonEscape(secret)])) out = out.split(form).join('***');
    }
    return out;
  }
}

export function createHttpGatewaySender(options: HttpGatewaySenderOptions): HttpGatewaySender {
  return new HttpGatewaySender(options);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
