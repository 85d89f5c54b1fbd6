// Deterministic demo shoppers with real addresses, so a demo sign-in and a delivery promise work at once.
import { randomFor, STREAMS } from './random.ts';
import { demoPincodes } from './places.ts';

export interface DemoUser {
  email: string;
  name: string;
  /** Demo accounts only: the password is printed by `emporium seed` so people can sign in. */
  password: string;
  addresses: { label: string; line1: string; city: string; state: string; pincode: string; isDefault: boolean }[];
}

const FIRST = ['Ava', 'Liam', 'Maya', 'Noah', 'Priya', 'Mateo', 'Zoe', 'Omar', 'Chloe', 'Ethan', 'Aisha', 'Lucas'];
const LAST = ['Garcia', 'Smith', 'Patel', 'Kim', 'Johnson', 'Nguyen', 'Brown', 'Martinez', 'Lee', 'Walker'];
const STREETS = ['Maple Ave', 'Oak St', 'Cedar Ln', 'Main St', 'Park Blvd', 'Lakeview Dr', 'Elm St'];
const PLACES = demoPincodes(2000);

export const DEMO_PASSWORD = 'emporium-demo';

export function demoUser(seed: number, index: number): DemoUser {
  const r = randomFor(seed, STREAMS.users, index);
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const address = (label: string, isDefault: boolean) => {
    const place = r.pick(PLACES);
    return {
      label,
      line1: `${r.int(1, 9999)} ${r.pick(STREETS)}`,
      city: place.city,
      state: place.state,
      pincode: place.code,
      isDefault,
    };
  };
  return {
    email: `${first}.${last}.${index}@demo.emporium.example`.toLowerCase(),
    name: `${first} ${last}`,
    password: DEMO_PASSWORD,
    addresses: r.chance(0.3) ? [address('home', true), address('work', false)] : [address('home', true)],
  };
}
