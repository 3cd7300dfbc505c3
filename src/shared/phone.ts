/**
 * Phone numbers as accounts keep them: E.164 (`+6281234567890`). Indonesians write their mobile
 * numbers `0812-3456-7890` or `62812…`; both mean `+62812…`. Spaces, dots, dashes and brackets
 * are the writer's grouping and carry nothing.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.()-]/g, '');
  let e164: string;
  if (/^\+\d+$/.test(compact)) e164 = compact;
  else if (/^00\d+$/.test(compact)) e164 = `+${compact.slice(2)}`;
  else if (/^0\d+$/.test(compact)) e164 = `+62${compact.slice(1)}`;
  else if (/^62\d+$/.test(compact)) e164 = `+${compact}`;
  else return null;
  // Indonesian numbers: the country code, then 7–12 digits with no trunk 0 (E.164 allows 15 in all).
  if (e164.startsWith('+62')) return /^\+62[1-9]\d{6,11}$/.test(e164) ? e164 : null;
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null;
}

/** Whether a sign-in name is a phone number rather than an email: it has no `@`. */
export const looksLikePhone = (login: string): boolean => !login.includes('@');

/**
 * A kept number as Indonesians write it: a mobile `+6281234567890` as `0812 3456 7890` (groups of
 * four from the trunk 0), another Indonesian number with its trunk 0; a foreign number as kept.
 */
export function phoneText(e164: string): string {
  if (!e164.startsWith('+62')) return e164;
  const national = `0${e164.slice(3)}`;
  return national.startsWith('08') ? (national.match(/.{1,4}/g) ?? []).join(' ') : national;
}
