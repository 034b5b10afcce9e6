import type { PDU } from 'smpp';
import { decodeGsm7 } from '../../domain/sms/gsm7.ts';
import type { IncomingSms } from './port.ts';

/**
 * Mobile-originated SMS over SMPP: reading one deliver_sm into a part, and
 * joining the parts of a concatenated message (UDH IEI 0x00 or 0x08) before
 * anyone sees it.
 */

/** One deliver_sm that is not a receipt, decoded. */
export interface IncomingPart {
  from: string;
  to: string;
  text: string;
  /** Present when the message is one part of a concatenated message. */
  concat?: { reference: number; total: number; seq: number };
}

const TON_INTERNATIONAL = 1;
/** esm_class bits 2–5 (SMPP 3.4 §5.2.12): 0000 is a plain message; receipts, SME acks and intermediate notifications set them. */
const ESM_MESSAGE_TYPE_MASK = 0x3c;
const DATA_CODING = { gsm7: 0x00, latin1: 0x03, ucs2: 0x08 };
const IEI_CONCAT_8BIT = 0x00;
const IEI_CONCAT_16BIT = 0x08;

/** A deliver_sm of the default message type: what a phone sent, not a report about something we sent. */
export function isMobileOriginated(esmClass: number): boolean {
  return (esmClass & ESM_MESSAGE_TYPE_MASK) === 0;
}

export function incomingPart(pdu: PDU): IncomingPart {
  const dataCoding = Number(pdu.data_coding ?? 0);
  const short = decodedMessage(pdu.short_message);
  // A long MO may come whole in message_payload instead, with an empty short_message.
  const body = short.text === '' && pdu.message_payload !== undefined ? decodedMessage(pdu.message_payload) : short;
  const text = typeof body.raw === 'string' ? body.raw : decodeText(body.raw, dataCoding);
  const concat = concatHeader(body.udh);
  return {
    from: address(pdu.source_addr, pdu.source_addr_ton),
    to: address(pdu.destination_addr, pdu.dest_addr_ton),
    text,
    ...(concat ? { concat } : {}),
  };
}

/** Octets in the character set data_coding names, for when the library left them undecoded. */
export function decodeText(octets: Buffer, dataCoding: number): string {
  // The low four bits name the alphabet, the rule the `smpp` package applies to what it decodes itself.
  const coding = dataCoding & 0x0f;
  if (coding === DATA_CODING.ucs2) return utf16be(octets);
  if (coding === DATA_CODING.gsm7) return decodeGsm7(octets);
  // Latin-1 (3) and anything we cannot name: Latin-1 keeps every octet visible.
  return octets.toString('latin1');
}

function utf16be(octets: Buffer): string {
  const even = octets.subarray(0, octets.length - (octets.length % 2));
  return Buffer.from(even).swap16().toString('utf16le');
}

/** E.164 for international numbers; anything else (national, short code, alphanumeric) as given. */
function address(value: unknown, ton: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (Number(ton) === TON_INTERNATIONAL && /^\d{1,15}$/.test(text)) return `+${text}`;
  return text;
}

interface Decoded {
  /** Decoded text, or octets the library could not decode. */
  raw: string | Buffer;
  text: string;
  udh: Buffer[];
}

/** short_message / message_payload as the `smpp` package gives it: `{ udh?, message }`, a string or raw octets. */
function decodedMessage(value: unknown): Decoded {
  if (typeof value === 'string') return { raw: value, text: value, udh: [] };
  if (Buffer.isBuffer(value)) return { raw: value, text: value.toString('latin1'), udh: [] };
  if (value && typeof value === 'object' && 'message' in value) {
    const { message, udh } = value as { message: unknown; udh?: unknown };
    const inner = decodedMessage(message);
    return { ...inner, udh: Array.isArray(udh) ? udh.filter((e): e is Buffer => Buffer.isBuffer(e)) : [] };
  }
  return { raw: '', text: '', udh: [] };
}

/** The concatenation element among the UDH information elements (`iei, length, data…`), if any. */
function concatHeader(elements: Buffer[]): IncomingPart['concat'] {
  for (const e of elements) {
    if (e[0] === IEI_CONCAT_8BIT && e[1] === 3 && e.length >= 5) return valid(e[2]!, e[3]!, e[4]!);
    if (e[0] === IEI_CONCAT_16BIT && e[1] === 4 && e.length >= 6) return valid(e.readUInt16BE(2), e[4]!, e[5]!);
  }
  return undefined;
}

function valid(reference: number, total: number, seq: number): IncomingPart['concat'] {
  // A header that names one part, or a part outside the total, carries nothing to join.
  return total > 1 && seq >= 1 && seq <= total ? { reference, total, seq } : undefined;
}

export interface AssemblerOptions {
  /** How long the first part of a concatenated message waits for the rest. */
  partTimeoutMs: number;
  /** Concatenated messages waiting for parts at once; the oldest is passed on as partial beyond this. */
  maxPending: number;
  now: () => Date;
  /** Hands a whole message to the listeners; rejects when one of them throws. */
  deliver: (sms: IncomingSms) => Promise<void>;
  /** A partial message that was passed on after a timeout, and whether its listeners failed. */
  onPartial?: (sms: IncomingSms, failed: boolean) => void;
}

interface Pending {
  from: string;
  to: string;
  total: number;
  parts: Map<number, string>;
  timer: ReturnType<typeof setTimeout>;
  /** The delivery of the completed message while its listeners run. */
  delivering: Promise<void> | null;
}

/**
 * Joins concatenated MO messages. A part that does not complete a message is
 * acknowledged at once (kept in memory); the part that completes it is
 * acknowledged only after the listeners settle. When they fail, that part is
 * forgotten again, so the SMSC's redelivery of it completes the message anew.
 * Parts still missing after `partTimeoutMs` are given up on: what did arrive
 * is passed on, marked partial, so a "СТОП, …" whose tail was lost still counts.
 */
export class IncomingAssembler {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly options: AssemblerOptions) {}

  /** Resolves when the part may be acknowledged; rejects when the listeners of its message failed. */
  async accept(part: IncomingPart): Promise<void> {
    if (!part.concat) return this.options.deliver({ from: part.from, to: part.to, text: part.text, at: this.options.now() });
    const { reference, total, seq } = part.concat;
    const key = `${part.from}\u0000${part.to}\u0000${reference}\u0000${total}`;
    let entry = this.pending.get(key);
    if (entry?.delivering) {
      // A duplicate of a part while the whole message is with the listeners: answer it as they do.
      return entry.delivering;
    }
    if (!entry) {
      this.evictOldestBeyond(this.options.maxPending - 1);
      entry = { from: part.from, to: part.to, total, parts: new Map(), timer: this.timer(key), delivering: null };
      this.pending.set(key, entry);
    }
    entry.parts.set(seq, part.text);
    if (entry.parts.size < total) return;

    const text = Array.from({ length: total }, (_, i) => entry.parts.get(i + 1)!).join('');
    const sms: IncomingSms = { from: entry.from, to: entry.to, text, at: this.options.now() };
    entry.delivering = this.options.deliver(sms);
    try {
      await entry.delivering;
      clearTimeout(entry.timer);
      this.pending.delete(key);
    } catch (error) {
      entry.delivering = null;
      entry.parts.delete(seq);
      throw error;
    }
  }

  /** Forget pending parts (the sender is closing; the SMSC has them acknowledged, nothing can be asked again). */
  close(): void {
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  get pendingMessages(): number {
    return this.pending.size;
  }

  private timer(key: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => this.giveUp(key), this.options.partTimeoutMs);
    timer.unref?.();
    return timer;
  }

  private evictOldestBeyond(limit: number): void {
    // Map order is insertion order: the first keys are the oldest.
    for (const key of this.pending.keys()) {
      if (this.pending.size <= Math.max(0, limit)) return;
      if (!this.pending.get(key)!.delivering) this.giveUp(key);
    }
  }

  private giveUp(key: string): void {
    const entry = this.pending.get(key);
    if (!entry || entry.delivering) return;
    clearTimeout(entry.timer);
    this.pending.delete(key);
    const seqs = [...entry.parts.keys()].sort((a, b) => a - b);
    const text = seqs.map((seq) => entry.parts.get(seq)!).join('');
    const sms: IncomingSms = { from: entry.from, to: entry.to, text, at: this.options.now(), partial: true };
    this.options.deliver(sms).then(
      () => this.options.onPartial?.(sms, false),
      () => this.options.onPartial?.(sms, true),
    );
  }
}
