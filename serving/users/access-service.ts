// Roles and supplier API keys: resolves credentials for the authenticator and makes staff and keys for the CLI.
import { LRUCache } from 'lru-cache';
import { newApiKey, parseApiKey, secretMatches } from '../../platform/auth/api-keys.ts';
import type { Authenticator, Role } from '../../platform/auth/principal.ts';
import type { Tokens } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import type { AccessStore, ApiKeyRecord, SupplierContact } from './store/access-store.ts';

/**
 * How long a role or a key's verdict is reused without asking the store: a role given or a key revoked
 * by another process (the CLI) takes effect within this; in this process at once.
 */
export const ACCESS_CACHE_MS = 30_000;

export interface ApiKeyListing {
  keyId: string;
  supplierId: string;
  createdAt: number;
  revokedAt: number | null;
}

const badKey = () => new DomainError('unauthenticated', 'authorization', 'the API key is not valid or was revoked');

export class AccessService implements Authenticator {
  private readonly roles = new LRUCache<string, { role: Role; at: number }>({ max: 100_000 });
  private readonly keys = new LRUCache<string, { supplierId: string; keyId: string; at: number }>({ max: 10_000 });

  constructor(private readonly deps: { store: AccessStore; tokens: Tokens; clock: Clock }) {}

  async person(token: string): Promise<{ userId: string; role: Role }> {
    const userId = await this.deps.tokens.userIdOf(token);
    const now = this.deps.clock();
    const known = this.roles.get(userId);
    if (known && now - known.at < ACCESS_CACHE_MS) return { userId, role: known.role };
    const role = await this.deps.store.roleOf(userId);
    // A token of a user who is no more (deleted by hand) names no one.
    if (!role) throw new DomainError('unauthenticated', 'authorization', 'sign in again: the account is gone');
    this.roles.set(userId, { role, at: now });
    return { userId, role };
  }

  async supplier(key: string): Promise<{ supplierId: string; keyId: string }> {
    const now = this.deps.clock();
    const known = this.keys.get(key);
    if (known && now - known.at < ACCESS_CACHE_MS) return { supplierId: known.supplierId, keyId: known.keyId };
    const parsed = parseApiKey(key);
    if (!parsed) throw badKey();
    const stored = await this.deps.store.apiKey(parsed.keyId);
    if (!stored || stored.revokedAt !== null || !secretMatches(parsed.secret, stored.secretHash)) throw badKey();
    this.keys.set(key, { supplierId: stored.supplierId, keyId: stored.keyId, at: now });
    return { supplierId: stored.supplierId, keyId: stored.keyId };
  }

  /** Gives the user with this email a role; a 404 on `email` when there is no such user. */
  async setRole(email: string, role: Role): Promise<string> {
    const userId = await this.deps.store.setRole(email.trim().toLowerCase(), role);
    if (!userId) throw notFound('email', `no user with email ${email}: sign up first`);
    this.roles.delete(userId);
    return userId;
  }

  staff = () => this.deps.store.withRole('staff');

  /** A new key for the supplier: the whole key is in this answer only. */
  async createKey(supplierId: string): Promise<{ keyId: string; supplierId: string; key: string }> {
    const made = newApiKey();
    await this.deps.store.addApiKey({
      keyId: made.keyId,
      supplierId,
      secretHash: made.hash,
      createdAt: this.deps.clock(),
    });
    return { keyId: made.keyId, supplierId, key: made.key };
  }

  async revokeKey(keyId: string): Promise<void> {
    if (!(await this.deps.store.revokeApiKey(keyId, this.deps.clock())))
      throw notFound('keyId', `no working API key ${keyId}`);
    for (const [key, entry] of this.keys.entries()) if (entry.keyId === keyId) this.keys.delete(key);
  }

  async listKeys(supplierId?: string): Promise<ApiKeyListing[]> {
    return (await this.deps.store.apiKeys(supplierId)).map(
      ({ secretHash: _hash, ...listing }: ApiKeyRecord) => listing,
    );
  }

  setSupplierContact(supplierId: string, contact: SupplierContact): Promise<void> {
    return this.deps.store.setSupplierContact(supplierId, contact, this.deps.clock());
  }

  /** The supplier's contact details; nulls when it gave none. */
  async supplierContact(supplierId: string): Promise<SupplierContact> {
    return (await this.deps.store.supplierContact(supplierId)) ?? { email: null, phone: null };
  }
}
