/**
 * A training certificate's number, as printed and typed: its ten-character verification code and
 * one check character, in groups of four ("7KQ2-M9XA-4TC"). The alphabet has no look-alikes (no
 * 0/O, 1/I), and the check character is Luhn mod 32 over it: any one mistyped character, and any
 * two neighbours swapped but "2" and "Z" (Luhn's blind spot), are caught before the lookup, so a
 * reader is told "mistyped", not "fake".
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const N = CODE_ALPHABET.length;

/** The Luhn mod N check character of a code in the alphabet. */
export function checkCharacter(code: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = code.length - 1; i >= 0; i--) {
    const value = CODE_ALPHABET.indexOf(code[i]!);
    if (value < 0) throw new Error(`not in the alphabet: ${code[i]}`);
    const added = factor * value;
    sum += Math.floor(added / N) + (added % N);
    factor = factor === 2 ? 1 : 2;
  }
  return CODE_ALPHABET[(N - (sum % N)) % N]!;
}

/** The printed number of a verification code: the code and its check character, grouped by four. */
export function certificateNumber(code: string): string {
  const all = code + checkCharacter(code);
  return all.match(/.{1,4}/g)!.join('-');
}

/**
 * The verification code in a number as a person typed it (any case, spaces or dashes, O for 0 and I
 * or L for 1 are not in the alphabet and so cannot be meant): null when it is not eleven characters
 * of the alphabet or its check character does not match.
 */
export function codeOfNumber(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s\-–.]/g, '');
  if (chars.length !== 11 || [...chars].some((c) => !CODE_ALPHABET.includes(c))) return null;
  const code = chars.slice(0, 10);
  return checkCharacter(code) === chars[10] ? code : null;
}
