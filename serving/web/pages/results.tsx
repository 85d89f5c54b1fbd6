// Search results and a category's items: facets with counts, sort, pages, and a card per deliverable item.
import type { SearchAnswer } from '../../search/search-service.ts';
import { ItemCard, Notice } from '../components.tsx';
import { attributeName, categoryName } from '../format.ts';
import {
  isFiltered,
  onPage,
  pageQuery,
  PAGE_SIZE,
  SORTS,
  toggleAttribute,
  toggleBrand,
  withCategory,
  type SearchState,
} from '../search-state.ts';

export interface ResultsProps {
  state: SearchState;
  answer: SearchAnswer;
  /** '/search', or the category's own page, which names its category in the path. */
  path: string;
  signedIn: boolean;
}

export function Results(props: ResultsProps) {
  const { state, answer, path } = props;
  const inPath = path !== '/search';
  const link = (s: SearchState) => `${path}${pageQuery(s, !inPath)}`;
  const pages = Math.min(100, Math.ceil(answer.total / PAGE_SIZE));
  return (
    <div class="results-layout">
      <details class="facets" open id="filters">
        <summary class="filters-toggle">Filters{isFiltered(props.state) ? ' (on)' : ''}</summary>
        {!inPath && answer.facets.category.length > 0 ? (
          <Facet title="Category">
            {state.category ? (
              <li>
                <a href={link(withCategory(state, undefined))}>← All categories</a>
              </li>
            ) : null}
            {answer.facets.category.map((f) => (
              <FacetValue
                href={link(withCategory(state, state.category === f.value ? undefined : f.value))}
                label={categoryName(f.value)}
                count={f.count}
                on={state.category === f.value}
              />
            ))}
          </Facet>
        ) : null}
        {answer.facets.brand.length > 0 ? (
          <Facet title="Brand">
            {answer.facets.brand.map((f) => (
              <FacetValue
                href={link(toggleBrand(state, f.value))}
                label={f.value}
                count={f.count}
                on={state.brands.includes(f.value)}
              />
            ))}
          </Facet>
        ) : null}
        {Object.entries(answer.facets.attributes).map(([name, values]) => (
          <Facet title={attributeName(name)}>
            {values.map((f) => (
              <FacetValue
                href={link(toggleAttribute(state, name, f.value))}
                label={f.value}
                count={f.count}
                on={(state.attributes[name] ?? []).includes(f.value)}
              />
            ))}
          </Facet>
        ))}
        <PriceFilter state={state} path={path} inPath={inPath} />
        {isFiltered(state) ? (
          <p>
            <a href={link({ ...state, brands: [], attributes: {}, priceMin: undefined, priceMax: undefined, page: 1 })}>
              Clear filters
            </a>
          </p>
        ) : null}
      </details>
      <section class="results" aria-labelledby="results-count">
        <div class="results-bar">
          <p id="results-count" class="count-line" aria-live="polite">
            {answer.total === 0
              ? 'No items can be delivered to you for this search'
              : `${answer.total.toLocaleString('en-US')} ${answer.total === 1 ? 'item' : 'items'} delivered to ${answer.pincode}`}
          </p>
          <SortForm state={state} path={path} inPath={inPath} />
        </div>
        {answer.hits.length > 0 ? (
          <ul class="grid" aria-label="Items">
            {answer.hits.map((hit) => (
              <ItemCard item={hit} signedIn={props.signedIn} />
            ))}
          </ul>
        ) : (
          <Notice>
            Nothing here can reach {answer.pincode}
            {isFiltered(state) ? ' with these filters: try clearing some.' : '. Try other words, or another ZIP code.'}
          </Notice>
        )}
        {pages > 1 ? (
          <nav class="pages" aria-label="Pages">
            <ul>
              {state.page > 1 ? (
                <li>
                  <a href={link(onPage(state, state.page - 1))} rel="prev">
                    ← Previous
                  </a>
                </li>
              ) : null}
              {pageNumbers(state.page, pages).map((n) =>
                n === state.page ? (
                  <li>
                    <a aria-current="page" href={link(onPage(state, n))}>
                      {n}
                    </a>
                  </li>
                ) : (
                  <li>
                    <a href={link(onPage(state, n))}>{n}</a>
                  </li>
                ),
              )}
              {state.page < pages ? (
                <li>
                  <a href={link(onPage(state, state.page + 1))} rel="next">
                    Next →
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </div>
  );
}

/** At most seven page numbers around the current one. */
function pageNumbers(current: number, pages: number): number[] {
  const from = Math.max(1, Math.min(current - 3, pages - 6));
  return Array.from({ length: Math.min(7, pages) }, (_, i) => from + i);
}

function Facet(props: { title: string; children: unknown }) {
  return (
    <details class="facet" open>
      <summary>{props.title}</summary>
      <ul>{props.children}</ul>
    </details>
  );
}

function FacetValue(props: { href: string; label: string; count: number; on: boolean }) {
  return (
    <li>
      <a href={props.href} class={props.on ? 'on' : undefined} aria-current={props.on ? 'true' : undefined}>
        <span class="check" aria-hidden="true">
          {props.on ? '✓' : ''}
        </span>
        <span class="label">{props.label}</span>
        <span class="n">{props.count}</span>
        <span class="visually-hidden">{props.on ? ' (selected, select to remove)' : ''}</span>
      </a>
    </li>
  );
}

/** The state's other fields as hidden inputs, so a GET form changes only its own. */
function Keep(props: { state: SearchState; inPath: boolean; except: string[] }) {
  const query = new URLSearchParams(pageQuery({ ...props.state, page: 1 }, !props.inPath));
  return (
    <>
      {[...query]
        .filter(([name]) => !props.except.includes(name))
        .map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
    </>
  );
}

function SortForm(props: { state: SearchState; path: string; inPath: boolean }) {
  return (
    <form method="get" action={props.path} class="sort" data-autosubmit>
      <Keep state={props.state} inPath={props.inPath} except={['sort']} />
      <label for="sort">Sort by</label>
      <select id="sort" name="sort">
        {Object.entries(SORTS).map(([value, label]) => (
          <option value={value} selected={props.state.sort === value}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        Sort
      </button>
    </form>
  );
}

function PriceFilter(props: { state: SearchState; path: string; inPath: boolean }) {
  return (
    <details class="facet" open>
      <summary>Price</summary>
      <form method="get" action={props.path} class="price">
        <Keep state={props.state} inPath={props.inPath} except={['price_min', 'price_max']} />
        <label for="price_min">Min $</label>
        <input id="price_min" name="price_min" inputmode="numeric" value={props.state.priceMin?.toString() ?? ''} />
        <label for="price_max">Max $</label>
        <input id="price_max" name="price_max" inputmode="numeric" value={props.state.priceMax?.toString() ?? ''} />
        <button type="submit" class="secondary">
          Apply
        </button>
      </form>
    </details>
  );
}
