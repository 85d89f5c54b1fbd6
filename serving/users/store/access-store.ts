// The access store port: people's roles and suppliers' API keys, beside the users they belong with.
import type { Role } from '../../../platform/auth/principal.ts';
import type { Lifecycle } from '../../../platform/lifecycle.ts';

export interface ApiKeyRecord {
  keyId: string;
  supplierId: string;
  /** sha256 of the key's secret, hex. */
  secretHash: string;
  createdAt: number;
  /** Null while the key works. */
  revokedAt: number | null;
}

/** Where a supplier hears of its orders; either may be null (not told that way). */
export interface SupplierContact {
  email: string | null;
  phone: string | null;
}

export interface AccessStore extends Lifecycle {
  /** The user's role, or undefined when there is no such user. */
  roleOf(userId: string): Promise<Role | undefined>;
  /** Sets the role of the user with this (lower-cased) email; the user's id, or undefined when there is none. */
  setRole(email: string, role: Role): Promise<string | undefined>;
  /** Everyone with this role, by email. */
  withRole(role: Role): Promise<{ userId: string; email: string }[]>;
  addApiKey(key: Omit<ApiKeyRecord, 'revokedAt'>): Promise<void>;
  /** The key with this id, revoked or not; undefined when there never was one. */
  apiKey(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** Every key (of one supplier when given), oldest first. */
  apiKeys(supplierId?: string): Promise<ApiKeyRecord[]>;
  /** False when there is no such key or it was already revoked. */
  revokeApiKey(keyId: string, at: number): Promise<boolean>;
  /** Replaces the supplier's contact details. */
  setSupplierContact(supplierId: string, contact: SupplierContact, at: number): Promise<void>;
  /** Undefined when the supplier never gave any. */
  supplierContact(supplierId: string): Promise<SupplierContact | undefined>;
}
