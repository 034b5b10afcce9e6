import type { SmsDeliveryStatus } from './port.ts';

/** esm_class bits 2–5 = 0001: the deliver_sm is an SMSC delivery receipt (SMPP 3.4 §5.2.12). */
const ESM_MESSAGE_TYPE_MASK = 0x3c;
const ESM_DELIVERY_RECEIPT = 0x04;

export function isDeliveryReceipt(esmClass: number): boolean {
  return (esmClass & ESM_MESSAGE_TYPE_MASK) === ESM_DELIVERY_RECEIPT;
}

/** message_state TLV values (SMPP 3.4 §5.2.28). */
const BY_MESSAGE_STATE: Record<number, SmsDeliveryStatus> = {
  1: 'unknown', // ENROUTE
  2: 'delivered',
  3: 'expired',
  4: 'undeliverable', // DELETED
  5: 'undeliverable',
  6: 'unknown', // ACCEPTED
  7: 'unknown',
  8: 'rejected',
};

/** The `stat:` word of the receipt text (SMPP 3.4 Appendix B). */
const BY_STAT: Record<string, SmsDeliveryStatus> = {
  DELIVRD: 'delivered',
  EXPIRED: 'expired',
  DELETED: 'undeliverable',
  UNDELIV: 'undeliverable',
  ACCEPTD: 'unknown',
  ENROUTE: 'unknown',
  UNKNOWN: 'unknown',
  REJECTD: 'rejected',
};

export interface ParsedReceipt {
  messageId: string;
  status: SmsDeliveryStatus;
  errorCode?: string;
}

export interface ReceiptFields {
  /** The decoded short_message text ("id:… sub:… stat:DELIVRD err:000 …"), if any. */
  text?: string;
  receiptedMessageId?: string;
  messageState?: number;
  /** network_error_code TLV: network type (1 octet) + error code (2 octets). */
  networkErrorCode?: Uint8Array;
}

/**
 * Read a receipt from its TLVs (preferred: they are typed) and the text
 * (what most SMSCs send). Returns null when neither names a message id.
 */
export function parseReceipt(fields: ReceiptFields): ParsedReceipt | null {
  const text = fields.text ?? '';
  const textId = /(?:^|\s)id:(\S+)/i.exec(text)?.[1];
  const stat = /(?:^|\s)stat:(\S+)/i.exec(text)?.[1]?.toUpperCase();
  const err = /(?:^|\s)err:(\S+)/i.exec(text)?.[1];

  const messageId = fields.receiptedMessageId || textId;
  if (!messageId) return null;

  const status =
    (fields.messageState !== undefined ? BY_MESSAGE_STATE[fields.messageState] : undefined) ??
    (stat ? BY_STAT[stat] : undefined) ??
    'unknown';

  let errorCode: string | undefined;
  const net = fields.networkErrorCode;
  if (net && net.length >= 3 && (net[1] !== 0 || net[2] !== 0)) {
    errorCode = `${net[0]}:${(net[1]! << 8) | net[2]!}`;
  } else if (err && !/^0+$/.test(err)) {
    errorCode = err;
  }
  return errorCode ? { messageId, status, errorCode } : { messageId, status };
}
