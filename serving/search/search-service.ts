// Search for a shopper: only what can be delivered to their pincode, each hit with its delivery promise,
// and every search recorded as search.performed.
import type { Clock, NewId } from '../../platform/clock.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { EventRecorder } from '../../platform/events/background-events.ts';
import type { CatalogService } from '../catalog/catalog-service.ts';
import { deliveryPromise, type DeliveryPromise } from '../serviceability/delivery-promise.ts';
import type { ServiceabilityService } from '../serviceability/serviceability-service.ts';
import type { UserService } from '../users/user-service.ts';
import type { SearchIndex, SearchResult, SearchSort } from './index/search-index.ts';

export interface SearchRequest {
  text: string;
  /** Where to deliver; defaults to the signed-in shopper's default address. */
  pincode?: string;
  userId?: string;
  category?: string;
  brands?: string[];
  attributes: Record<string, string[]>;
  priceMinMinor?: number;
  priceMaxMinor?: number;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export interface SearchAnswer {
  pincode: string;
  total: number;
  page: number;
  pageSize: number;
  hits: ({
    itemId: string;
    name: string;
    brand: string;
    category: string;
    priceMinor: number;
    currency: string;
    imageUrl: string | null;
    attributes: Record<string, string>;
    warehouseId: string;
    tatMinutes: number;
  } & DeliveryPromise)[];
  facets: SearchResult['facets'];
  /** The text as it was searched, when a word was read as another spelling; null when taken as typed. */
  correctedText: string | null;
}

/** A deliverable item whose name the shopper may be typing. */
export interface Suggestion {
  itemId: string;
  name: string;
  category: string;
}

const SUGGESTIONS = 8;

export class SearchService {
  constructor(
    private readonly deps: {
      index: SearchIndex;
      serviceability: ServiceabilityService;
      users: UserService;
      catalog: CatalogService;
      /** Where each search is recorded as search.performed (not waited for). */
      events: EventRecorder;
      clock: Clock;
      newId: NewId;
    },
  ) {}

  async search(request: SearchRequest): Promise<SearchAnswer> {
    const pincode = await this.pincodeFor(request);
    const reachable = this.deps.serviceability.reachable(pincode);
    if (!reachable) throw notFound('pincode', `we do not deliver to ${pincode} (not a known postal code)`);
    const result = await this.deps.index.search({
      text: request.text,
      category: request.category,
      brands: request.brands,
      attributes: request.attributes,
      priceMinMinor: request.priceMinMinor,
      priceMaxMinor: request.priceMaxMinor,
      reachable,
      sort: request.sort,
      offset: (request.page - 1) * request.pageSize,
      limit: request.pageSize,
    });
    const items = await this.deps.catalog.getMany(result.hits.map((h) => h.itemId));
    const now = this.deps.clock();
    // An item removed from the catalog a moment ago may still be in the index; it is left out.
    const hits = result.hits.flatMap((hit, i) => {
      const item = items[i];
      if (!item) return [];
      const { itemId, name, brand, category, priceMinor, currency, imageUrl, attributes } = item;
      return [
        {
          itemId,
          name,
          brand,
          category,
          priceMinor,
          currency,
          imageUrl,
          attributes,
          warehouseId: hit.warehouseId,
          tatMinutes: hit.tatMinutes,
          ...deliveryPromise(hit.tatMinutes, now),
        },
      ];
    });
    this.deps.events.record('search.performed', {
      type: 'SearchPerformed',
      eventId: this.deps.newId(),
      occurredAt: now,
      userId: request.userId ?? null,
      query: request.text,
      pincode,
      filters: filtersOf(request),
      resultIds: hits.map((h) => h.itemId),
      total: result.total,
    });
    return {
      pincode,
      total: result.total,
      page: request.page,
      pageSize: request.pageSize,
      hits,
      facets: result.facets,
      correctedText: result.correctedText ?? null,
    };
  }

  /**
   * Names of deliverable items matching what has been typed so far (the last word as a prefix), best
   * first. Not recorded as a search: a shopper typing "samsung" asks for it seven times.
   */
  async suggest(request: { text: string; pincode?: string; userId?: string }): Promise<Suggestion[]> {
    if (request.text.trim() === '') return [];
    const pincode = await this.pincodeFor(request);
    const reachable = this.deps.serviceability.reachable(pincode);
    if (!reachable) throw notFound('pincode', `we do not deliver to ${pincode} (not a known postal code)`);
    const result = await this.deps.index.search({
      text: request.text,
      reachable,
      sort: 'relevance',
      offset: 0,
      limit: SUGGESTIONS,
    });
    const items = await this.deps.catalog.getMany(result.hits.map((h) => h.itemId));
    return items.flatMap((item) => (item ? [{ itemId: item.itemId, name: item.name, category: item.category }] : []));
  }

  private async pincodeFor(request: { pincode?: string; userId?: string }): Promise<string> {
    if (request.pincode) return request.pincode;
    const fromAddress = request.userId && (await this.deps.users.defaultPincode(request.userId));
    if (fromAddress) return fromAddress;
    throw invalid('pincode', 'give a pincode, or sign in with a default delivery address');
  }
}

function filtersOf(request: SearchRequest): Record<string, string> {
  const filters: Record<string, string> = { sort: request.sort, page: String(request.page) };
  if (request.category) filters.category = request.category;
  if (request.brands?.length) filters.brand = request.brands.join(',');
  if (request.priceMinMinor !== undefined) filters.priceMin = String(request.priceMinMinor);
  if (request.priceMaxMinor !== undefined) filters.priceMax = String(request.priceMaxMinor);
  for (const [name, values] of Object.entries(request.attributes)) filters[`attr.${name}`] = values.join(',');
  return filters;
}
