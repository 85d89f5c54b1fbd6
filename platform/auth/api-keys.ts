// Supplier API keys: `emk_<keyId>_<secret>`, a short visible id to find the key by and 32 random bytes kept only as a hash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_KEY_PREFIX = 'emk_';

export interface NewApiKey {
  /** Shown in listings and logs, and used to revoke: 8 hex characters. */
  keyId: string;
  /** The whole key, shown once when created and never stored. */
  key: string;
  /** sha256 of the secret, hex: what the store keeps. A random 256-bit secret needs no salt or slow hash. */
  hash: string;
}

export function newApiKey(): NewApiKey {
  const keyId = randomBytes(4).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, key: `${API_KEY_PREFIX}${keyId}_${secret}`, hash: hashSecret(secret) };
}

export const isApiKey = (credential: string) => credential.startsWith(API_KEY_PREFIX);

/** The key's id and secret, or undefined when it is not shaped like one of ours. */
export function parseApiKey(key: string): { keyId: string; secret: string } | undefined {
  const match = /^emk_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/.exec(key);
  return match ? { keyId: match[1]!, secret: match[2]! } : undefined;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
