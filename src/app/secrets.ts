import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';

/** 256 random bits, URL-safe. Used for session ids, one-time links and API token secrets. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** High-entropy secrets are stored as SHA-256: a slow hash adds nothing when the input cannot be guessed. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

// argon2id with the library's defaults (64 MiB, t=3): OWASP's recommended family for passwords.
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Without a hash we still spend the same time, so response timing does not reveal which emails exist.
  const target = hash ?? (await dummyHash);
  const ok = await argon2.verify(target, password).catch(() => false);
  return hash !== null && ok;
}

const dummyHash = hashPassword(randomSecret());

