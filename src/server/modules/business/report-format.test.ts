import { describe, expect, it } from 'vitest';
import { formatDay, formatMoney, periodHeading } from './report-format.js';

const rp = (amount: string) => ({ amount, currency: 'IDR' });

describe('printed statements: money and dates in each language', () => {
  it('writes rupiah the Indonesian way and negatives in brackets', () => {
    expect(formatMoney(rp('15210000.00'), 'id')).toBe('Rp 15.210.000');
    expect(formatMoney(rp('-400000.00'), 'id')).toBe('(Rp 400.000)');
    expect(formatMoney(rp('-400000.00'), 'en')).toBe('(IDR 400,000)');
  });

  it('marks a Japanese negative with a triangle, and never prints a negative zero', () => {
    expect(formatMoney(rp('-400000.00'), 'ja')).toBe('△IDR 400,000');
    expect(formatMoney(rp('-0.00'), 'id')).toBe('Rp 0');
  });

  it('keeps sen when an amount has them', () => {
    expect(formatMoney(rp('-1250.50'), 'id')).toBe('(Rp 1.250,50)');
  });

  it('heads a part-year column with its first and last day, a whole year with the year', () => {
    expect(periodHeading('2026-01-01', '2026-12-31', 'id')).toBe('2026');
    expect(periodHeading('2026-01-01', '2026-11-30', 'id')).toBe('1 Jan – 30 Nov 2026');
    expect(periodHeading('2025-01-01', '2025-11-30', 'en')).toBe('1 Jan – 30 Nov 2025');
    expect(formatDay('2026-12-31', 'id')).toBe('31 Desember 2026');
  });
});
