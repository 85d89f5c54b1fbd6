// The user service: sign-up, sign-in, profile and addresses. The one writer of the users database.
import type { Tokens } from '../../platform/auth/tokens.ts';
import type { Clock, NewId } from '../../platform/clock.ts';
import { DomainError, notFound, Throttled } from '../../platform/errors.ts';
import { hashPassword, NO_ACCOUNT_HASH, verifyPassword } from './password.ts';
import { SignInThrottle } from './sign-in-throttle.ts';
import type { UserStore } from './store/user-store.ts';
import type { Address, NewAddress, User } from './user.ts';

export interface SignedIn {
  userId: string;
  token: string;
}

export class UserService {
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly deps: { store: UserStore; tokens: Tokens; clock: Clock; newId: NewId; throttle?: SignInThrottle },
  ) {
    this.throttle = deps.throttle ?? new SignInThrottle(deps.clock);
  }

  async register(input: { email: string; password: string; name: string }): Promise<SignedIn & { user: User }> {
    const userId = this.deps.newId();
    const email = input.email.trim().toLowerCase();
    await this.deps.store.create({
      userId,
      email,
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password),
      at: this.deps.clock(),
    });
    return { userId, token: await this.deps.tokens.issue(userId, this.deps.clock()), user: await this.get(userId) };
  }

  /**
   * One answer, in the same time, for an unknown email and a wrong password, so sign-in does not reveal
   * who has an account; `address` is the client's, for the throttle (see sign-in-throttle.ts).
   */
  async signIn(input: { email: string; password: string }, address = 'unknown'): Promise<SignedIn> {
    const email = input.email.trim().toLowerCase();
    const waitMs = this.throttle.waitMs(email, address);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new Throttled('password', `too many wrong passwords: try again in ${seconds} s`, seconds);
    }
    const found = await this.deps.store.credentials(email);
    const matches = await verifyPassword(input.password, found?.passwordHash ?? NO_ACCOUNT_HASH);
    if (!found || !matches) {
      this.throttle.failed(email, address);
      throw new DomainError('unauthenticated', 'password', 'wrong email or password');
    }
    this.throttle.succeeded(email, address);
    return { userId: found.userId, token: await this.deps.tokens.issue(found.userId, this.deps.clock()) };
  }

  async get(userId: string): Promise<User> {
    const user = await this.deps.store.get(userId);
    if (!user) throw notFound('userId', `no user with id ${userId}`);
    return user;
  }

  /** The pincode deliveries to this shopper are promised for, or undefined before they add an address. */
  async defaultPincode(userId: string): Promise<string | undefined> {
    const user = await this.get(userId);
    return user.addresses.find((a) => a.addressId === user.defaultAddressId)?.pincode;
  }

  async rename(userId: string, name: string): Promise<User> {
    if (!(await this.deps.store.rename(userId, name.trim(), this.deps.clock())))
      throw notFound('userId', `no user with id ${userId}`);
    return this.get(userId);
  }

  async addAddress(
    userId: string,
    address: NewAddress,
    makeDefault: boolean,
  ): Promise<{ address: Address; user: User }> {
    const added: Address = { addressId: this.deps.newId(), ...address };
    if (!(await this.deps.store.addAddress(userId, added, makeDefault, this.deps.clock())))
      throw notFound('userId', `no user with id ${userId}`);
    return { address: added, user: await this.get(userId) };
  }

  async removeAddress(userId: string, addressId: string): Promise<User> {
    if (!(await this.deps.store.removeAddress(userId, addressId, this.deps.clock())))
      throw notFound('addressId', `you have no address ${addressId}`);
    return this.get(userId);
  }

  async setDefaultAddress(userId: string, addressId: string): Promise<User> {
    if (!(await this.deps.store.setDefaultAddress(userId, addressId, this.deps.clock())))
      throw notFound('addressId', `you have no address ${addressId}`);
    return this.get(userId);
  }
}
