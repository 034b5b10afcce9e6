/**
 * VERP (variable envelope return path): each message goes out with its own return path,
 * `bounces+<attemptId>@mail.example.com`, so a bounce names the attempt it is about even
 * when the bounce itself is unreadable.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `bounces@mail.example.com` + attempt id → `bounces+<attemptId>@mail.example.com`. */
export function verpAddress(bounceAddress: string, attemptId: string): string {
  if (!UUID.test(attemptId)) throw new Error('a VERP attempt id must be a UUID');
  const { local, domain } = splitBounceAddress(bounceAddress);
  return `${local}+${attemptId.toLowerCase()}@${domain}`;
}

/** The attempt id in a VERP recipient of this bounce address, or null when there is none or it is not a UUID. */
export function parseVerp(bounceAddress: string, recipient: string): string | null {
  const tag = tagOf(bounceAddress, recipient);
  return tag !== undefined && UUID.test(tag) ? tag.toLowerCase() : null;
}

/** Whether a recipient is the bounce address, with or without a `+tag` (local part and domain compared without case). */
export function isBounceRecipient(bounceAddress: string, recipient: string): boolean {
  return tagOf(bounceAddress, recipient) !== undefined;
}

/** The recipient's tag: '' for the bare bounce address, undefined when it is another address. */
function tagOf(bounceAddress: string, recipient: string): string | undefined {
  const bounce = splitBounceAddress(bounceAddress);
  const at = recipient.trim().replace(/^<|>$/g, '').lastIndexOf('@');
  if (at <= 0) return undefined;
  const address = recipient.trim().replace(/^<|>$/g, '');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (domain.toLowerCase() !== bounce.domain.toLowerCase()) return undefined;
  const plus = local.indexOf('+');
  const base = plus === -1 ? local : local.slice(0, plus);
  if (base.toLowerCase() !== bounce.local.toLowerCase()) return undefined;
  return plus === -1 ? '' : local.slice(plus + 1);
}

function splitBounceAddress(bounceAddress: string): { local: string; domain: string } {
  const at = bounceAddress.lastIndexOf('@');
  const local = bounceAddress.slice(0, at);
  const domain = bounceAddress.slice(at + 1);
  if (at <= 0 || domain === '' || local.includes('+') || /[\s<>@]/.test(local) || /[\s<>@]/.test(domain)) {
    throw new Error('the bounce address must be a plain local@domain address without a +tag');
  }
  return { local, domain };
}
