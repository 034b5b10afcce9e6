import { createHash, verify, type KeyObject } from 'node:crypto';

/**
 * Verifies an rsa-sha256, relaxed/relaxed DKIM signature (RFC 6376 §3.4.2, §3.4.4, §3.7)
 * against a known public key, instead of a DNS lookup. Enough for what our signer emits;
 * written here because the full verifier (mailauth) needs Node 22.
 */
export function verifyDkim(raw: Buffer, publicKey: KeyObject): { valid: boolean; bodyHashMatches: boolean; tags: Record<string, string> } {
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const headerText = text.slice(0, split);
  const body = text.slice(split + 4);
  const fields = headerText.split(/\r\n(?![ \t])/).map((line) => ({ name: line.slice(0, line.indexOf(':')).trim().toLowerCase(), line }));

  const sigField = fields.find((f) => f.name === 'dkim-signature');
  if (!sigField) throw new Error('no DKIM-Signature header');
  const sigValue = relaxedValue(sigField.line);
  const tags = Object.fromEntries(
    sigValue.split(';').flatMap((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [] : [[part.slice(0, eq).trim(), part.slice(eq + 1).replace(/\s+/g, '')]];
    }),
  ) as Record<string, string>;
  if (tags.a !== 'rsa-sha256' || tags.c !== 'relaxed/relaxed') throw new Error(`unsupported a=${tags.a} c=${tags.c}`);

  const bodyHash = createHash('sha256').update(relaxedBody(body), 'latin1').digest('base64');

  // Each name in h= takes the next instance of that field from the bottom up.
  const used = new Set<number>();
  const signed = (tags.h ?? '').split(':').map((name) => {
    const n = name.trim().toLowerCase();
    for (let i = fields.length - 1; i >= 0; i--) {
      if (fields[i]!.name === n && !used.has(i) && fields[i] !== sigField) {
        used.add(i);
        return `${n}:${relaxedValue(fields[i]!.line)}\r\n`;
      }
    }
    return ''; // a listed field that is absent is signed as nothing
  });
  const sigWithoutB = `dkim-signature:${sigValue.replace(/(^|;\s*)b=[^;]*/, '$1b=')}`;
  const data = Buffer.from(signed.join('') + sigWithoutB, 'latin1');
  const valid = verify('sha256', data, publicKey, Buffer.from(tags.b ?? '', 'base64'));
  return { valid: valid && bodyHash === tags.bh, bodyHashMatches: bodyHash === tags.bh, tags };
}

function relaxedValue(line: string): string {
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}
