import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the binding's `Algorithm.Argon2id`, a const enum) with OWASP's cost: 19 MiB, 2 passes. */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** A hash of nothing anyone knows: verified when the email is unknown, so both cases take as long. */
const DECOY_HASH = hashPassword(randomBytes(16).toString('hex'));

/** Whether `password` matches `storedHash`; with no stored hash, spends the same time and says no. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? (await DECOY_HASH), password);
  } catch {
    return false;
  }
}

/** A random secret for a cookie or an API token, with a prefix that says what it is. */
export function newSecret(prefix: 'pan_s' | 'pan_t'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What is stored of a session or API token: its SHA-256, never the secret itself. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A password for a demo account: readable, and long enough. */
export function newPassword(): string {
  return randomBytes(12).toString('base64url');
}
