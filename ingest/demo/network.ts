// A demo delivery network over real places: one hub per 3-digit ZIP prefix (the US sectional centres),
// road linehaul to nearby hubs, air between gateway hubs, a regional cold chain, and last mile from
// each pincode's own hub. Every route's classes and times follow from distance, so the result is the
// same on every run.
import type { ItemClass } from '../../serving/catalog/taxonomy.ts';
import { distanceKm, type Network, type Place, type Route } from '../../serving/serviceability/network.ts';
import { allPincodes, demoWarehouses, type Pincode } from './places.ts';

const ROAD: ItemClass[] = ['standard', 'large', 'fragile'];
const AIR: ItemClass[] = ['standard', 'fragile'];
const LAST_MILE: ItemClass[] = ['standard', 'fragile', 'cold'];
const GATEWAYS = 16;
const COLD_REACH_KM = 450;
const ROAD_REACH_KM = 900;
const LARGE_LAST_MILE_KM = 80;

const minutes = (fixed: number, km: number, kmPerHour: number) => Math.round(fixed * 60 + (km / kmPerHour) * 60);

export function demoNetwork(options: { warehouses?: number; pincodes?: Pincode[] } = {}): Network {
  const pincodes = options.pincodes ?? allPincodes();
  const hubs = hubsOf(pincodes);
  const hubById = new Map(hubs.map((h) => [h.id, h]));
  const routes: Route[] = [];
  const ids = new Set<string>();
  const add = (courier: string, from: Place, to: Place, mins: number, classes: ItemClass[]) => {
    const id = `${courier}:${from.id}>${to.id}`;
    if (!ids.has(id)) routes.push({ id, courier, from: from.id, to: to.id, minutes: mins, classes });
    ids.add(id);
  };

  const warehouses = demoWarehouses(options.warehouses).map((w) => ({
    id: w.id,
    lat: w.lat,
    lon: w.lon,
    pincode: w.pincode,
  }));
  for (const w of warehouses) {
    const hub = hubById.get(hubIdOf(w.pincode)) ?? nearest(w, hubs, 1)[0]!;
    add('first-mile', w, hub, minutes(2, distanceKm(w, hub), 40), [...ROAD, 'cold']);
  }
  // Roads run both ways between near hubs; none crosses an ocean.
  for (const hub of hubs) {
    for (const near of nearest(hub, hubs, 4).filter((n) => distanceKm(hub, n) <= ROAD_REACH_KM)) {
      const mins = minutes(4, distanceKm(hub, near), 55);
      add('roadrunner', hub, near, mins, ROAD);
      add('roadrunner', near, hub, mins, ROAD);
    }
    for (const near of nearest(hub, hubs, 3).filter((n) => distanceKm(hub, n) <= COLD_REACH_KM)) {
      const mins = minutes(6, distanceKm(hub, near), 50);
      add('frostline', hub, near, mins, ['cold']);
      add('frostline', near, hub, mins, ['cold']);
    }
  }
  const gateways = gatewaysOf(
    hubs,
    routes.filter((r) => r.courier === 'roadrunner'),
  );
  for (const a of gateways)
    for (const b of gateways) if (a !== b) add('skyfreight', a, b, minutes(10, distanceKm(a, b), 700), AIR);
  for (const pin of pincodes) {
    const hub = hubById.get(hubIdOf(pin.code))!;
    const km = distanceKm(hub, pin);
    add(
      'lastmile',
      hub,
      { id: pin.code, lat: pin.lat, lon: pin.lon },
      minutes(6, km, 35),
      km <= LARGE_LAST_MILE_KM ? [...LAST_MILE, 'large'] : LAST_MILE,
    );
  }
  return {
    warehouses: warehouses.map(({ id, lat, lon }) => ({ id, lat, lon })),
    hubs,
    pincodes: pincodes.map((p) => ({ id: p.code, lat: p.lat, lon: p.lon })),
    routes,
  };
}

const hubIdOf = (pincode: string) => `hub-${pincode.slice(0, 3)}`;

/**
 * Evenly spread airports, plus one in every region the roads do not join to the rest (Hawaii, Alaska,
 * Puerto Rico...), so every hub is reachable by some route.
 */
function gatewaysOf(hubs: Place[], roads: Route[]): Place[] {
  const parent = new Map(hubs.map((h) => [h.id, h.id]));
  const root = (id: string): string => {
    const up = parent.get(id)!;
    if (up === id) return id;
    const top = root(up);
    parent.set(id, top);
    return top;
  };
  for (const r of roads) parent.set(root(r.from), root(r.to));
  const gateways = hubs.filter((_, i) => i % Math.ceil(hubs.length / GATEWAYS) === 0);
  const served = new Set(gateways.map((g) => root(g.id)));
  for (const hub of hubs) {
    if (served.has(root(hub.id))) continue;
    served.add(root(hub.id));
    gateways.push(hub);
  }
  return gateways;
}

/** One hub per 3-digit prefix, at the centre of its pincodes. */
function hubsOf(pincodes: Pincode[]): Place[] {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const p of pincodes) {
    const s = sums.get(hubIdOf(p.code)) ?? { lat: 0, lon: 0, n: 0 };
    sums.set(hubIdOf(p.code), { lat: s.lat + p.lat, lon: s.lon + p.lon, n: s.n + 1 });
  }
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, s]) => ({ id, lat: s.lat / s.n, lon: s.lon / s.n }));
}

function nearest(from: { lat: number; lon: number }, places: Place[], k: number): Place[] {
  return places
    .filter((p) => p !== from)
    .map((p) => ({ p, km: distanceKm(from, p) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, k)
    .map((x) => x.p);
}
