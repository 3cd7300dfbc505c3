import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatQuantity, unitName } from './formats.js';

/** The web app's public messages (read, not imported: src/shared imports neither the web nor the server). */
const messages = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../web/i18n/public/${locale}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;
const netUnit = { id: messages('id'), en: messages('en'), ja: messages('ja') } as const;

describe('a volume’s unit', () => {
  it('is spelt as the label facts spell a net quantity, in each language (one page, one spelling)', () => {
    for (const locale of ['id', 'en', 'ja'] as const) {
      expect(unitName('250 ml', locale)).toBe(`250 ${netUnit[locale]['netUnit.ml']}`);
      expect(unitName('botol 250 ml', locale)).toContain(`250 ${netUnit[locale]['netUnit.ml']}`);
    }
    expect(unitName('250 ml', 'ja')).toBe('250 mL');
    expect(unitName('250ml', 'ja')).toBe('250mL');
    expect(unitName('botol 1,5 l', 'ja')).toBe('本（1.5 L）');
    expect(formatQuantity('12', '250 ml', 'ja')).toBe('12 × 250 mL');
    // other sizes stay as typed
    expect(unitName('100 g', 'ja')).toBe('100 g');
    expect(unitName('lembar 2,1 m', 'ja')).toBe('枚（2.1 m）');
  });
});
