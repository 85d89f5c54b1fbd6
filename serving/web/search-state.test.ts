import { describe, expect, it } from 'vitest';
import { apiQuery, pageQuery, parseState, toggleAttribute, toggleBrand, withCategory } from './search-state.ts';

const state = (query: string, category?: string) => parseState(new URLSearchParams(query), category);

describe('search state in the URL', () => {
  it('reads text, filters, sort and page, and writes them back the same', () => {
    const s = state(
      'q=oxford+shirt&category=shirts&brand=Arrow,Gant&attr.size=M,L&price_min=10&price_max=50&sort=price_asc&page=3',
    );
    expect(s).toEqual({
      q: 'oxford shirt',
      category: 'shirts',
      brands: ['Arrow', 'Gant'],
      attributes: { size: ['M', 'L'] },
      priceMin: 10,
      priceMax: 50,
      sort: 'price_asc',
      page: 3,
    });
    expect(parseState(new URLSearchParams(pageQuery(s).slice(1)))).toEqual(s);
  });

  it('drops what a person mistyped rather than refusing the page', () => {
    expect(state('sort=cheapest&page=-2&price_min=abc&price_max=')).toMatchObject({
      sort: 'relevance',
      page: 1,
      priceMin: undefined,
      priceMax: undefined,
    });
  });

  it('asks the API in cents, the maximum dollar included whole', () => {
    const query = apiQuery(state('q=tv&price_min=10&price_max=50&brand=LG'), '07030');
    expect(Object.fromEntries(query)).toMatchObject({
      q: 'tv',
      pincode: '07030',
      price_min: '1000',
      price_max: '5099',
      brand: 'LG',
    });
  });

  it('switches a facet value on and off, back on page one; a new category forgets the old one’s attributes', () => {
    const s = state('q=shirt&category=shirts&attr.size=M&page=4');
    expect(toggleAttribute(s, 'size', 'L')).toMatchObject({ attributes: { size: ['M', 'L'] }, page: 1 });
    expect(toggleAttribute(s, 'size', 'M').attributes).toEqual({});
    expect(toggleBrand(toggleBrand(s, 'Arrow'), 'Arrow').brands).toEqual([]);
    expect(withCategory(s, 'shoes')).toMatchObject({ category: 'shoes', attributes: {}, page: 1 });
  });

  it('leaves the category out of a category page’s own links, whose path names it', () => {
    expect(pageQuery(state('attr.size=M', 'shirts'), false)).toBe('?attr.size=M');
  });
});
