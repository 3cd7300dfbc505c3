import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateNumber, CODE_ALPHABET, codeOfNumber } from './certificate-number.js';

const code = fc
  .array(fc.constantFrom(...CODE_ALPHABET), { minLength: 10, maxLength: 10 })
  .map((chars) => chars.join(''));

describe('certificate numbers', () => {
  it('read back the code of a number as printed, in any case, with or without dashes and spaces', () => {
    fc.assert(
      fc.property(code, (c) => {
        const number = certificateNumber(c);
        expect(number).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{3}$/);
        expect(codeOfNumber(number)).toBe(c);
        expect(codeOfNumber(number.toLowerCase().replaceAll('-', ' '))).toBe(c);
        expect(codeOfNumber(number.replaceAll('-', ''))).toBe(c);
      }),
    );
  });

  it('catch every single mistyped character and every swap of two neighbours but one pair', () => {
    fc.assert(
      fc.property(code, fc.nat(10), fc.constantFrom(...CODE_ALPHABET), (c, at, wrong) => {
        const chars = [...certificateNumber(c).replaceAll('-', '')];
        fc.pre(chars[at] !== wrong);
        const typo = [...chars];
        typo[at] = wrong;
        expect(codeOfNumber(typo.join(''))).toBeNull();
        // Luhn mod N's one blind spot: the first and last characters of the alphabet swapped (2Z ↔ Z2).
        const pair = new Set([chars[at], chars[at + 1]]);
        const blind = pair.has(CODE_ALPHABET[0]) && pair.has(CODE_ALPHABET.at(-1));
        if (at < 10 && chars[at] !== chars[at + 1] && !blind) {
          const swapped = [...chars];
          [swapped[at], swapped[at + 1]] = [swapped[at + 1]!, swapped[at]!];
          expect(codeOfNumber(swapped.join(''))).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse what is not a number of the alphabet and length', () => {
    for (const typed of ['', '7KQ2-M9XA-4T', '7KQ2-M9XA-4TCC', '0KQ2-M9XA-4TC', 'IKQ2-M9XA-4TC'])
      expect(codeOfNumber(typed)).toBeNull();
  });
});
