// Who is calling: nobody, a person signed in with a token (a shopper or staff), or a supplier's system with an API key.

/** What a person may do beyond their own account: staff run the catalog, stock, routes, the feed and reports. */
export type Role = 'shopper' | 'staff';

export const ROLES: readonly Role[] = ['shopper', 'staff'];

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'person'; userId: string; role: Role }
  | { kind: 'supplier'; supplierId: string; keyId: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** Resolves the credentials a request carries; each throws a 401 DomainError for one it does not accept. */
export interface Authenticator {
  /** A person's token (a JWT naming the user) into the user and their current role. */
  person(token: string): Promise<{ userId: string; role: Role }>;
  /** A supplier system's API key (`emk_<keyId>_<secret>`) into the supplier it writes for. */
  supplier(key: string): Promise<{ supplierId: string; keyId: string }>;
}
