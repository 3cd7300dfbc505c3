import { AwsClient } from 'aws4fetch';
import { isStorageKey, type FileStorage } from './file-storage.js';

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Cloudflare R2 …), addressed path-style
 * (`endpoint/bucket/key`) so any compatible server works. Requests are signed with AWS SigV4.
 */
export class S3FileStorage implements FileStorage {
  readonly #client: AwsClient;
  readonly #base: string;

  constructor(settings: S3Settings) {
    this.#client = new AwsClient({
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      region: settings.region,
      service: 's3',
    });
    this.#base = `${settings.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}`;
  }

  #url(key: string): string {
    if (!isStorageKey(key)) throw new Error(`not a storage key: ${key}`);
    return `${this.#base}/${key}`;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const response = await this.#client.fetch(this.#url(key), { method: 'PUT', body: new Uint8Array(data) });
    if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status} ${await response.text()}`);
  }

  async get(key: string): Promise<Buffer | undefined> {
    if (!isStorageKey(key)) return undefined;
    const response = await this.#client.fetch(this.#url(key));
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`S3 GET ${key} failed: ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const response = await this.#client.fetch(this.#url(key), { method: 'DELETE' });
    if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${response.status}`);
  }
}
