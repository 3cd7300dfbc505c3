import { describe, expect, it } from 'vitest';
import { valueText } from './value-text';

describe('a figure as the reader sees it', () => {
  it('writes a small count "<5" and a cell hidden beside it "x", and a shown count as a number', () => {
    const row = { currency: null, value: null, suppressed: true };
    expect(valueText({ ...row, complementary: false }, 'id')).toBe('<5');
    expect(valueText({ ...row, complementary: true }, 'id')).toBe('x');
    expect(valueText({ currency: null, value: '1234', suppressed: false, complementary: false }, 'id')).toBe('1.234');
  });
});
