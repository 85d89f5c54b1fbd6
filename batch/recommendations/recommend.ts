// Scoring a trained model: a shopper's top-N (overall and per category, scored once), similar items,
// and the popularity baseline, all as rankers of one shape so evaluation can compare them.
import { rowColumns, type Csr } from './csr.ts';
import { topN, type Scored } from './top-n.ts';

/** What scoring needs of a model: factors by index, and what each shopper already interacted with. */
export interface Factors {
  factors: number;
  userFactors: Float32Array;
  itemFactors: Float32Array;
}

/** Ranks items for a shopper: the n best that `accept` lets through, never ones the shopper has seen. */
export type Ranker = (user: number, n: number, accept?: (item: number) => boolean) => Scored[];

/** x_u · y_i for every item into `out`. */
export function scoreItems(model: Factors, user: number, out: Float32Array): Float32Array {
  const k = model.factors;
  const x = model.userFactors.subarray(user * k, user * k + k);
  const Y = model.itemFactors;
  for (let i = 0, o = 0; i < out.length; i++, o += k) {
    let s = 0;
    for (let a = 0; a < k; a++) s += x[a]! * Y[o + a]!;
    out[i] = s;
  }
  return out;
}

/** Marks a shopper's seen items in a reused mask, so a filter reads one byte per candidate. */
function seenMask(seen: Csr) {
  const mask = new Uint8Array(seen.cols);
  return {
    mark(user: number) {
      mask.fill(0);
      for (const i of rowColumns(seen, user)) mask[i] = 1;
      return mask;
    },
  };
}

/** ALS: items ranked by x_u · y_i. */
export function alsRanker(model: Factors, seen: Csr): Ranker {
  const scores = new Float32Array(seen.cols);
  const mask = seenMask(seen);
  return (user, n, accept = () => true) => {
    const m = mask.mark(user);
    return topN(scoreItems(model, user, scores), n, (i) => m[i] === 0 && accept(i));
  };
}

/** The baseline: items ranked by how many shoppers interacted with them, the same list for everyone. */
export function popularityRanker(seen: Csr): Ranker {
  const counts = new Float32Array(seen.cols);
  const nnz = seen.indptr[seen.rows]!;
  for (let e = 0; e < nnz; e++) counts[seen.indices[e]!]!++;
  const mask = seenMask(seen);
  return (user, n, accept = () => true) => {
    const m = mask.mark(user);
    return topN(counts, n, (i) => m[i] === 0 && accept(i));
  };
}

export interface ShopperLists {
  user: number;
  general: Scored[];
  /** Category index → that category's top-N, from the same scores. Categories with nothing left are absent. */
  byCategory: Map<number, Scored[]>;
}

/**
 * Every shopper's general top-N and top-N per category, each shopper scored once. `itemCategory[i]`
 * is item i's category index (−1 for none); `accept` drops items (deleted ones, say) from every list.
 */
export function* shopperLists(
  model: Factors,
  seen: Csr,
  itemCategory: Int32Array,
  options: { n: number; perCategory: number; accept?: (item: number) => boolean },
): Generator<ShopperLists> {
  const accept = options.accept ?? (() => true);
  const categories = Math.max(-1, ...itemCategory) + 1;
  const scores = new Float32Array(seen.cols);
  const mask = seenMask(seen);
  for (let user = 0; user < seen.rows; user++) {
    const m = mask.mark(user);
    scoreItems(model, user, scores);
    const general = topN(scores, options.n, (i) => m[i] === 0 && accept(i));
    const byCategory = new Map<number, Scored[]>();
    for (let c = 0; c < categories; c++) {
      const list = topN(scores, options.perCategory, (i) => itemCategory[i] === c && m[i] === 0 && accept(i));
      if (list.length > 0) byCategory.set(c, list);
    }
    yield { user, general, byCategory };
  }
}

/** Items most like `item` by the cosine of their factors (the item itself excluded). */
export function similarItems(model: Factors, n: number): (item: number, accept?: (i: number) => boolean) => Scored[] {
  const k = model.factors;
  const Y = model.itemFactors;
  const items = Y.length / k;
  const norms = new Float32Array(items);
  for (let i = 0; i < items; i++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += Y[i * k + a]! ** 2;
    norms[i] = Math.sqrt(s);
  }
  const scores = new Float32Array(items);
  return (item, accept = () => true) => {
    const o = item * k;
    for (let i = 0; i < items; i++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += Y[o + a]! * Y[i * k + a]!;
      const d = norms[i]! * norms[item]!;
      scores[i] = d > 0 ? s / d : 0;
    }
    return topN(scores, n, (i) => i !== item && accept(i));
  };
}
