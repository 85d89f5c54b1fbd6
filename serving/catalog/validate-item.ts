// Checks one supplier record: the fields every item needs, then the attributes its category allows.
import { z } from 'zod';
import { id, text, url } from '../../platform/http/fields.ts';
import { SHOP_CURRENCY } from './money.ts';
import { CATEGORIES, categoryById } from './taxonomy.ts';
import type { SupplierItem } from './supplier-item.ts';

export interface Reason {
  field: string;
  message: string;
}

export type Checked = { ok: true; item: SupplierItem } | { ok: false; reasons: Reason[] };

/** The most attributes an item may carry (categories have a handful). */
const MAX_ATTRIBUTES = 32;

export const supplierItemSchema = z.object({
  supplierId: id(),
  itemId: id(),
  name: text({ max: 200 }),
  description: text({ max: 5000, min: 0, multiline: true }).default(''),
  brand: text({ max: 100 }),
  category: z.enum(CATEGORIES.map((c) => c.id) as [string, ...string[]], {
    error: `must be one of ${CATEGORIES.map((c) => c.id).join(', ')}`,
  }),
  priceMinor: z
    .number({ error: 'must be a number of minor units (cents)' })
    .int('must be a whole number of minor units (cents)')
    .positive('must be positive')
    .max(100_000_000_00, 'must be at most 10,000,000,000 minor units'),
  currency: z.literal(SHOP_CURRENCY, { error: `must be ${SHOP_CURRENCY}, the shop's currency` }).default(SHOP_CURRENCY),
  attributes: z
    .record(id({ max: 64 }), text({ max: 100 }))
    .refine((a) => Object.keys(a).length <= MAX_ATTRIBUTES, `must have at most ${MAX_ATTRIBUTES} attributes`)
    .default({}),
  imageUrl: url().nullable().default(null),
});

/** Every reason a record is refused, not just the first, so a supplier fixes a line in one go. */
export function validateSupplierItem(input: unknown): Checked {
  const parsed = supplierItemSchema.safeParse(input, {
    error: (issue) => (issue.input === undefined ? 'is required' : undefined),
  });
  if (!parsed.success) {
    return {
      ok: false,
      reasons: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'record', message: i.message })),
    };
  }
  const item = parsed.data;
  const reasons = attributeReasons(item.category, item.attributes);
  return reasons.length ? { ok: false, reasons } : { ok: true, item };
}

/** Required attributes present, values from the allowed list, no attribute the category does not have. */
export function attributeReasons(categoryId: string, attributes: Record<string, string>): Reason[] {
  const category = categoryById(categoryId)!;
  const reasons: Reason[] = [];
  for (const spec of category.attributes) {
    const value = attributes[spec.name];
    if (value === undefined) {
      if (spec.required) reasons.push({ field: `attributes.${spec.name}`, message: `is required for ${category.id}` });
    } else if (spec.values && !spec.values.includes(value)) {
      reasons.push({ field: `attributes.${spec.name}`, message: `must be one of ${spec.values.join(', ')}` });
    }
  }
  for (const name of Object.keys(attributes)) {
    if (!category.attributes.some((a) => a.name === name)) {
      reasons.push({
        field: `attributes.${name}`,
        message: `is not an attribute of ${category.id} (allowed: ${category.attributes.map((a) => a.name).join(', ')})`,
      });
    }
  }
  return reasons;
}
