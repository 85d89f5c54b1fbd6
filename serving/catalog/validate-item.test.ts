// Supplier records: good ones pass as they are, bad ones are refused with every reason, naming the field.
import { describe, expect, it } from 'vitest';
import { demoItem } from '../../ingest/demo/items.ts';
import { validateSupplierItem } from './validate-item.ts';

const shirt = {
  supplierId: 'sup-acme',
  itemId: 'shirt-1',
  name: 'Oxford Shirt',
  description: 'A classic shirt.',
  brand: 'Arrow',
  category: 'shirts',
  priceMinor: 2999,
  currency: 'USD',
  attributes: { size: 'M', colour: 'blue' },
  imageUrl: null,
};

describe('validateSupplierItem', () => {
  it('accepts a complete record and every demo item', () => {
    expect(validateSupplierItem(shirt)).toEqual({ ok: true, item: shirt });
    for (let i = 0; i < 500; i++) expect(validateSupplierItem(demoItem(3, i)).ok).toBe(true);
  });

  it('refuses a price that is not whole positive cents, naming priceMinor', () => {
    for (const priceMinor of [29.99, -5, 0, '2999']) {
      const result = validateSupplierItem({ ...shirt, priceMinor });
      expect(result).toMatchObject({ ok: false, reasons: [{ field: 'priceMinor' }] });
    }
  });

  it('lists every problem at once: unknown category, missing name', () => {
    const result = validateSupplierItem({ ...shirt, name: '', category: 'spaceships' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons.map((r) => r.field).sort()).toEqual(['category', 'name']);
  });

  it('checks attributes against the category: required, allowed values, unknown names', () => {
    const result = validateSupplierItem({ ...shirt, attributes: { colour: 'plaid', screen_size: '55' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons).toEqual([
        { field: 'attributes.size', message: 'is required for shirts' },
        { field: 'attributes.colour', message: expect.stringContaining('must be one of') as string },
        {
          field: 'attributes.screen_size',
          message: expect.stringContaining('is not an attribute of shirts') as string,
        },
      ]);
    }
  });
});
