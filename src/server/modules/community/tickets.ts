import { randomInt } from 'node:crypto';

/**
 * Door tickets: ten characters of Crockford's base32 (50 random bits, shown as XXXXX-XXXXX), short
 * enough to type at the door when a camera fails, too many to guess; only an organiser of the
 * event can try one.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newTicketCode(): string {
  return Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** A code as scanned or typed: case, spaces and dashes do not matter; O reads as 0, I and L as 1. */
export function normalizeTicketCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export const showTicketCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;
