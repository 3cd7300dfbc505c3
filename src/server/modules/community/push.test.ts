import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../../../test/app.js';
import { communityWorld } from '../../../../test/community-fixtures.js';
import { testCipher } from '../../../../test/factories.js';
import { sendPendingPushes } from '../platform/index.js';

const t = useTestApp();

/**
 * A stand-in for a browser vendor's push service on this machine (RFC 8030): it takes a push at
 * /push/<name> and answers as told — 201 Created for a delivered message, 410 Gone for a
 * subscription that expired or was unsubscribed, 404 Not Found for one it never knew, 503 for a
 * service that is down for now. It records what it was sent.
 */
const answers: Record<string, number> = { ok: 201, gone: 410, unknown: 404, down: 503 };
const received: { name: string; headers: Record<string, string | string[] | undefined>; body: Buffer }[] = [];
let service: Server;
let origin = '';
const agent = new Agent({ rejectUnauthorized: false });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ovop-push-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  service = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const name = req.url!.split('/').at(-1)!;
        received.push({ name, headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(answers[name] ?? 404, { location: `${origin}/message/${received.length}` }).end();
      });
    },
  );
  await new Promise<void>((done) => service.listen(0, '127.0.0.1', done));
  const address = service.address();
  origin = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((done) => service.close(() => done())));

/** A browser's side of a subscription: its P-256 key pair and auth secret, as PushManager makes them. */
function browser(name: string) {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    subscription: {
      endpoint: `${origin}/push/${name}`,
      expirationTime: null,
      keys: { p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') },
    },
    /** Decrypts an aes128gcm message as the browser would (RFC 8291, RFC 8188). */
    decrypt(body: Buffer): string {
      const salt = body.subarray(0, 16);
      const idLength = body[20]!;
      const serverKey = body.subarray(21, 21 + idLength);
      const secret = ecdh.computeSecret(serverKey);
      const info = Buffer.concat([Buffer.from('WebPush: info\0'), publicKey, serverKey]);
      const ikm = Buffer.from(hkdfSync('sha256', secret, auth, info, 32));
      const key = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
      const sealed = body.subarray(21 + idLength);
      const decipher = createDecipheriv('aes-128-gcm', key, nonce);
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      const padded = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
      return padded.subarray(0, padded.lastIndexOf(2)).toString('utf8');
    },
  };
}

const settings = { configured: undefined, subject: 'mailto:admin@example.id', cipher: testCipher };
const subscriptions = () =>
  t.database.db.query<{ endpoint: string; failures: number }>(
    'SELECT endpoint, failures FROM push_subscriptions ORDER BY endpoint',
  );

describe('web push', () => {
  it('reaches every subscribed browser with the notice, encrypted and signed, and drops the ones the push service says are gone', async () => {
    received.length = 0;
    const w = await communityWorld(t);
    const phone = browser('ok');
    const devices = ['ok', 'gone', 'unknown', 'down'].map((name) => (name === 'ok' ? phone : browser(name)));
    for (const d of devices)
      expect(
        (await w.request('POST', '/api/v1/notifications/push-subscriptions', w.rina.session, d.subscription))
          .statusCode,
      ).toBe(201);
    const shown = await w.ok('GET', '/api/v1/notifications/settings', w.rina.session);
    expect(shown).toMatchObject({ push: true, pushSubscriptions: 4 });
    expect(shown.vapidPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);

    const q = await w.thread(w.space('packaging'), w.ayu.session, { body: 'Bagaimana menurut @Baiq Rina?' });
    const run = await sendPendingPushes(t.database.db, { ...settings, cipher: testCipher }, { agent });
    expect(run).toEqual({ sent: 1, removed: 2, failed: 1 });
    expect(received.map((r) => r.name).sort()).toEqual(['down', 'gone', 'ok', 'unknown']);
    const delivered = received.find((r) => r.name === 'ok')!;
    expect(delivered.headers['content-encoding']).toBe('aes128gcm');
    expect(delivered.headers.ttl).toBe(String(24 * 3600));
    expect(delivered.headers.authorization).toMatch(
      new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${shown.vapidPublicKey}$`),
    );
    expect(delivered.body.includes(Buffer.from('Baiq'))).toBe(false);
    expect(JSON.parse(phone.decrypt(delivered.body))).toMatchObject({
      text: 'Ni Made Ayu menyebut Anda di “Kemasan keripik salak”',
      kind: 'community.mention',
      params: { by: 'Ni Made Ayu', thread: 'Kemasan keripik salak' },
      link: `/app/threads/${q.id}`,
    });
    // 404 and 410 remove the subscription at once; a service that is down counts a failure
    expect(await subscriptions()).toEqual([
      { endpoint: `${origin}/push/down`, failures: 1 },
      { endpoint: `${origin}/push/ok`, failures: 0 },
    ]);
    // nothing is pushed twice
    expect(await sendPendingPushes(t.database.db, settings, { agent })).toEqual({ sent: 0, removed: 0, failed: 0 });
  });

  it('keeps one VAPID key pair for the server, its private half encrypted, and pushes nothing to whoever turned push off', async () => {
    received.length = 0;
    const w = await communityWorld(t);
    await w.ok('POST', '/api/v1/notifications/push-subscriptions', w.rina.session, browser('ok').subscription);
    const first = (await w.ok('GET', '/api/v1/notifications/settings', w.rina.session)).vapidPublicKey;
    expect((await w.ok('GET', '/api/v1/notifications/settings', w.ayu.session)).vapidPublicKey).toBe(first);
    const [kept] = await t.database.db.query<{ private_key: string }>('SELECT private_key FROM push_vapid_keys');
    expect(kept!.private_key).not.toMatch(/^[A-Za-z0-9_-]{43}$/);

    await w.ok('PATCH', '/api/v1/notifications/settings', w.rina.session, { push: false });
    await w.thread(w.space('packaging'), w.ayu.session, { body: 'Bagaimana menurut @Baiq Rina?' });
    expect(await sendPendingPushes(t.database.db, settings, { agent })).toEqual({ sent: 0, removed: 0, failed: 0 });
    expect(received).toEqual([]);
    // the browser says goodbye: its subscription goes
    const removed = await w.ok('POST', '/api/v1/notifications/push-subscriptions/remove', w.rina.session, {
      endpoint: `${origin}/push/ok`,
    });
    expect(removed).toEqual({ subscribed: false });
    expect(await subscriptions()).toEqual([]);
  });

  it('refuses a subscription that is not https or whose keys are not a browser’s, naming the fields', async () => {
    const w = await communityWorld(t);
    const r = await w.request('POST', '/api/v1/notifications/push-subscriptions', w.rina.session, {
      endpoint: 'http://push.example.com/x',
      keys: { p256dh: 'short', auth: '' },
    });
    expect(r.statusCode).toBe(400);
    expect([...new Set((r.json().errors as { path: string }[]).map((e) => e.path))].sort()).toEqual([
      'endpoint',
      'keys.auth',
      'keys.p256dh',
    ]);
    expect(testConfig.vapid).toBeUndefined();
  });
});
