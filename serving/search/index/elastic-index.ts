// The Elasticsearch index: one document per item with text, keyword and numeric fields, and a boolean
// per warehouse that holds it. Typos are fuzzy queries, the last word a prefix, facets terms
// aggregations. It needs nothing beyond the core server (no painless, no analysis-common), so the
// delivery sort is a function score over (class, warehouse) filters rather than a script.
import type { Client, estypes } from '@elastic/elasticsearch';
import { categoryById, ITEM_CLASSES, type ItemClass } from '../../catalog/taxonomy.ts';
import type {
  FacetCount,
  Reachable,
  SearchDoc,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResult,
} from './search-index.ts';
import { terms } from './text.ts';

const TEXT_FIELDS = ['name^3', 'brand^2', 'categoryText^2', 'attributesText^1.5', 'description'];
const FACET_VALUES = 20;
const ATTRIBUTE_VALUES = 1000;
/** Above any promise in minutes, so a faster warehouse always scores higher in the delivery sort. */
const DELIVERY_SCORE_BASE = 1_000_000;
/** Keeps "sold out" within a second of the stock event, at a fraction of a refresh per write. */
const REFRESH_INTERVAL = '500ms';

interface ItemSource {
  itemId?: string;
  itemClass?: ItemClass;
  /** Warehouse id → whether it holds the item; known before, and kept after, the item itself. */
  stock?: Record<string, boolean>;
}

const MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  dynamic_templates: [{ stock: { path_match: 'stock.*', mapping: { type: 'boolean' } } }],
  properties: {
    itemId: { type: 'keyword' },
    name: { type: 'text', copy_to: 'spelling' },
    description: { type: 'text', copy_to: 'spelling' },
    brand: { type: 'text', fields: { raw: { type: 'keyword' } }, copy_to: 'spelling' },
    category: { type: 'keyword' },
    categoryText: { type: 'text', copy_to: 'spelling' },
    attributesText: { type: 'text', copy_to: 'spelling' },
    /**
     * Every word of the text fields in one place, for telling a misspelt word from a known one. An index
     * made before it gets it at start, but its older documents only when they are written again.
     */
    spelling: { type: 'text' },
    /** `name=value` per attribute: one field filters and counts every attribute of every category. */
    attributePairs: { type: 'keyword' },
    priceMinor: { type: 'long' },
    itemClass: { type: 'keyword' },
    stock: { type: 'object', dynamic: true },
  },
};

export class ElasticIndex implements SearchIndex {
  private client: Client | undefined;
  private readonly index: string;

  constructor(private readonly options: { url: string; index?: string }) {
    this.index = options.index ?? 'emporium-items';
  }

  /** Creates the index with its mappings, or adds fields a newer version maps to an existing one. */
  async start(): Promise<void> {
    const { Client } = await import('@elastic/elasticsearch');
    this.client = new Client({ node: this.options.url });
    if (await this.client.indices.exists({ index: this.index })) {
      await this.client.indices.putMapping({ index: this.index, ...MAPPINGS });
    } else {
      await this.client.indices.create({
        index: this.index,
        mappings: MAPPINGS,
        settings: { number_of_replicas: 0, refresh_interval: REFRESH_INTERVAL },
      });
    }
  }

  async close(): Promise<void> {
    await this.client?.close();
    this.client = undefined;
  }

  /** Makes every write so far visible to searches; tests call it instead of waiting for the refresh interval. */
  async refresh(): Promise<void> {
    await this.es().indices.refresh({ index: this.index });
  }

  async count(): Promise<number> {
    return (await this.es().count({ index: this.index, query: { exists: { field: 'itemId' } } })).count;
  }

  /** Partial updates: the item's fields are replaced, its stock flags left as they are. */
  async upsert(docs: SearchDoc[]): Promise<void> {
    await this.bulk(
      docs.flatMap((doc) => [{ update: { _id: doc.itemId } }, { doc: fields(doc), doc_as_upsert: true }]),
    );
  }

  /** Keeps what is known of the item's stock, so the item shows as stocked if it comes back. */
  async remove(itemIds: string[]): Promise<void> {
    if (itemIds.length === 0) return;
    const found = await this.es().mget<ItemSource>({ index: this.index, ids: itemIds, _source_includes: ['stock'] });
    await this.bulk(
      found.docs.flatMap((d): object[] => {
        if (!('found' in d) || !d.found) return [];
        const stock = d._source?.stock ?? {};
        return Object.keys(stock).length ? [{ index: { _id: d._id } }, { stock }] : [{ delete: { _id: d._id } }];
      }),
    );
  }

  async setStock(changes: { itemId: string; warehouseId: string; inStock: boolean }[]): Promise<void> {
    await this.bulk(
      changes.flatMap((c) => [
        { update: { _id: c.itemId } },
        { doc: { stock: { [c.warehouseId]: c.inStock } }, doc_as_upsert: true },
      ]),
    );
  }

  /** Every word must match (near spellings and the last word's extensions count); if nothing does, any word may. */
  async search(query: SearchQuery): Promise<SearchResult> {
    const all = await this.run(query, 'and');
    return all.total === 0 && query.text.trim() !== '' ? this.run(query, 'or') : all;
  }

  private async run(query: SearchQuery, operator: 'and' | 'or'): Promise<SearchResult> {
    const filter: estypes.QueryDslQueryContainer[] = [{ exists: { field: 'itemId' } }, deliverable(query.reachable)];
    if (query.category !== undefined) filter.push({ term: { category: query.category } });
    if (query.brands?.length) filter.push({ terms: { 'brand.raw': query.brands } });
    for (const [name, values] of Object.entries(query.attributes ?? {}))
      filter.push({ terms: { attributePairs: values.map((v) => pair(name, v)) } });
    if (query.priceMinMinor !== undefined || query.priceMaxMinor !== undefined) {
      filter.push({ range: { priceMinor: { gte: query.priceMinMinor, lte: query.priceMaxMinor } } });
    }
    const text = query.text.trim();
    const must: estypes.QueryDslQueryContainer[] = text
      ? [
          {
            bool: {
              should: [
                { multi_match: { query: text, fields: TEXT_FIELDS, fuzziness: 'AUTO', operator } },
                { multi_match: { query: text, fields: TEXT_FIELDS, type: 'bool_prefix', fuzziness: 'AUTO', operator } },
              ],
              minimum_should_match: 1,
            },
          },
        ]
      : [];
    const matching: estypes.QueryDslQueryContainer = { bool: { must, filter } };
    const words = terms(text);
    const last = words.at(-1);
    const response = await this.es().search<ItemSource>({
      index: this.index,
      query: query.sort === 'delivery' ? byDelivery(matching, query.reachable) : matching,
      sort: SORTS[query.sort],
      track_scores: true,
      track_total_hits: true,
      from: query.offset,
      size: query.limit,
      _source: ['itemId', 'itemClass', 'stock'],
      aggs: {
        category: { terms: { field: 'category', size: FACET_VALUES } },
        brand: { terms: { field: 'brand.raw', size: FACET_VALUES } },
        attributes: { terms: { field: 'attributePairs', size: ATTRIBUTE_VALUES } },
        // Whether the last word begins a word of a match: then it is being typed, not misspelt.
        ...(last ? { typing: { filter: { prefix: { spelling: last } } } } : {}),
      },
      // A word no item has gets the nearest spellings items do have; a known word gets none.
      ...(words.length
        ? {
            suggest: {
              text: words.join(' '),
              spelling: { term: { field: 'spelling', suggest_mode: 'missing', prefix_length: 0, max_edits: 2 } },
            },
          }
        : {}),
    });
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    const hits = response.hits.hits.map((h) => toHit(h._source!, h._score ?? 0, query.reachable));
    const correctedText = correction(response, (response.aggregations?.typing as { doc_count?: number })?.doc_count);
    return { total, hits, facets: facets(response.aggregations), ...(correctedText ? { correctedText } : {}) };
  }

  private async bulk(operations: object[]): Promise<void> {
    if (operations.length === 0) return;
    const response = await this.es().bulk({ index: this.index, operations });
    if (!response.errors) return;
    const failed = response.items.map((item) => Object.values(item)[0]!).find((r) => r.error);
    throw new Error(`Elasticsearch refused a write to ${this.index}: ${failed?.error?.reason ?? 'unknown reason'}`);
  }

  private es(): Client {
    if (!this.client) throw new Error('the Elasticsearch index is not started');
    return this.client;
  }
}

const SORTS: Record<SearchQuery['sort'], estypes.Sort> = {
  relevance: [{ _score: { order: 'desc' } }, { itemId: 'asc' }],
  price_asc: [{ priceMinor: 'asc' }, { _score: { order: 'desc' } }, { itemId: 'asc' }],
  price_desc: [{ priceMinor: 'desc' }, { _score: { order: 'desc' } }, { itemId: 'asc' }],
  // The score is the delivery score here (see byDelivery).
  delivery: [{ _score: { order: 'desc' } }, { itemId: 'asc' }],
};

const pair = (name: string, value: string) => `${name}=${value}`;

function fields(doc: SearchDoc) {
  return {
    itemId: doc.itemId,
    name: doc.name,
    description: doc.description,
    brand: doc.brand,
    category: doc.category,
    categoryText: `${doc.category} ${categoryById(doc.category)?.name ?? ''}`,
    attributesText: Object.values(doc.attributes).join(' '),
    attributePairs: Object.entries(doc.attributes).map(([name, value]) => pair(name, value)),
    priceMinor: doc.priceMinor,
    itemClass: doc.itemClass,
  };
}

/** Items of a class held by a warehouse that reaches the pincode for that class. */
function stockedWhereReachable(itemClass: ItemClass, warehouseIds: string[]): estypes.QueryDslQueryContainer {
  return {
    bool: {
      filter: [{ term: { itemClass } }],
      should: warehouseIds.map((w) => ({ term: { [`stock.${w}`]: true } })),
      minimum_should_match: 1,
    },
  };
}

function deliverable(reachable: Reachable): estypes.QueryDslQueryContainer {
  const should = ITEM_CLASSES.filter((c) => Object.keys(reachable[c]).length > 0).map((c) =>
    stockedWhereReachable(c, Object.keys(reachable[c])),
  );
  return should.length ? { bool: { should, minimum_should_match: 1 } } : { match_none: {} };
}

/** Scores each item by its fastest stocked warehouse: the highest matching weight wins. */
function byDelivery(query: estypes.QueryDslQueryContainer, reachable: Reachable): estypes.QueryDslQueryContainer {
  const functions = ITEM_CLASSES.flatMap((c) =>
    Object.entries(reachable[c]).map(([warehouse, minutes]) => ({
      filter: stockedWhereReachable(c, [warehouse]),
      weight: DELIVERY_SCORE_BASE - minutes,
    })),
  );
  return { function_score: { query, functions, score_mode: 'max', boost_mode: 'replace' } };
}

function toHit(source: ItemSource, score: number, reachable: Reachable): SearchHit {
  const minutesFrom = reachable[source.itemClass!];
  let warehouseId = '';
  let tatMinutes = Infinity;
  for (const [warehouse, inStock] of Object.entries(source.stock ?? {})) {
    const minutes = minutesFrom[warehouse];
    if (!inStock || minutes === undefined) continue;
    if (minutes < tatMinutes || (minutes === tatMinutes && warehouse < warehouseId))
      [warehouseId, tatMinutes] = [warehouse, minutes];
  }
  return { itemId: source.itemId!, score, warehouseId, tatMinutes };
}

/** The words with each one no item has replaced by its best suggestion; undefined when none was. */
function correction(response: estypes.SearchResponse<ItemSource>, typing: number | undefined): string | undefined {
  const entries = response.suggest?.spelling ?? [];
  let corrected = false;
  const read = entries.map((entry, i) => {
    const options = (Array.isArray(entry.options) ? entry.options : [entry.options]) as { text: string }[];
    if (options.length === 0 || (i === entries.length - 1 && (typing ?? 0) > 0)) return entry.text;
    corrected = true;
    return options[0]!.text;
  });
  return corrected ? read.join(' ') : undefined;
}

type Buckets = { buckets: { key: string; doc_count: number }[] };

function facets(aggregations: Record<string, estypes.AggregationsAggregate> | undefined): SearchResult['facets'] {
  const buckets = (name: string) => (aggregations?.[name] as Buckets | undefined)?.buckets ?? [];
  const counts = (name: string): FacetCount[] => buckets(name).map((b) => ({ value: b.key, count: b.doc_count }));
  const attributes: Record<string, FacetCount[]> = {};
  for (const { key, doc_count } of buckets('attributes')) {
    const at = key.indexOf('=');
    (attributes[key.slice(0, at)] ??= []).push({ value: key.slice(at + 1), count: doc_count });
  }
  const sorted = Object.keys(attributes)
    .sort()
    .map((name) => [name, attributes[name]!.slice(0, FACET_VALUES)] as const);
  return { category: counts('category'), brand: counts('brand'), attributes: Object.fromEntries(sorted) };
}
