// Real US postal codes with coordinates (the `zipcodes` package), demo warehouses in big cities, and their stock.
import zipcodes from 'zipcodes';
import { randomFor, STREAMS } from './random.ts';

/** A delivery postal code ("pincode" in the design) with its location. */
export interface Pincode {
  code: string;
  lat: number;
  lon: number;
  city: string;
  state: string;
}

export interface Warehouse {
  id: string;
  name: string;
  pincode: string;
  lat: number;
  lon: number;
}

let usCodes: Pincode[] | undefined;

/** Every US ZIP code the package knows (about 42,500), sorted by code. */
export function allPincodes(): Pincode[] {
  usCodes ??= Object.values(zipcodes.codes)
    .filter((z) => z.country === 'US' && Number.isFinite(z.latitude) && Number.isFinite(z.longitude))
    .map((z) => ({ code: z.zip, lat: z.latitude, lon: z.longitude, city: z.city, state: z.state }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return usCodes;
}

/** `count` ZIP codes spread evenly over the country (every k-th in code order, which follows geography). */
export function demoPincodes(count: number): Pincode[] {
  const all = allPincodes();
  if (count >= all.length) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
}

// Fulfilment centres near the largest metros, so most of the country is within a few days.
const CITY_ZIPS = [
  '07102',
  '60601',
  '90012',
  '75201',
  '30303',
  '98101',
  '80202',
  '85003',
  '33128',
  '02108',
  '55401',
  '64105',
];

/** The first twelve sit in big cities; more (for benches) are spread over the country deterministically. */
export function demoWarehouses(count = CITY_ZIPS.length): Warehouse[] {
  const spread = demoPincodes(Math.max(0, count - CITY_ZIPS.length) + 1);
  const zips = [...CITY_ZIPS, ...spread.map((p) => p.code)].slice(0, count);
  return zips.map((zip, i) => {
    const place = zipcodes.lookup(zip)!;
    return {
      id: `wh-${String(i + 1).padStart(2, '0')}-${place.city.toLowerCase().replaceAll(/[^a-z]+/g, '-')}`,
      name: `${place.city} fulfilment centre`,
      pincode: zip,
      lat: place.latitude,
      lon: place.longitude,
    };
  });
}

/**
 * Where item `itemIndex` is stocked and how many: one to three warehouses, usually some units, sometimes none,
 * so search has sold-out and far-away items to hide.
 */
export function demoStock(
  seed: number,
  itemIndex: number,
  warehouses: number,
): { warehouse: number; available: number }[] {
  const r = randomFor(seed, STREAMS.stock, itemIndex);
  const home = r.int(0, warehouses - 1);
  const spread = r.int(1, Math.min(3, warehouses));
  return Array.from({ length: spread }, (_, k) => ({
    warehouse: (home + k * 5) % warehouses,
    available: r.chance(0.05) ? 0 : r.int(1, 60),
  }));
}
