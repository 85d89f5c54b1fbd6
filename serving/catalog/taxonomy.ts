// The category taxonomy: which attributes each kind of item has, which values they take, and how it ships.

/** What a courier route must be able to carry: a TV is large, milk needs the cold chain. */
export const ITEM_CLASSES = ['standard', 'large', 'fragile', 'cold'] as const;
export type ItemClass = (typeof ITEM_CLASSES)[number];

export interface AttributeSpec {
  name: string;
  /** The closed set of values, when there is one (sizes, colours); absent means free text. */
  values?: readonly string[];
  /** Attributes a supplier must send for items of the category. */
  required: boolean;
  /** Facets are attributes shoppers filter on; search counts their values. */
  facet: boolean;
}

export interface CategorySpec {
  id: string;
  name: string;
  itemClass: ItemClass;
  attributes: readonly AttributeSpec[];
  /** People buy it again (bread, milk): recommendations keep offering what a shopper already bought. */
  buyAgain?: true;
}

const COLOURS = ['black', 'white', 'blue', 'red', 'green', 'grey', 'navy', 'beige', 'pink', 'yellow'] as const;
const req = (name: string, values?: readonly string[]): AttributeSpec => ({
  name,
  values,
  required: true,
  facet: true,
});
const opt = (name: string, values?: readonly string[]): AttributeSpec => ({
  name,
  values,
  required: false,
  facet: !!values,
});

export const CATEGORIES: readonly CategorySpec[] = [
  {
    id: 'shirts',
    name: 'Shirts',
    itemClass: 'standard',
    attributes: [
      req('size', ['XS', 'S', 'M', 'L', 'XL', 'XXL']),
      req('colour', COLOURS),
      opt('fabric', ['cotton', 'linen', 'polyester', 'silk']),
      opt('fit', ['slim', 'regular', 'relaxed']),
    ],
  },
  {
    id: 'shoes',
    name: 'Shoes',
    itemClass: 'standard',
    attributes: [
      req('size', ['5', '6', '7', '8', '9', '10', '11', '12']),
      req('colour', COLOURS),
      opt('type', ['running', 'casual', 'formal', 'boots', 'sandals']),
    ],
  },
  {
    id: 'televisions',
    name: 'Televisions',
    itemClass: 'large',
    attributes: [
      req('screen_size', ['32', '43', '50', '55', '65', '75', '85']),
      req('resolution', ['HD', 'Full HD', '4K', '8K']),
      opt('panel', ['LED', 'QLED', 'OLED']),
      opt('smart', ['yes', 'no']),
    ],
  },
  {
    id: 'phones',
    name: 'Mobile phones',
    itemClass: 'fragile',
    attributes: [
      req('storage', ['64GB', '128GB', '256GB', '512GB', '1TB']),
      req('colour', COLOURS),
      opt('ram', ['4GB', '6GB', '8GB', '12GB', '16GB']),
      opt('network', ['4G', '5G']),
    ],
  },
  {
    id: 'laptops',
    name: 'Laptops',
    itemClass: 'fragile',
    attributes: [
      req('ram', ['8GB', '16GB', '32GB', '64GB']),
      req('storage', ['256GB', '512GB', '1TB', '2TB']),
      opt('screen_size', ['13', '14', '15', '16', '17']),
      opt('processor'),
    ],
  },
  {
    id: 'bread',
    name: 'Bread',
    itemClass: 'cold',
    buyAgain: true,
    attributes: [
      req('type', ['white', 'wholewheat', 'multigrain', 'sourdough', 'rye', 'brioche']),
      req('weight', ['400g', '500g', '800g', '1kg']),
      opt('sliced', ['yes', 'no']),
    ],
  },
  {
    id: 'dairy',
    name: 'Dairy',
    itemClass: 'cold',
    buyAgain: true,
    attributes: [
      req('type', ['milk', 'yogurt', 'cheese', 'butter', 'cream']),
      req('volume', ['200ml', '500ml', '1l', '2l', '250g', '500g']),
      opt('fat', ['skimmed', 'low fat', 'full cream']),
    ],
  },
  {
    id: 'books',
    name: 'Books',
    itemClass: 'standard',
    attributes: [
      req('format', ['paperback', 'hardcover']),
      req('language', ['English', 'Hindi', 'Spanish', 'French', 'German']),
      opt('author'),
      opt('genre', ['fiction', 'mystery', 'science', 'history', 'biography', 'children', 'cooking']),
    ],
  },
  {
    id: 'furniture',
    name: 'Furniture',
    itemClass: 'large',
    attributes: [
      req('material', ['wood', 'metal', 'glass', 'plastic', 'rattan']),
      req('colour', COLOURS),
      opt('room', ['living', 'bedroom', 'dining', 'office', 'outdoor']),
    ],
  },
  {
    id: 'refrigerators',
    name: 'Refrigerators',
    itemClass: 'large',
    attributes: [
      req('capacity', ['190l', '250l', '340l', '450l', '600l']),
      req('doors', ['single', 'double', 'side-by-side', 'french']),
      opt('energy_rating', ['A', 'B', 'C', 'D']),
    ],
  },
  {
    id: 'headphones',
    name: 'Headphones',
    itemClass: 'fragile',
    attributes: [
      req('type', ['over-ear', 'on-ear', 'in-ear']),
      req('connectivity', ['wired', 'bluetooth']),
      opt('noise_cancelling', ['yes', 'no']),
      opt('colour', COLOURS),
    ],
  },
  {
    id: 'toys',
    name: 'Toys',
    itemClass: 'standard',
    attributes: [
      req('age', ['0-2', '3-5', '6-8', '9-12', '13+']),
      opt('material', ['wood', 'plastic', 'plush', 'metal']),
      opt('theme', ['vehicles', 'puzzles', 'dolls', 'building', 'science']),
    ],
  },
];

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

/** Whether people buy items of the category again (false for an unknown one). */
export function buysAgain(categoryId: string): boolean {
  return BY_ID.get(categoryId)?.buyAgain === true;
}

/** The category with that id, or undefined for an unknown one. */
export function categoryById(id: string): CategorySpec | undefined {
  return BY_ID.get(id);
}
