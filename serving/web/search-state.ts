// A search page's state as it lives in its URL: text, filters, sort and page. Every facet, sort and page
// control is a link to another state, so the page works with no script at all.

export const SORTS = {
  relevance: 'Best match',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  delivery: 'Fastest delivery',
} as const;
export type Sort = keyof typeof SORTS;

export const PAGE_SIZE = 24;

export interface SearchState {
  q: string;
  category?: string;
  /** Any of these brands. */
  brands: string[];
  /** Attribute name → the values any of which an item must have. */
  attributes: Record<string, string[]>;
  /** Whole dollars, as typed in the price boxes. */
  priceMin?: number;
  priceMax?: number;
  sort: Sort;
  page: number;
}

const dollars = (value: string | null): number | undefined => {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 10_000_000 ? Math.floor(n) : undefined;
};

/** Reads the page's query string; anything malformed is dropped rather than refused, as a person typed it. */
export function parseState(params: URLSearchParams, category?: string): SearchState {
  const attributes: Record<string, string[]> = {};
  for (const [name, value] of params) {
    if (!name.startsWith('attr.') || name.length > 64) continue;
    const values = value.split(',').filter((v) => v !== '' && v.length <= 100);
    if (values.length) attributes[name.slice(5)] = [...new Set([...(attributes[name.slice(5)] ?? []), ...values])];
  }
  const brands = [...new Set((params.get('brand') ?? '').split(',').filter((b) => b !== '' && b.length <= 100))];
  const sort = params.get('sort') ?? 'relevance';
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    category: category ?? (params.get('category') || undefined),
    brands,
    attributes,
    priceMin: dollars(params.get('price_min')),
    priceMax: dollars(params.get('price_max')),
    sort: sort in SORTS ? (sort as Sort) : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 100 ? page : 1,
  };
}

/** The query for GET /api/search (prices in cents). */
export function apiQuery(state: SearchState, pincode: string): URLSearchParams {
  const query = new URLSearchParams({ q: state.q, pincode, sort: state.sort, page: String(state.page) });
  query.set('page_size', String(PAGE_SIZE));
  if (state.category) query.set('category', state.category);
  if (state.brands.length) query.set('brand', state.brands.join(','));
  if (state.priceMin !== undefined) query.set('price_min', String(state.priceMin * 100));
  if (state.priceMax !== undefined) query.set('price_max', String(state.priceMax * 100 + 99));
  for (const [name, values] of Object.entries(state.attributes)) query.set(`attr.${name}`, values.join(','));
  return query;
}

/** The page's own query string for a state; `withCategory` false when the path names the category. */
export function pageQuery(state: SearchState, withCategory = true): string {
  const query = new URLSearchParams();
  if (state.q) query.set('q', state.q);
  if (withCategory && state.category) query.set('category', state.category);
  if (state.brands.length) query.set('brand', state.brands.join(','));
  for (const [name, values] of Object.entries(state.attributes))
    if (values.length) query.set(`attr.${name}`, values.join(','));
  if (state.priceMin !== undefined) query.set('price_min', String(state.priceMin));
  if (state.priceMax !== undefined) query.set('price_max', String(state.priceMax));
  if (state.sort !== 'relevance') query.set('sort', state.sort);
  if (state.page > 1) query.set('page', String(state.page));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The state with one attribute value switched on or off, back on the first page. */
export function toggleAttribute(state: SearchState, name: string, value: string): SearchState {
  const current = state.attributes[name] ?? [];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const attributes = { ...state.attributes, [name]: values };
  if (values.length === 0) delete attributes[name];
  return { ...state, attributes, page: 1 };
}

/** The state with one brand switched on or off, back on the first page. */
export function toggleBrand(state: SearchState, brand: string): SearchState {
  const brands = state.brands.includes(brand) ? state.brands.filter((b) => b !== brand) : [...state.brands, brand];
  return { ...state, brands, page: 1 };
}

/** The state with the category chosen or cleared; a category's attributes mean nothing in another. */
export function withCategory(state: SearchState, category: string | undefined): SearchState {
  return { ...state, category, attributes: {}, page: 1 };
}

export const onPage = (state: SearchState, page: number): SearchState => ({ ...state, page });

/** Whether anything narrows the search besides its text. */
export const isFiltered = (state: SearchState) =>
  state.brands.length > 0 ||
  Object.keys(state.attributes).length > 0 ||
  state.priceMin !== undefined ||
  state.priceMax !== undefined;
