import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/server-process.js';
import { DiskFileStorage, type FileStorage } from './file-storage.js';
import { S3FileStorage } from './s3-file-storage.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ovop-files-'));
  dirs.push(dir);
  return dir;
};

// An S3-compatible server on loopback (s3rver speaks the S3 REST protocol, keeps objects on disk).
let s3: S3rver;
let endpoint: string;
beforeAll(async () => {
  const port = await freePort();
  s3 = new S3rver({
    port,
    address: '127.0.0.1',
    silent: true,
    directory: tempDir(),
    configureBuckets: [{ name: 'ovop-media', configs: [] }],
  });
  await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => FileStorage][] = [
  ['the data folder', () => new DiskFileStorage(tempDir())],
  [
    'S3-compatible storage',
    () =>
      new S3FileStorage({
        endpoint,
        bucket: 'ovop-media',
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      }),
  ],
];

describe.each(stores)('file storage in %s', (_name, make) => {
  it('stores, returns and deletes files by key', async () => {
    const files = make();
    const data = Buffer.from([0, 1, 2, 250, 255]);
    await files.put('products/0193/abc-thumb.webp', data);
    expect(await files.get('products/0193/abc-thumb.webp')).toEqual(data);
    await files.delete('products/0193/abc-thumb.webp');
    expect(await files.get('products/0193/abc-thumb.webp')).toBeUndefined();
    await expect(files.delete('products/0193/abc-thumb.webp')).resolves.toBeUndefined();
  });

  it('refuses keys that could escape their folder', async () => {
    const files = make();
    await expect(files.put('../etc/passwd.txt', Buffer.from('x'))).rejects.toThrow(/storage key/);
    expect(await files.get('../../secret.key')).toBeUndefined();
  });
});
