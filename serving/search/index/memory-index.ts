// The embedded search index: an inverted index in this process, built for this workload. Postings carry
// a per-document weight (field boosts folded in at index time), stock is a bitmask per document, so a
// query is: expand terms (exact, prefix, typo), add up weights, filter by bitmask and fields, count
// facets, keep the top of the page. Nothing is sorted that does not need to be. Slots are laid out
// again in category order once enough have arrived out of it (layOut), so that a query filtered by
// category reads that category's span alone.
import { categoryById, ITEM_CLASSES } from '../../catalog/taxonomy.ts';
import type { FacetCount, SearchDoc, SearchHit, SearchIndex, SearchQuery, SearchResult } from './search-index.ts';
import { firstNotBefore } from './bisect.ts';
import { terms } from './text.ts';
import { Vocabulary } from './vocabulary.ts';

const BOOST = { name: 3, brand: 2, category: 2, attributes: 1.5, description: 1 } as const;
const MAX_QUERY_TERMS = 8;
const PREFIX_EXPANSIONS = 20;
const TYPO_EXPANSIONS = 5;
const MAX_WAREHOUSES = 64;
const FACET_VALUES = 20;
/** Below this many arrivals since the last layout, laying out again is not worth its pause. */
const LAYOUT_MIN_ARRIVALS = 1000;

interface Postings {
  slots: number[];
  weights: number[];
}

/** What is kept of a document: its id for hits, its terms for taking it out. The text itself is not kept. */
interface Stored {
  itemId: string;
  terms: string[];
}

/** Slots [from, to) of the laid-out region. */
interface Span {
  from: number;
  to: number;
}

interface Candidate {
  slot: number;
  score: number;
  minutes: number;
  warehouse: number;
}

export class MemoryIndex implements SearchIndex {
  private readonly slotOf = new Map<string, number>();
  private stored: (Stored | undefined)[] = [];
  /** Slots to reuse. Holes in the laid-out region stay empty until the next layout: a document put there would break its order. */
  private readonly free: number[] = [];
  private readonly postings = new Map<string, Postings>();
  private readonly vocabulary = new Vocabulary();
  /** Per slot, for price filters and sorts. */
  private price: number[] = [];
  /**
   * What a query reads of each matching slot, as one row per slot in one flat array (see ROW): the
   * matches of a broad query are thousands of slots in no useful order, and reading a row costs one
   * cache miss where a column per field would cost one each.
   */
  private rows = new Int32Array(0);
  /** Room for ten attribute values per row; a document with more lays every row out again (rowOf). */
  private stride = ROW.attributes + 10;
  /** Stock is known per item id, even before (or after) the item itself is in the index. */
  private readonly inStockAt = new Map<string, Set<string>>();
  private readonly warehouseBit = new Map<string, number>();
  private readonly warehouses: string[] = [];
  private readonly values = new Map<string, number>();
  private readonly valueNames: [string, string][] = [];
  private live = 0;
  /** Documents written since the last layout, in arrival order rather than category order. */
  private arrivals = 0;
  /** Slots below this are in category order, each category in its span; every posting list reads them in ascending order first. */
  private laidOut = 0;
  private categorySpans = new Map<number, Span>();
  // Reused between queries: one score and one term mask per slot, zeroed by the scan that reads them.
  private scores = new Float64Array(0);
  private masks = new Uint32Array(0);
  private touched = new Int32Array(0);
  private facetCounts = new Int32Array(0);

  start = () => Promise.resolve();
  close = () => Promise.resolve();
  count = () => Promise.resolve(this.live);

  upsert(docs: SearchDoc[]): Promise<void> {
    for (const doc of docs) {
      this.unindex(doc.itemId);
      const slot = this.free.pop() ?? this.stored.length;
      const weights = new Map<string, number>();
      const add = (text: string, boost: number) => {
        for (const term of terms(text)) weights.set(term, (weights.get(term) ?? 0) + boost);
      };
      add(doc.name, BOOST.name);
      add(doc.brand, BOOST.brand);
      add(`${doc.category} ${categoryById(doc.category)?.name ?? ''}`, BOOST.category);
      add(Object.values(doc.attributes).join(' '), BOOST.attributes);
      add(doc.description, BOOST.description);
      for (const [term, weight] of weights) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = { slots: [], weights: [] }));
        list.slots.push(slot);
        // Dampened: the tenth mention of a word in a description says little more than the third.
        list.weights.push(Math.log1p(weight));
        this.vocabulary.add(term);
      }
      const values = [
        this.valueId('category', doc.category),
        this.valueId('brand', doc.brand),
        ...Object.entries(doc.attributes).map(([name, value]) => this.valueId(name, value)),
      ];
      this.stored[slot] = { itemId: doc.itemId, terms: [...weights.keys()] };
      this.slotOf.set(doc.itemId, slot);
      this.price[slot] = doc.priceMinor;
      const row = this.rowOf(slot, values.length - 2);
      this.rows[row + ROW.itemClass] = ITEM_CLASSES.indexOf(doc.itemClass);
      this.rows[row + ROW.category] = values[0]!;
      this.rows[row + ROW.brand] = values[1]!;
      this.rows[row + ROW.attributeCount] = values.length - 2;
      this.rows.set(values.slice(2), row + ROW.attributes);
      this.writeStockMask(doc.itemId, slot);
      this.live++;
      this.arrivals++;
    }
    return Promise.resolve();
  }

  remove(itemIds: string[]): Promise<void> {
    for (const id of itemIds) this.unindex(id);
    return Promise.resolve();
  }

  setStock(changes: { itemId: string; warehouseId: string; inStock: boolean }[]): Promise<void> {
    for (const { itemId, warehouseId, inStock } of changes) {
      let at = this.inStockAt.get(itemId);
      if (!at) this.inStockAt.set(itemId, (at = new Set()));
      if (inStock) at.add(warehouseId);
      else at.delete(warehouseId);
      const slot = this.slotOf.get(itemId);
      if (slot !== undefined) this.writeStockMask(itemId, slot);
    }
    return Promise.resolve();
  }

  /**
   * Lays the slots out again in category and brand order, when at least LAYOUT_MIN_ARRIVALS arrived
   * since the last layout and either writes have settled or a quarter of the slots are among them (a
   * bulk load still going on is laid out a few times as it grows, not after every batch); returns
   * whether it did. Reading a match's row is a cache miss, and almost the whole cost of a broad query:
   * a query's matches are mostly of a few categories, and laid out together their rows share cache
   * lines and pages. On the demo catalog this halves the time per query (bench/search.ts). Ties in
   * relevance are broken by slot, so equal-scored hits may change places across a layout.
   */
  layOut(writes: 'settled' | 'ongoing'): boolean {
    if (this.arrivals < Math.max(LAYOUT_MIN_ARRIVALS, writes === 'ongoing' ? this.live / 4 : 0)) return false;
    const { rows, stride } = this;
    const order = this.liveSlots().sort(
      (a, b) =>
        rows[a * stride + ROW.category]! - rows[b * stride + ROW.category]! ||
        rows[a * stride + ROW.brand]! - rows[b * stride + ROW.brand]! ||
        a - b,
    );
    const slotNow = new Int32Array(this.stored.length);
    const laidOutRows = new Int32Array(rows.length);
    const price: number[] = [];
    const stored: Stored[] = [];
    order.forEach((old, slot) => {
      slotNow[old] = slot;
      for (let k = 0; k < stride; k++) laidOutRows[slot * stride + k] = rows[old * stride + k]!;
      price.push(this.price[old]!);
      stored.push(this.stored[old]!);
      this.slotOf.set(this.stored[old]!.itemId, slot);
    });
    this.rows = laidOutRows;
    this.price = price;
    this.stored = stored;
    this.free.length = 0;
    const weightAt = new Float64Array(order.length);
    for (const list of this.postings.values()) renumber(list, slotNow, weightAt);
    this.arrivals = 0;
    this.laidOut = order.length;
    this.categorySpans.clear();
    for (let slot = 0; slot < order.length; slot++) {
      const category = laidOutRows[slot * stride + ROW.category]!;
      const span = this.categorySpans.get(category);
      if (span) span.to = slot + 1;
      else this.categorySpans.set(category, { from: slot, to: slot + 1 });
    }
    return true;
  }

  /** When nothing deliverable matches as typed, asks again with every word also matching its near spellings and extensions. */
  search(query: SearchQuery): Promise<SearchResult> {
    const queryTerms = terms(query.text).slice(0, MAX_QUERY_TERMS);
    const first = this.run(query, queryTerms, false);
    const result = first.total === 0 && queryTerms.length > 0 ? this.run(query, queryTerms, true) : first;
    const correctedText = this.correction(queryTerms);
    return Promise.resolve(correctedText === undefined ? result : { ...result, correctedText });
  }

  /**
   * The terms with each unknown one read as its nearest known spelling, as match() reads it; undefined
   * when none was. A last term that known terms start with is still being typed, not misspelt.
   */
  private correction(queryTerms: string[]): string | undefined {
    let corrected = false;
    const read = queryTerms.map((term, i) => {
      if (this.vocabulary.has(term)) return term;
      if (i === queryTerms.length - 1 && this.vocabulary.withPrefix(term, 1).length > 0) return term;
      // Of the nearest spellings, the one most items use.
      const near = this.vocabulary.similar(term);
      const nearest = near
        .filter((n) => n.edits === near[0]?.edits)
        .reduce<string | undefined>(
          (best, n) =>
            best === undefined || this.postings.get(n.term)!.slots.length > this.postings.get(best)!.slots.length
              ? n.term
              : best,
          undefined,
        );
      if (nearest === undefined) return term;
      corrected = true;
      return nearest;
    });
    return corrected ? read.join(' ') : undefined;
  }

  private run(query: SearchQuery, queryTerms: string[], broaden: boolean): SearchResult {
    // Sized here, not by the match: a query without words scans slots it never scored.
    this.ensureScratch();
    const reach = this.reachOf(query);
    const span = this.spanOf(query);
    const matched = this.match(queryTerms, broaden, span);
    const slots = matched === 'all' ? this.liveSlots(span) : matched;
    const passes = this.filterOf(query);
    // Facet counts in a typed array indexed by value id: a common word matches tens of thousands of items.
    if (this.facetCounts.length < this.valueNames.length) this.facetCounts = new Int32Array(this.valueNames.length * 2);
    const counts = this.facetCounts;
    const page = new TopK(query.offset + query.limit, comparator(query.sort, this.price));
    const byDelivery = query.sort === 'delivery';
    const byRelevance = query.sort === 'relevance';
    /** By relevance, the page's last hit once the page is full. */
    let floor: Candidate | undefined;
    const { rows, stride, scores, masks } = this;
    let total = 0;
    // One candidate object filled per match; the page copies the few it keeps. Which warehouse sends a
    // hit is worked out for the page alone, unless the page is ordered by it.
    const scratch: Candidate = { slot: 0, score: 0, minutes: 0, warehouse: -1 };
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      // Read and zeroed for the next query in one visit, not in a second pass over the matches.
      const score = scores[slot]!;
      scores[slot] = masks[slot] = 0;
      const row = slot * stride;
      const c = rows[row + ROW.itemClass]!;
      if (((rows[row + ROW.stockLo]! & reach.lo[c]!) | (rows[row + ROW.stockHi]! & reach.hi[c]!)) === 0) continue;
      if (passes && !passes(slot)) continue;
      total++;
      counts[rows[row + ROW.category]!]!++;
      counts[rows[row + ROW.brand]!]!++;
      for (let k = row + ROW.attributes, to = k + rows[row + ROW.attributeCount]!; k < to; k++) counts[rows[k]!]!++;
      scratch.slot = slot;
      scratch.score = score;
      // By relevance, most matches of a broad query rank below a full page's last hit: turned away here
      // by a direct call, not through the page's comparator.
      if (floor && byScore(scratch, floor) >= 0) continue;
      if (byDelivery) {
        scratch.warehouse = reach.best(slot);
        scratch.minutes = reach.minutesOf(slot, scratch.warehouse);
      }
      if (page.offer(scratch) && byRelevance) floor = page.last();
    }

    const hits: SearchHit[] = page
      .sorted()
      .slice(query.offset)
      .map((c) => {
        const warehouse = byDelivery ? c.warehouse : reach.best(c.slot);
        return {
          itemId: this.stored[c.slot]!.itemId,
          score: c.score,
          warehouseId: this.warehouses[warehouse]!,
          tatMinutes: reach.minutesOf(c.slot, warehouse),
        };
      });
    return { total, hits, facets: this.facets(counts) };
  }

  /** The live slots in the span, and every live slot written since the last layout. */
  private liveSlots(span: Span = { from: 0, to: this.laidOut }): Int32Array {
    const slots = new Int32Array(this.live);
    let n = 0;
    for (let slot = span.from; slot < span.to; slot++) if (this.stored[slot]) slots[n++] = slot;
    for (let slot = this.laidOut; slot < this.stored.length; slot++) if (this.stored[slot]) slots[n++] = slot;
    return slots.subarray(0, n);
  }

  /** Which part of the laid-out region a query must read: its category's span, or all of it. */
  private spanOf(query: SearchQuery): Span {
    if (query.category === undefined) return { from: 0, to: this.laidOut };
    const id = this.values.get(key('category', query.category));
    return (id !== undefined && this.categorySpans.get(id)) || { from: 0, to: 0 };
  }

  /** The query's category, brand, price and attribute filters as one test, or null when it has none. */
  private filterOf(query: SearchQuery): ((slot: number) => boolean) | null {
    const categoryId =
      query.category === undefined ? undefined : (this.values.get(key('category', query.category)) ?? -1);
    const required = Object.entries(query.attributes ?? {}).map(
      ([name, values]) => new Set(values.map((v) => this.values.get(key(name, v)) ?? -1)),
    );
    const brands = query.brands?.length
      ? new Set(query.brands.map((b) => this.values.get(key('brand', b)) ?? -1))
      : null;
    const minPrice = query.priceMinMinor ?? -Infinity;
    const maxPrice = query.priceMaxMinor ?? Infinity;
    if (
      categoryId === undefined &&
      brands === null &&
      required.length === 0 &&
      minPrice === -Infinity &&
      maxPrice === Infinity
    )
      return null;
    return (slot) => {
      const row = slot * this.stride;
      if (categoryId !== undefined && this.rows[row + ROW.category] !== categoryId) return false;
      if (brands !== null && !brands.has(this.rows[row + ROW.brand]!)) return false;
      const price = this.price[slot]!;
      if (price < minPrice || price > maxPrice) return false;
      const from = row + ROW.attributes;
      const to = from + this.rows[row + ROW.attributeCount]!;
      return required.every((allowed) => hasAny(this.rows, from, to, allowed));
    };
  }

  /**
   * Slots matching the terms, with their scores left in `scores`: all terms if any slot has them all,
   * otherwise any. The last term also matches as a prefix; a term the index does not know matches its
   * nearest known spellings; broadened, every term matches both ways.
   */
  private match(queryTerms: string[], broaden: boolean, span: Span): Int32Array | 'all' {
    if (queryTerms.length === 0) return 'all';
    const { scores, masks, touched } = this;
    let count = 0;
    const docs = Math.max(1, this.live);
    queryTerms.forEach((term, i) => {
      const bit = 1 << i;
      const known = this.vocabulary.has(term);
      const expansions: [string, number][] = known ? [[term, 1]] : [];
      if (!known || broaden) {
        for (const near of this.vocabulary.similar(term).slice(0, TYPO_EXPANSIONS))
          expansions.push([near.term, 1 - 0.3 * near.edits]);
      }
      if ((broaden || i === queryTerms.length - 1) && term.length >= 2) {
        for (const t of this.vocabulary.withPrefix(term, PREFIX_EXPANSIONS)) expansions.push([t, 0.7]);
      }
      for (const [t, factor] of expansions) {
        const { slots, weights } = this.postings.get(t)!;
        const idf = Math.log(1 + docs / slots.length) * factor;
        const add = (from: number, to: number) => {
          for (let k = from; k < to; k++) {
            const slot = slots[k]!;
            if (masks[slot] === 0) touched[count++] = slot;
            masks[slot]! |= bit;
            scores[slot]! += weights[k]! * idf;
          }
        };
        // The list's laid-out part is in ascending order: the span's entries are found by bisection.
        const below = (slot: number) => (k: number) => slots[k]! < slot;
        const writtenSince = firstNotBefore(0, slots.length, below(this.laidOut));
        add(firstNotBefore(0, writtenSince, below(span.from)), firstNotBefore(0, writtenSince, below(span.to)));
        add(writtenSince, slots.length);
      }
    });
    const all = (1 << queryTerms.length) - 1;
    let every = 0;
    for (let i = 0; i < count; i++) if (masks[touched[i]!] === all) every++;
    if (every > 0 && every < count) {
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const slot = touched[i]!;
        if (masks[slot] === all) touched[kept++] = slot;
        else scores[slot] = masks[slot] = 0;
      }
      count = kept;
    }
    return touched.subarray(0, count);
  }

  private ensureScratch(): void {
    if (this.scores.length >= this.stored.length) return;
    const size = Math.max(1024, this.stored.length * 2);
    this.scores = new Float64Array(size);
    this.masks = new Uint32Array(size);
    this.touched = new Int32Array(size);
  }

  /** For the query's pincode: per class, which warehouse bits reach it (two 32-bit words) and in how many minutes. */
  private reachOf(query: SearchQuery) {
    const lo = new Int32Array(ITEM_CLASSES.length);
    const hi = new Int32Array(ITEM_CLASSES.length);
    const minutes = ITEM_CLASSES.map((itemClass, c) => {
      const perWarehouse = new Float64Array(MAX_WAREHOUSES).fill(Infinity);
      for (const [warehouse, m] of Object.entries(query.reachable[itemClass])) {
        const bit = this.warehouseBit.get(warehouse);
        if (bit === undefined) continue;
        perWarehouse[bit] = m;
        if (bit < 32) lo[c]! |= 1 << bit;
        else hi[c]! |= 1 << (bit - 32);
      }
      return perWarehouse;
    });
    return {
      lo,
      hi,
      /** The bit of the fastest reachable warehouse holding the slot's item, or -1. */
      best: (slot: number): number => {
        const row = slot * this.stride;
        const c = this.rows[row + ROW.itemClass]!;
        let best = -1;
        let bestMinutes = Infinity;
        for (let word = 0; word < 2; word++) {
          let bits = this.rows[row + (word === 0 ? ROW.stockLo : ROW.stockHi)]! & (word === 0 ? lo : hi)[c]!;
          while (bits !== 0) {
            const low = bits & -bits;
            const bit = 31 - Math.clz32(low) + word * 32;
            bits ^= low;
            if (minutes[c]![bit]! < bestMinutes) {
              bestMinutes = minutes[c]![bit]!;
              best = bit;
            }
          }
        }
        return best;
      },
      minutesOf: (slot: number, bit: number) => minutes[this.rows[slot * this.stride + ROW.itemClass]!]![bit]!,
    };
  }

  /** Reads the facet counts out, and zeroes them for the next query. */
  private facets(counts: Int32Array): SearchResult['facets'] {
    // Only the top values of each facet are kept as they are met: a facet such as a model number has a
    // value per item, and sorting thousands of them per query would cost more than the search itself.
    const byName = new Map<string, FacetCount[]>();
    for (let id = 0; id < this.valueNames.length; id++) {
      const count = counts[id]!;
      if (count === 0) continue;
      counts[id] = 0;
      const [name, value] = this.valueNames[id]!;
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      if (list.length === FACET_VALUES && !ranksAbove(count, value, list[FACET_VALUES - 1]!)) continue;
      let at = list.length;
      while (at > 0 && ranksAbove(count, value, list[at - 1]!)) at--;
      list.splice(at, 0, { value, count });
      if (list.length > FACET_VALUES) list.pop();
    }
    const category = byName.get('category') ?? [];
    const brand = byName.get('brand') ?? [];
    byName.delete('category');
    byName.delete('brand');
    return { category, brand, attributes: Object.fromEntries([...byName].sort(([a], [b]) => (a < b ? -1 : 1))) };
  }

  private unindex(itemId: string): void {
    const slot = this.slotOf.get(itemId);
    if (slot === undefined) return;
    for (const term of this.stored[slot]!.terms) {
      const list = this.postings.get(term)!;
      const at = list.slots.indexOf(slot);
      list.slots.splice(at, 1);
      list.weights.splice(at, 1);
    }
    this.stored[slot] = undefined;
    this.slotOf.delete(itemId);
    if (slot >= this.laidOut) this.free.push(slot);
    this.live--;
  }

  /** Where the slot's row starts, after making room for it and for `attributes` attribute values. */
  private rowOf(slot: number, attributes: number): number {
    if (ROW.attributes + attributes > this.stride) {
      // A document with more attributes than any before: lay every row out again with room for it.
      const stride = ROW.attributes + attributes * 2;
      const rows = new Int32Array((this.rows.length / this.stride) * stride);
      for (let s = 0; s < this.rows.length / this.stride; s++)
        rows.set(this.rows.subarray(s * this.stride, (s + 1) * this.stride), s * stride);
      this.rows = rows;
      this.stride = stride;
    }
    if ((slot + 1) * this.stride > this.rows.length) {
      const grown = new Int32Array(Math.max(1024, (slot + 1) * 2) * this.stride);
      grown.set(this.rows);
      this.rows = grown;
    }
    return slot * this.stride;
  }

  private writeStockMask(itemId: string, slot: number): void {
    let lo = 0;
    let hi = 0;
    for (const warehouse of this.inStockAt.get(itemId) ?? []) {
      const bit = this.bitOf(warehouse);
      if (bit < 32) lo |= 1 << bit;
      else hi |= 1 << (bit - 32);
    }
    this.rows[slot * this.stride + ROW.stockLo] = lo;
    this.rows[slot * this.stride + ROW.stockHi] = hi;
  }

  private bitOf(warehouse: string): number {
    let bit = this.warehouseBit.get(warehouse);
    if (bit === undefined) {
      if (this.warehouses.length >= MAX_WAREHOUSES)
        throw new Error(`the embedded index tracks at most ${MAX_WAREHOUSES} warehouses`);
      bit = this.warehouses.push(warehouse) - 1;
      this.warehouseBit.set(warehouse, bit);
    }
    return bit;
  }

  private valueId(name: string, value: string): number {
    let id = this.values.get(key(name, value));
    if (id === undefined) {
      id = this.valueNames.push([name, value]) - 1;
      this.values.set(key(name, value), id);
    }
    return id;
  }
}

/** A slot's row: its item class, stock bitmask (two words), category and brand value ids, then its attribute value ids. */
const ROW = { itemClass: 0, stockLo: 1, stockHi: 2, category: 3, brand: 4, attributeCount: 5, attributes: 6 } as const;

const key = (name: string, value: string) => `${name}\u0000${value}`;

/** Gives the list's slots their new numbers, in ascending order as a query reads them best. */
function renumber(list: Postings, slotNow: Int32Array, weightAt: Float64Array): void {
  const { slots, weights } = list;
  // A typed array sorts natively, without a comparator call per comparison; each weight waits in
  // `weightAt` (one per slot, shared by every list) for its slot to find its place.
  const sorted = new Int32Array(slots.length);
  for (let k = 0; k < slots.length; k++) {
    sorted[k] = slotNow[slots[k]!]!;
    weightAt[sorted[k]!] = weights[k]!;
  }
  sorted.sort();
  for (let k = 0; k < sorted.length; k++) {
    slots[k] = sorted[k]!;
    weights[k] = weightAt[sorted[k]!]!;
  }
}

function hasAny(pool: Int32Array, from: number, to: number, allowed: Set<number>): boolean {
  for (let k = from; k < to; k++) if (allowed.has(pool[k]!)) return true;
  return false;
}

/** Facet order: more matches first, then by value (code-unit order, as Elasticsearch's terms aggregation). */
const ranksAbove = (count: number, value: string, other: FacetCount) =>
  count > other.count || (count === other.count && value < other.value);

type Compare = (a: Candidate, b: Candidate) => number;

/** Relevance order. Equal scores are common (one word, one field): the slot breaks the tie without reading the documents. */
const byScore: Compare = (a, b) => b.score - a.score || a.slot - b.slot;

function comparator(sort: SearchQuery['sort'], price: number[]): Compare {
  switch (sort) {
    case 'price_asc':
      return (a, b) => price[a.slot]! - price[b.slot]! || byScore(a, b);
    case 'price_desc':
      return (a, b) => price[b.slot]! - price[a.slot]! || byScore(a, b);
    case 'delivery':
      return (a, b) => a.minutes - b.minutes || byScore(a, b);
    default:
      return byScore;
  }
}

/** Keeps the best k offered candidates in order: the page never needs the whole result sorted. */
class TopK {
  private readonly items: Candidate[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: Compare,
  ) {}

  /** Whether the candidate made the page (for now). */
  offer(candidate: Candidate): boolean {
    if (this.k === 0) return false;
    const items = this.items;
    if (items.length === this.k && this.compare(candidate, items[items.length - 1]!) >= 0) return false;
    const at = firstNotBefore(0, items.length, (i) => this.compare(candidate, items[i]!) >= 0);
    items.splice(at, 0, { ...candidate });
    if (items.length > this.k) items.pop();
    return true;
  }

  /** The page's last entry once the page is full: by relevance, nothing ranking below it gets in. */
  last(): Candidate | undefined {
    return this.items.length === this.k ? this.items[this.k - 1] : undefined;
  }

  sorted = () => this.items;
}
