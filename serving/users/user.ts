// A shopper as the rest of the shop sees them: profile and addresses, never the password hash.

export interface Address {
  addressId: string;
  label: string;
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  /** A real postal code (US ZIP in the demo data); search and delivery promises are computed for it. */
  pincode: string;
  phone: string | null;
}

export type NewAddress = Omit<Address, 'addressId'>;

export interface User {
  userId: string;
  email: string;
  name: string;
  addresses: Address[];
  /** Null until the shopper has an address. */
  defaultAddressId: string | null;
  createdAt: number;
  updatedAt: number;
}
