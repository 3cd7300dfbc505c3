import { describe, expect, it } from 'vitest';
import { intlLocale } from '../../shared/languages';
import { formatDate, formatMoney } from './format';

describe('dates and numbers per locale', () => {
  it('writes Thai dates in the Buddhist era', () => {
    expect(intlLocale('th')).toBe('th-TH-u-ca-buddhist');
    expect(formatDate('2026-12-04', 'th')).toBe('4 ธ.ค. 2569');
    expect(formatDate('2026-12-04', 'th')).not.toContain('2026');
  });

  it('writes Japanese, Vietnamese and Indonesian dates in their own order', () => {
    expect(formatDate('2026-12-04', 'ja')).toBe('2026/12/04');
    expect(formatDate('2026-12-04', 'vi')).toBe('4 thg 12, 2026');
    expect(formatDate('2026-12-04', 'id')).toBe('4 Des 2026');
  });

  it('writes money in the reader’s number style', () => {
    expect(formatMoney({ amount: '1500.50', currency: 'THB' }, 'th')).toBe('฿1,500.50');
    expect(formatMoney({ amount: '25000', currency: 'VND' }, 'vi')).toMatch(/^25\.000\s₫$/);
  });

  it('keeps a tag that is no interface language as it is', () => {
    expect(intlLocale('en-GB')).toBe('en-GB');
  });
});
