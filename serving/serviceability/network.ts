// The delivery network: warehouses and pincodes joined through courier hubs by routes that each carry
// some item classes and take some time.
import type { ItemClass } from '../catalog/taxonomy.ts';

export interface Place {
  id: string;
  lat: number;
  lon: number;
}

export interface Route {
  id: string;
  courier: string;
  /** A warehouse, hub or pincode id: first mile warehouse → hub, linehaul hub → hub, last mile hub → pincode. */
  from: string;
  to: string;
  minutes: number;
  /** The item classes this route can carry (no large appliances by air, cold chain only in reefers...). */
  classes: ItemClass[];
}

export interface Network {
  warehouses: Place[];
  hubs: Place[];
  /** Pincode ids are the postal codes themselves. */
  pincodes: Place[];
  routes: Route[];
}

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
