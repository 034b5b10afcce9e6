/** An SMS to send. The text is already rendered and localised. */
export interface OutgoingSms {
  /** The recipient in E.164 (`+79161234567`). */
  to: string;
  /** Sender id: alphanumeric (up to 11 characters) or a number. */
  from: string;
  text: string;
  /** Stable per logical message, so a retried job can be recognised. */
  idempotencyKey: string;
}

export interface SmsSendResult {
  /** One id per part, as the SMSC assigned them, in part order; receipts refer to these. */
  messageIds: string[];
  parts: number;
}

export type SmsDeliveryStatus = 'delivered' | 'undeliverable' | 'expired' | 'rejected' | 'unknown';

export interface SmsDeliveryReceipt {
  /** The id of the part, as returned by `send`. */
  messageId: string;
  status: SmsDeliveryStatus;
  /** When the receipt arrived. */
  at: Date;
  /** The network or SMSC error code, when the receipt gives one. */
  errorCode?: string;
}

/**
 * Called for every delivery receipt. The receipt is acknowledged to the SMSC
 * only after every listener has settled; a listener that throws makes the
 * SMSC deliver it again later.
 */
export type SmsReceiptListener = (receipt: SmsDeliveryReceipt) => void | Promise<void>;

/** An SMS a person sent to us (mobile-originated), e.g. a STOP reply. */
export interface IncomingSms {
  /** The sender: E.164 (`+79161234567`) when the number is international, otherwise as the network gave it. */
  from: string;
  /** Our number or short code it was sent to, normalised the same way. */
  to: string;
  /** The whole text; a concatenated message arrives once, joined. */
  text: string;
  /** When it arrived (or, from an HTTP gateway, when the gateway says it did). */
  at: Date;
  /**
   * Set when some parts of a concatenated message never arrived and the
   * parts that did are passed on anyway (so an opt-out is not lost).
   */
  partial?: true;
}

/**
 * Called for every incoming SMS. As with receipts, the SMSC's message is
 * acknowledged only after every listener has settled; a listener that throws
 * makes the SMSC deliver it again later.
 */
export type SmsIncomingListener = (sms: IncomingSms) => void | Promise<void>;

/**
 * Why a send failed. `temporary`: try again later (throttled, queue full,
 * connection lost or not yet bound). `permanent`: the same message will fail
 * again (bad number, bad sender, refused credentials, too long).
 */
export type SmsErrorKind = 'temporary' | 'permanent';

export type SmsErrorCode =
  | 'throttled'
  | 'queue_full'
  | 'connection'
  | 'timeout'
  | 'bind_refused'
  | 'closed'
  | 'invalid_destination'
  | 'invalid_sender'
  | 'invalid_message'
  | 'rejected'
  | 'smsc_error';

export class SmsSendError extends Error {
  constructor(
    public readonly kind: SmsErrorKind,
    public readonly code: SmsErrorCode,
    message: string,
    /** The protocol status (SMPP command_status), when the peer gave one. */
    public readonly status?: number,
    /** Parts the SMSC had already accepted before the failure (a retry may duplicate them). */
    public readonly acceptedMessageIds: string[] = [],
  ) {
    super(message);
    this.name = 'SmsSendError';
  }

  get temporary(): boolean {
    return this.kind === 'temporary';
  }
}

/** The SMS channel port. Adapters: SMPP (`smppSender.ts`) and a generic HTTP gateway (`httpGatewaySender.ts`). */
export interface SmsSender {
  readonly name: string;
  send(sms: OutgoingSms): Promise<SmsSendResult>;
  /** Subscribe to delivery receipts; returns the unsubscribe function. */
  onReceipt(listener: SmsReceiptListener): () => void;
  /** Subscribe to incoming SMS, where the adapter receives them; returns the unsubscribe function. */
  onIncoming?(listener: SmsIncomingListener): () => void;
  close(): Promise<void>;
}
