import { timingSafeEqual } from 'node:crypto';
import type { PersonalDataCipher } from '../crypto/personal-data.js';
import type { Actor, Clock } from '../http/context.js';

/**
 * Links to uploaded files. Product and success-story photos are public: their folders are listed here and their
 * address is permanent. Every other folder is private (assessment evidence, certificate documents,
 * course materials, community posts' photos, and whatever is added later unless it is listed here): such a file is served
 * only to an account its owning module lets read the record it belongs to, through a link signed
 * for that account that lapses after a few minutes, or to the signed-in caller itself.
 */
const PUBLIC_FOLDERS = new Set(['products', 'stories']);

/** How long a signed link opens its file: long enough to click, short enough that a copy soon dies. */
export const LINK_LIFETIME_SECONDS = 5 * 60;

export const folderOf = (key: string): string => key.slice(0, key.indexOf('/'));
export const isPublicKey = (key: string): boolean => PUBLIC_FOLDERS.has(folderOf(key));

/** The query of a signed link: when it lapses (Unix seconds), for whom, and the signature over both and the key. */
export interface LinkTerms {
  expires?: string | undefined;
  account?: string | undefined;
  signature?: string | undefined;
}

/** What signing needs: the caller the link is for, the server's key, and "now". */
export interface LinkSigner {
  actor: Actor;
  cipher: PersonalDataCipher;
  clock: Clock;
}

const terms = (key: string, expires: string, account: string) => `${key}\n${expires}\n${account}`;

/**
 * The address of a stored file for the caller: a public photo's own address, or for a private
 * file a link signed for the caller's account (HMAC over key, expiry and account) that lapses.
 */
export function mediaUrl(signer: LinkSigner, key: string): string {
  const path = `/media/${key}`;
  if (isPublicKey(key) || signer.actor.kind !== 'user') return path;
  const expires = String(Math.floor(signer.clock.now().getTime() / 1000) + LINK_LIFETIME_SECONDS);
  const account = signer.actor.id;
  const signature = signer.cipher.linkSignature(terms(key, expires, account));
  return `${path}?${new URLSearchParams({ expires, account, signature }).toString()}`;
}

/**
 * What a request's link terms prove: nothing (`absent`: no terms given), the account the link was
 * signed for (`{ account }`), or a refusal (`expired`, `invalid`: altered or made without the key).
 */
export function checkLink(
  cipher: PersonalDataCipher,
  now: Date,
  key: string,
  link: LinkTerms,
): 'absent' | 'expired' | 'invalid' | { account: string } {
  const { expires, account, signature } = link;
  if (expires === undefined && account === undefined && signature === undefined) return 'absent';
  if (!expires || !account || !signature || !/^\d{1,12}$/.test(expires)) return 'invalid';
  const expected = Buffer.from(cipher.linkSignature(terms(key, expires, account)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  if (Number(expires) * 1000 <= now.getTime()) return 'expired';
  return { account };
}

const PRIVATE_KEY = /^([a-z-]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/[0-9a-f-]+\.[a-z]+$/;

/** The id of the record a private file belongs to: keys are `<folder>/<record id>/<file id>.<ext>`. */
export function recordIdOf(key: string, folder: string): string | undefined {
  const match = PRIVATE_KEY.exec(key);
  return match?.[1] === folder ? match[2] : undefined;
}
