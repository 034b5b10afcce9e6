import smpp, { type PDU, type Session } from 'smpp';
import { SmsSendError } from './port.ts';

/**
 * One TCP session to the SMSC with request/response bookkeeping the library
 * lacks: a timeout per request, and every pending request rejected when the
 * socket closes (the library would leave those promises hanging).
 */
export class SmppConnection {
  private readonly pending = new Set<(error: SmsSendError) => void>();
  private closedError: SmsSendError | null = null;

  constructor(
    readonly session: Session,
    private readonly responseTimeoutMs: number,
  ) {
    session.on('close', () => {
      this.closedError = new SmsSendError('temporary', 'connection', 'The SMSC connection closed before it answered.');
      for (const reject of [...this.pending]) reject(this.closedError);
      this.pending.clear();
    });
  }

  get isClosed(): boolean {
    return this.closedError !== null;
  }

  /** Send a request PDU and resolve with its response (whatever its command_status). */
  request(command: string, params: Record<string, unknown> = {}): Promise<PDU> {
    if (this.closedError) return Promise.reject(this.closedError);
    return new Promise<PDU>((resolve, reject) => {
      let settled = false;
      const fail = (error: SmsSendError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.pending.delete(fail);
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new SmsSendError('temporary', 'timeout', `The SMSC did not answer ${command} within ${this.responseTimeoutMs} ms.`)),
        this.responseTimeoutMs,
      );
      this.pending.add(fail);
      const sent = this.session.send(new smpp.PDU(command, params), (response) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.pending.delete(fail);
        resolve(response);
      });
      if (!sent) fail(new SmsSendError('temporary', 'connection', 'The SMSC connection is not writable.'));
    });
  }

  /** Answer a request from the SMSC. */
  respond(request: PDU, params: Record<string, unknown> = {}): void {
    if (!this.closedError) this.session.send(request.response(params));
  }

  destroy(): void {
    this.session.destroy();
  }
}
