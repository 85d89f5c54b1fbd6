// Every term the index knows, found three ways: exactly, by prefix (search as you type), and within a
// few edits (typos), the last through precomputed deletions (the SymSpell idea) so a lookup costs a
// few dozen map reads instead of a pass over the vocabulary.
import { firstNotBefore } from './bisect.ts';
import { allowedEdits, editDistance } from './text.ts';

export class Vocabulary {
  private readonly known = new Set<string>();
  /** Kept sorted for prefix ranges. */
  private sorted: string[] = [];
  private unsorted: string[] = [];
  /** A term with some letters deleted → the terms it came from. */
  private readonly deletions = new Map<string, string[]>();

  has = (term: string) => this.known.has(term);

  add(term: string): void {
    if (this.known.has(term)) return;
    this.known.add(term);
    this.unsorted.push(term);
    // Indexed terms keep deletions one deeper than a query of their length may use, so a longer query's
    // second edit still meets them.
    for (const variant of deletionsOf(term, Math.min(2, allowedEdits(term) + 1))) {
      const from = this.deletions.get(variant);
      if (from) from.push(term);
      else this.deletions.set(variant, [term]);
    }
  }

  /** Known terms within the edits the query term's length allows, nearest first. */
  similar(term: string): { term: string; edits: number }[] {
    const max = allowedEdits(term);
    if (max === 0) return [];
    const found = new Map<string, number>();
    for (const variant of deletionsOf(term, max)) {
      for (const candidate of this.deletions.get(variant) ?? []) {
        if (found.has(candidate) || candidate === term) continue;
        const edits = editDistance(term, candidate, max);
        if (edits <= max) found.set(candidate, edits);
      }
    }
    return [...found]
      .map(([t, edits]) => ({ term: t, edits }))
      .sort((a, b) => a.edits - b.edits || a.term.localeCompare(b.term));
  }

  /** Up to `limit` known terms that start with `prefix` (other than the prefix itself), in order. */
  withPrefix(prefix: string, limit: number): string[] {
    if (this.unsorted.length) {
      this.sorted = [...this.sorted, ...this.unsorted].sort();
      this.unsorted = [];
    }
    const first = firstNotBefore(0, this.sorted.length, (i) => this.sorted[i]! < prefix);
    const out: string[] = [];
    for (let i = first; i < this.sorted.length && out.length < limit && this.sorted[i]!.startsWith(prefix); i++) {
      if (this.sorted[i] !== prefix) out.push(this.sorted[i]!);
    }
    return out;
  }
}

/** The term itself and every string made by deleting up to `depth` of its letters. */
function deletionsOf(term: string, depth: number): Set<string> {
  const out = new Set<string>([term]);
  let frontier = [term];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const word of frontier) {
      for (let i = 0; i < word.length; i++) {
        const shorter = word.slice(0, i) + word.slice(i + 1);
        if (shorter.length > 0 && !out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return out;
}
