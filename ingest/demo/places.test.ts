// Demo places are real postal codes with coordinates, and stock is deterministic per item.
import zipcodes from 'zipcodes';
import { describe, expect, it } from 'vitest';
import { demoPincodes, demoStock, demoWarehouses } from './places.ts';

describe('demo places', () => {
  it('picks real ZIP codes with their coordinates, enough for a 40k-pincode bench', () => {
    const pincodes = demoPincodes(40_000);
    expect(new Set(pincodes.map((p) => p.code)).size).toBe(40_000);
    for (const p of pincodes.slice(0, 500)) expect(zipcodes.lookup(p.code)?.latitude).toBe(p.lat);
  });

  it('puts warehouses in real cities, twelve by default and as many as asked', () => {
    const warehouses = demoWarehouses();
    expect(warehouses).toHaveLength(12);
    expect(warehouses.map((w) => zipcodes.lookup(w.pincode)?.city)).toContain('Chicago');
    expect(new Set(demoWarehouses(50).map((w) => w.id)).size).toBe(50);
  });

  it('stocks each item in one to three warehouses, the same on every call', () => {
    for (let i = 0; i < 200; i++) {
      const stock = demoStock(7, i, 12);
      expect(stock).toEqual(demoStock(7, i, 12));
      expect(stock.length).toBeGreaterThanOrEqual(1);
      expect(stock.length).toBeLessThanOrEqual(3);
      expect(new Set(stock.map((s) => s.warehouse)).size).toBe(stock.length);
    }
  });
});
