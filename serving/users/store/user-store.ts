// The user store port: the source of truth for shoppers, their credentials and addresses.
import type { Lifecycle } from '../../../platform/lifecycle.ts';
import type { Address, User } from '../user.ts';

export interface NewUser {
  userId: string;
  email: string;
  name: string;
  passwordHash: string;
  at: number;
}

export interface UserReads {
  /** The user with their addresses, or undefined. */
  get(userId: string): Promise<User | undefined>;
}

export interface UserStore extends UserReads, Lifecycle {
  /** Throws a 409 conflict on `email` when the address is taken. */
  create(user: NewUser): Promise<void>;
  /** The credentials for signing in, found by (lower-cased) email. */
  credentials(email: string): Promise<{ userId: string; passwordHash: string } | undefined>;
  /** False when there is no such user. */
  rename(userId: string, name: string, at: number): Promise<boolean>;
  /** Adds an address; the first one, or one asked to be, becomes the default. False when there is no such user. */
  addAddress(userId: string, address: Address, makeDefault: boolean, at: number): Promise<boolean>;
  /** Removes an address of this user; a removed default passes to the oldest remaining address. */
  removeAddress(userId: string, addressId: string, at: number): Promise<boolean>;
  /** False when the address is not this user's. */
  setDefaultAddress(userId: string, addressId: string, at: number): Promise<boolean>;
}
