// Builds the serviceability table from the network: per item class and warehouse, shortest paths over
// the hubs (Dijkstra on the routes that carry the class), then each pincode's best last mile. Keeps the
// hub distances so a single route change updates only the cells it can affect.
import FlatQueue from 'flatqueue';
import { noProgress, type Progress } from '../../platform/progress.ts';
import { ITEM_CLASSES, type ItemClass } from '../catalog/taxonomy.ts';
import type { Network, Route } from './network.ts';
import { TatTable, UNREACHABLE } from './tat-table.ts';

/** Edges of one kind for one class, grouped by their start (compressed sparse rows). */
interface Edges {
  start: Int32Array;
  to: Int32Array;
  minutes: Float64Array;
}

export type RouteChange = { routeId: string } & ({ minutes?: number; classes?: Route['classes'] } | { removed: true });

export class TableBuilder {
  private readonly hubIndex: Map<string, number>;
  private readonly warehouseIndex: Map<string, number>;
  private readonly pincodeIndex: Map<string, number>;
  private readonly routes: Map<string, Route>;
  /** Per class: hub → hub, warehouse → hub, hub → pincode (and its reverse, pincode → hub). */
  private readonly graph: { linehaul: Edges; firstMile: Edges; lastMile: Edges; lastMileIn: Edges }[];
  /** Per class and warehouse: minutes to every hub. */
  private hubMinutes: Float64Array[][] = [];
  private readonly built: TatTable;

  constructor(private readonly network: Network) {
    this.hubIndex = new Map(network.hubs.map((h, i) => [h.id, i]));
    this.warehouseIndex = new Map(network.warehouses.map((w, i) => [w.id, i]));
    this.pincodeIndex = new Map(network.pincodes.map((p, i) => [p.id, i]));
    this.routes = new Map(network.routes.map((r) => [r.id, r]));
    this.built = TatTable.empty(
      network.warehouses.map((w) => w.id),
      network.pincodes.map((p) => p.id),
    );
    this.graph = ITEM_CLASSES.map((c) => this.edgesOf(c));
  }

  /** The table this builder fills (empty until build()). */
  table(): TatTable {
    return this.built;
  }

  /** Computes every cell; progress counts (class, warehouse) pairs. */
  build(progress: Progress = noProgress): TatTable {
    const warehouses = this.network.warehouses.length;
    progress.setTotal(ITEM_CLASSES.length * warehouses);
    this.hubMinutes = ITEM_CLASSES.map((_, c) =>
      Array.from({ length: warehouses }, (__, w) => {
        const minutes = this.shortestToHubs(c, w);
        this.fillPincodes(c, w, minutes);
        progress.increment();
        return minutes;
      }),
    );
    progress.stop();
    return this.built;
  }

  /**
   * Applies one route change to the built table: a last-mile change recomputes that pincode's cells; any
   * other recomputes hub distances and then only the pincodes behind hubs whose distance moved.
   * Answers how many cells changed.
   */
  applyRouteChange(change: RouteChange): number {
    if (this.hubMinutes.length === 0) throw new Error('build the table before changing routes');
    const route = this.routes.get(change.routeId);
    if (!route) throw new Error(`no route ${change.routeId}`);
    const updated = 'removed' in change ? undefined : { ...route, ...change };
    if (updated) this.routes.set(route.id, updated);
    else this.routes.delete(route.id);
    const classes = new Set([...route.classes, ...(updated?.classes ?? [])]);
    // A new time on the same route patches its edges in place; anything else regroups the classes it touches.
    const onlyTime = updated !== undefined && updated.classes.join() === route.classes.join();
    for (const itemClass of classes) {
      const c = ITEM_CLASSES.indexOf(itemClass);
      if (onlyTime) this.retime(c, updated);
      else this.graph[c] = this.edgesOf(itemClass);
    }

    let changed = 0;
    const pincode = this.pincodeIndex.get(route.to);
    for (const itemClass of classes) {
      const c = ITEM_CLASSES.indexOf(itemClass);
      for (let w = 0; w < this.network.warehouses.length; w++) {
        if (pincode !== undefined) {
          if (this.fillPincode(c, w, pincode, this.hubMinutes[c]![w]!)) changed++;
          continue;
        }
        const old = this.hubMinutes[c]![w]!;
        const next = this.shortestToHubs(c, w);
        this.hubMinutes[c]![w] = next;
        const { start, to } = this.graph[c]!.lastMile;
        for (let h = 0; h < next.length; h++) {
          if (next[h] === old[h]) continue;
          for (let e = start[h]!; e < start[h + 1]!; e++) if (this.fillPincode(c, w, to[e]!, next)) changed++;
        }
      }
    }
    return changed;
  }

  /** Sets the new time on the route's edges of class c (and the reverse last-mile edge). */
  private retime(c: number, route: Route): void {
    const graph = this.graph[c]!;
    const set = (edges: Edges, from: number | undefined, to: number | undefined) => {
      if (from === undefined || to === undefined) return;
      for (let e = edges.start[from]!; e < edges.start[from + 1]!; e++)
        if (edges.to[e] === to) edges.minutes[e] = route.minutes;
    };
    const [fromHub, toHub] = [this.hubIndex.get(route.from), this.hubIndex.get(route.to)];
    const toPincode = this.pincodeIndex.get(route.to);
    set(graph.linehaul, fromHub, toHub);
    set(graph.firstMile, this.warehouseIndex.get(route.from), toHub);
    set(graph.lastMile, fromHub, toPincode);
    set(graph.lastMileIn, toPincode, fromHub);
  }

  private shortestToHubs(c: number, w: number): Float64Array {
    const { linehaul, firstMile } = this.graph[c]!;
    const minutes = new Float64Array(this.network.hubs.length).fill(Infinity);
    const queue = new FlatQueue<number>();
    for (let e = firstMile.start[w]!; e < firstMile.start[w + 1]!; e++) {
      const hub = firstMile.to[e]!;
      if (firstMile.minutes[e]! < minutes[hub]!) {
        minutes[hub] = firstMile.minutes[e]!;
        queue.push(hub, minutes[hub]);
      }
    }
    while (queue.length > 0) {
      const at = queue.peekValue()!;
      const hub = queue.pop()!;
      if (at > minutes[hub]!) continue;
      for (let e = linehaul.start[hub]!; e < linehaul.start[hub + 1]!; e++) {
        const next = linehaul.to[e]!;
        const through = at + linehaul.minutes[e]!;
        if (through < minutes[next]!) {
          minutes[next] = through;
          queue.push(next, through);
        }
      }
    }
    return minutes;
  }

  private fillPincodes(c: number, w: number, hubMinutes: Float64Array): void {
    for (let p = 0; p < this.network.pincodes.length; p++) this.fillPincode(c, w, p, hubMinutes);
  }

  /** Writes one cell; true when its value changed. */
  private fillPincode(c: number, w: number, p: number, hubMinutes: Float64Array): boolean {
    const { lastMileIn } = this.graph[c]!;
    let best = Infinity;
    for (let e = lastMileIn.start[p]!; e < lastMileIn.start[p + 1]!; e++) {
      best = Math.min(best, hubMinutes[lastMileIn.to[e]!]! + lastMileIn.minutes[e]!);
    }
    const at = this.built.offset(c, p, w);
    const value = best >= UNREACHABLE ? UNREACHABLE : Math.ceil(best);
    if (this.built.minutes[at] === value) return false;
    this.built.minutes[at] = value;
    return true;
  }

  /** Groups the routes that carry a class by kind into compact arrays; a route's ends decide its kind. */
  private edgesOf(itemClass: ItemClass) {
    const linehaul: [number, number, number][] = [];
    const firstMile: [number, number, number][] = [];
    const lastMile: [number, number, number][] = [];
    for (const r of this.routes.values()) {
      if (!r.classes.includes(itemClass)) continue;
      const fromHub = this.hubIndex.get(r.from);
      const toHub = this.hubIndex.get(r.to);
      const fromWarehouse = this.warehouseIndex.get(r.from);
      const toPincode = this.pincodeIndex.get(r.to);
      if (fromHub !== undefined && toHub !== undefined) linehaul.push([fromHub, toHub, r.minutes]);
      else if (fromWarehouse !== undefined && toHub !== undefined) firstMile.push([fromWarehouse, toHub, r.minutes]);
      else if (fromHub !== undefined && toPincode !== undefined) lastMile.push([fromHub, toPincode, r.minutes]);
      else throw new Error(`route ${r.id} does not join warehouse → hub, hub → hub or hub → pincode`);
    }
    return {
      linehaul: grouped(linehaul, this.network.hubs.length),
      firstMile: grouped(firstMile, this.network.warehouses.length),
      lastMile: grouped(lastMile, this.network.hubs.length),
      lastMileIn: grouped(
        lastMile.map(([h, p, m]) => [p, h, m]),
        this.network.pincodes.length,
      ),
    };
  }
}

function grouped(edges: [number, number, number][], nodes: number): Edges {
  const start = new Int32Array(nodes + 1);
  for (const [from] of edges) start[from + 1]!++;
  for (let i = 0; i < nodes; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, nodes);
  const to = new Int32Array(edges.length);
  const minutes = new Float64Array(edges.length);
  for (const [from, target, m] of edges) {
    const at = fill[from]!++;
    to[at] = target;
    minutes[at] = m;
  }
  return { start, to, minutes };
}
