import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts personal data (national id numbers, phones) at rest with AES-256-GCM, under a key
 * derived from OVOP_SECRET. A keyed hash lets the database find duplicates without the clear text.
 * A third key, for nothing else, signs the short-lived links to private files.
 */
export class PersonalDataCipher {
  readonly #key: Buffer;
  readonly #hashKey: Buffer;
  readonly #linkKey: Buffer;

  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'ovop', 'personal-data encryption v1', 32));
    this.#hashKey = Buffer.from(hkdfSync('sha256', secret, 'ovop', 'personal-data lookup hash v1', 32));
    this.#linkKey = Buffer.from(hkdfSync('sha256', secret, 'ovop', 'private file link signature v1', 32));
  }

  /** HMAC-SHA256 of a link's terms (see storage/media-links.ts), base64url. */
  linkSignature(terms: string): string {
    return createHmac('sha256', this.#linkKey).update(terms).digest('base64url');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const raw = Buffer.from(stored.replace(/^v1:/, ''), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  lookupHash(plain: string): string {
    return createHmac('sha256', this.#hashKey).update(plain).digest('hex');
  }
}

/** Shows only the last digits: enough to tell records apart, too little to use. */
export function maskDigits(value: string, visible = 4): string {
  const digits = value.replace(/\D/g, '');
  return `${'•'.repeat(Math.max(0, digits.length - visible))}${digits.slice(-visible)}`;
}
