import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance, terms } from './text.ts';

describe('search text', () => {
  it('folds case and accents and splits on punctuation, keeping sizes like 8GB whole', () => {
    expect(terms('Crème BRÛLÉE, 8GB—Wi-Fi (XL)')).toEqual(['creme', 'brulee', '8gb', 'wi', 'fi', 'xl']);
  });

  it('counts a swap of neighbours as one edit and stops counting past the limit', () => {
    expect(editDistance('smasung', 'samsung', 1)).toBe(1);
    expect(editDistance('lptop', 'laptop', 1)).toBe(1);
    expect(editDistance('headphnes', 'headphones', 2)).toBe(1);
    expect(editDistance('refrigerator', 'refrigirater', 2)).toBe(2);
    expect(editDistance('shirt', 'shoes', 1)).toBe(2);
  });

  it('allows no edit below four letters, one up to seven, two from eight', () => {
    expect([allowedEdits('tv'), allowedEdits('sofa'), allowedEdits('samsung'), allowedEdits('keyboard')]).toEqual([
      0, 1, 1, 2,
    ]);
  });
});
