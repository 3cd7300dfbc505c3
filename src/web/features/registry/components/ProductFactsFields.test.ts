import { describe, expect, it } from 'vitest';
import { factsBody, factsOf } from './ProductFactsFields';

describe('the product form’s label facts', () => {
  it('sends what was typed, a decimal comma read as a point, and nothing typed as null', () => {
    expect(factsBody({ shelfLife: '180', netAmount: '0,25', netUnit: 'kg', allergens: ['milk'] })).toEqual({
      shelfLifeDays: 180,
      netQuantity: { amount: 0.25, unit: 'kg' },
      allergens: ['milk'],
    });
    expect(factsBody({ shelfLife: ' ', netAmount: '', netUnit: 'g', allergens: null })).toEqual({
      shelfLifeDays: null,
      netQuantity: null,
      allergens: null,
    });
  });

  it('keeps "declared none" apart from "not declared" when a product is loaded', () => {
    expect(factsOf(null)).toEqual({ shelfLife: '', netAmount: '', netUnit: 'g', allergens: null });
    const loaded = factsOf({ shelfLifeDays: 90, netQuantity: { amount: 100, unit: 'ml' }, allergens: [] } as never);
    expect(loaded).toEqual({ shelfLife: '90', netAmount: '100', netUnit: 'ml', allergens: [] });
  });
});
