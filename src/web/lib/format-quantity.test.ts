import { describe, expect, it } from 'vitest';
import { formatQuantity, formatRate, unitName } from './format';

describe('quantities with their units', () => {
  it('never runs a number into a size, and groups digits the reader’s way', () => {
    expect(formatQuantity('1500', '100 g', 'id')).toBe('1.500 × 100 g');
    expect(formatQuantity('1500', '100 g', 'en')).toBe('1,500 × 100 g');
    expect(formatQuantity('575', '100 g', 'ja')).toBe('575 × 100 g');
    expect(formatQuantity('40.25', 'kg', 'id')).toBe('40,25 kg');
    expect(formatQuantity('12', 'buah', 'id')).toBe('12 buah');
  });

  it('names the Indonesian unit words in English and Japanese, the size after them with the reader’s decimal point', () => {
    expect(unitName('buah', 'ja')).toBe('個');
    expect(unitName('bungkus 150 g', 'en')).toBe('pack (150 g)');
    expect(unitName('bungkus 150 g', 'ja')).toBe('袋（150 g）');
    expect(unitName('Lembar 2,1 m', 'ja')).toBe('枚（2.1 m）');
    expect(unitName('lembar 2,1 m', 'en')).toBe('sheet (2.1 m)');
    expect(unitName('lembar 2,1 m', 'id')).toBe('lembar 2,1 m');
    expect(unitName('100 g', 'ja')).toBe('100 g');
    expect(unitName('tray', 'ja')).toBe('tray');
    expect(formatQuantity('3', 'bungkus 150 g', 'ja')).toBe('3 袋（150 g）');
  });
});

describe('exchange rates as text', () => {
  it('are written as the reader writes numbers, with every decimal kept', () => {
    expect(formatRate('104.5', 'id')).toBe('104,5');
    expect(formatRate('104.5', 'en')).toBe('104.5');
    expect(formatRate('0.0065789', 'ja')).toBe('0.0065789');
    expect(formatRate('16250', 'id')).toBe('16.250');
  });
});
