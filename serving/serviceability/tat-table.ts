// The serviceability table: for every item class, pincode and warehouse, the best delivery time in
// minutes (or unreachable). Built offline; a lookup is two array reads, never a graph search.
import { ITEM_CLASSES, type ItemClass } from '../catalog/taxonomy.ts';

export const UNREACHABLE = 0xffff;

/** Minutes from each warehouse that reaches a pincode, per item class (a warehouse absent cannot reach it). */
export type Reachable = Record<ItemClass, Record<string, number>>;
const MAGIC = 'EMPTAT1\n';

export class TatTable {
  private readonly pincodeIndex: Map<string, number>;
  private readonly warehouseIndex: Map<string, number>;

  /** `minutes` is laid out [class][pincode][warehouse], so one pincode's warehouses sit side by side. */
  constructor(
    readonly warehouses: readonly string[],
    readonly pincodes: readonly string[],
    readonly minutes: Uint16Array,
  ) {
    if (minutes.length !== ITEM_CLASSES.length * pincodes.length * warehouses.length)
      throw new Error('serviceability table size does not match its axes');
    this.pincodeIndex = new Map(pincodes.map((p, i) => [p, i]));
    this.warehouseIndex = new Map(warehouses.map((w, i) => [w, i]));
  }

  static empty(warehouses: readonly string[], pincodes: readonly string[]): TatTable {
    return new TatTable(
      warehouses,
      pincodes,
      new Uint16Array(ITEM_CLASSES.length * pincodes.length * warehouses.length).fill(UNREACHABLE),
    );
  }

  pincode = (code: string) => this.pincodeIndex.get(code);
  warehouse = (id: string) => this.warehouseIndex.get(id);

  offset(itemClass: number, pincode: number, warehouse: number): number {
    return (itemClass * this.pincodes.length + pincode) * this.warehouses.length + warehouse;
  }

  /** Minutes from the warehouse to the pincode for the class, or undefined when it cannot get there. */
  tat(warehouse: number, pincode: number, itemClass: number): number | undefined {
    const m = this.minutes[this.offset(itemClass, pincode, warehouse)]!;
    return m === UNREACHABLE ? undefined : m;
  }

  /** Every warehouse that reaches the pincode, per item class, with its minutes; undefined for an unknown pincode. */
  reachable(pincode: string): Reachable | undefined {
    const p = this.pincode(pincode);
    if (p === undefined) return undefined;
    return Object.fromEntries(
      ITEM_CLASSES.map((itemClass, c) => {
        const from: Record<string, number> = {};
        this.warehouses.forEach((warehouse, w) => {
          const minutes = this.tat(w, p, c);
          if (minutes !== undefined) from[warehouse] = minutes;
        });
        return [itemClass, from];
      }),
    ) as Reachable;
  }

  /** The fastest of `candidates` (warehouse indexes, e.g. those with stock) for the pincode, if any can deliver. */
  fastest(
    pincode: number,
    itemClass: number,
    candidates: Iterable<number>,
  ): { warehouse: number; minutes: number } | undefined {
    const base = this.offset(itemClass, pincode, 0);
    let best: { warehouse: number; minutes: number } | undefined;
    for (const w of candidates) {
      const m = this.minutes[base + w]!;
      if (m !== UNREACHABLE && (!best || m < best.minutes)) best = { warehouse: w, minutes: m };
    }
    return best;
  }

  toBuffer(): Buffer {
    const header = Buffer.from(
      `${MAGIC}${JSON.stringify({ classes: ITEM_CLASSES, warehouses: this.warehouses, pincodes: this.pincodes })}\n`,
    );
    return Buffer.concat([header, Buffer.from(this.minutes.buffer, this.minutes.byteOffset, this.minutes.byteLength)]);
  }

  static fromBuffer(buffer: Buffer): TatTable {
    if (buffer.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a serviceability table file');
    const end = buffer.indexOf('\n', MAGIC.length);
    const axes = JSON.parse(buffer.subarray(MAGIC.length, end).toString()) as {
      classes: ItemClass[];
      warehouses: string[];
      pincodes: string[];
    };
    if (axes.classes.join() !== ITEM_CLASSES.join())
      throw new Error('serviceability table was built for other item classes; rebuild it');
    const body = buffer.subarray(end + 1);
    // Copied into an aligned buffer: a Uint16Array cannot start at an odd byte offset.
    const minutes = new Uint16Array(body.length / 2);
    Buffer.from(minutes.buffer).set(body);
    return new TatTable(axes.warehouses, axes.pincodes, minutes);
  }
}
