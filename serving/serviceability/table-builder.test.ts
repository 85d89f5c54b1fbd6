import { describe, expect, it } from 'vitest';
import { demoNetwork } from '../../ingest/demo/network.ts';
import { demoPincodes } from '../../ingest/demo/places.ts';
import { ITEM_CLASSES, type ItemClass } from '../catalog/taxonomy.ts';
import type { Network, Route } from './network.ts';
import { TableBuilder, type RouteChange } from './table-builder.ts';
import { TatTable } from './tat-table.ts';

const route = (from: string, to: string, minutes: number, classes: ItemClass[]): Route => ({
  id: `${from}>${to}`,
  courier: 'test',
  from,
  to,
  minutes,
  classes,
});
const place = (id: string) => ({ id, lat: 0, lon: 0 });
const ALL: ItemClass[] = [...ITEM_CLASSES];

// Two warehouses; P2 is reached over a fast road that takes no cold goods, or a slow reefer that does.
const small: Network = {
  warehouses: [place('W1'), place('W2')],
  hubs: [place('H1'), place('H2'), place('H3')],
  pincodes: [place('10001'), place('20002'), place('30003')],
  routes: [
    route('W1', 'H1', 60, ALL),
    route('W2', 'H3', 30, ['standard']),
    route('H1', 'H2', 120, ['standard', 'large', 'fragile']),
    route('H1', 'H3', 200, ['cold', 'standard']),
    route('H3', 'H2', 100, ['cold', 'standard']),
    route('H1', '10001', 30, ALL),
    route('H2', '20002', 45, ['standard', 'cold']),
  ],
};

const tat = (table: TatTable, warehouse: string, pincode: string, itemClass: ItemClass) =>
  table.tat(table.warehouse(warehouse)!, table.pincode(pincode)!, ITEM_CLASSES.indexOf(itemClass));

describe('serviceability table', () => {
  it('takes the shortest path per item class, over routes that carry that class only', () => {
    const table = new TableBuilder(small).build();
    expect(tat(table, 'W1', '10001', 'standard')).toBe(90);
    expect(tat(table, 'W1', '20002', 'standard')).toBe(60 + 120 + 45);
    // Cold cannot take the fast road: it goes round by the reefer through H3.
    expect(tat(table, 'W1', '20002', 'cold')).toBe(60 + 200 + 100 + 45);
    // Large reaches H2 but the last mile to 20002 takes no large items.
    expect(tat(table, 'W1', '20002', 'large')).toBeUndefined();
    expect(tat(table, 'W2', '20002', 'standard')).toBe(30 + 100 + 45);
    // No route ends at 30003 at all.
    expect(tat(table, 'W1', '30003', 'standard')).toBeUndefined();
  });

  it('picks the fastest of the warehouses that hold stock', () => {
    const table = new TableBuilder(small).build();
    const p = table.pincode('20002')!;
    expect(table.fastest(p, 0, [0, 1])).toEqual({ warehouse: 1, minutes: 175 });
    expect(table.fastest(p, 0, [0])).toEqual({ warehouse: 0, minutes: 225 });
    expect(table.fastest(p, ITEM_CLASSES.indexOf('large'), [0, 1])).toBeUndefined();
  });

  it('round-trips through its file format', () => {
    const table = new TableBuilder(small).build();
    const copy = TatTable.fromBuffer(table.toBuffer());
    expect([...copy.minutes]).toEqual([...table.minutes]);
    expect(tat(copy, 'W1', '20002', 'cold')).toBe(405);
  });

  it('gives, after any single route change applied incrementally, exactly the table of a full rebuild', () => {
    const network = demoNetwork({ warehouses: 5, pincodes: demoPincodes(3000) });
    const pick = (courier: string) => network.routes.find((r) => r.courier === courier)!;
    const changes: RouteChange[] = [
      { routeId: pick('roadrunner').id, minutes: pick('roadrunner').minutes * 4 },
      { routeId: pick('skyfreight').id, minutes: 1 },
      { routeId: pick('frostline').id, removed: true },
      { routeId: pick('lastmile').id, classes: ['standard'] },
      { routeId: pick('first-mile').id, removed: true },
    ];
    const builder = new TableBuilder(network);
    const table = builder.build();
    let routes = network.routes;
    let changed = 0;
    for (const change of changes) {
      changed += builder.applyRouteChange(change);
      routes = routes.flatMap((r) =>
        r.id !== change.routeId ? [r] : 'removed' in change ? [] : [{ ...r, ...change }],
      );
      const rebuilt = new TableBuilder({ ...network, routes }).build();
      expect(
        Buffer.from(table.minutes.buffer).equals(Buffer.from(rebuilt.minutes.buffer)),
        `after ${JSON.stringify(change)}`,
      ).toBe(true);
    }
    expect(changed).toBeGreaterThan(0);
  });
});
