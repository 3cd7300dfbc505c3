import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../../../test/app.js';
import { buildApp } from '../../app.js';
import { buildUser, STRONG_PASSWORD } from '../../../../test/factories.js';
import { THROTTLE } from './auth.service.js';

const t = useTestApp();

const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';

/** A sign-in from one client address, through `app` (the shared test app unless given). */
const signInFrom = (address: string, email: string, password: string, app = t.app) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    remoteAddress: address,
    headers: { host: 'localhost:3000', origin: 'http://localhost:3000' },
    payload: { email, password },
  });

describe('sign-in throttling by account and address', () => {
  it('throttles the address that keeps failing, while the owner signs in from another address', async () => {
    const admin = await buildUser(t.database.db, { email: 'admin@example.id', isAdmin: true });
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await signInFrom(ATTACKER, admin.email, `wrong-${i}`)).statusCode);
    expect(answers.slice(0, THROTTLE.perPair)).toEqual(Array(THROTTLE.perPair).fill(401));
    expect(answers.slice(THROTTLE.perPair)).toEqual(Array(10 - THROTTLE.perPair).fill(429));
    const refused = await signInFrom(ATTACKER, admin.email, STRONG_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    const owner = await signInFrom(OWNER, admin.email, STRONG_PASSWORD);
    expect(owner.statusCode).toBe(200);
  });

  it('throttles an address that fails across many accounts, for every account', async () => {
    for (let i = 0; i < THROTTLE.perIp; i++) {
      expect((await signInFrom(ATTACKER, `guess-${i}@example.id`, 'wrong-password')).statusCode).toBe(401);
    }
    const user = await buildUser(t.database.db);
    expect((await signInFrom(ATTACKER, user.email, STRONG_PASSWORD)).statusCode).toBe(429);
    expect((await signInFrom(OWNER, user.email, STRONG_PASSWORD)).statusCode).toBe(200);
  });

  it('lengthens the lock each time the address fails again after it ends', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    const app = await buildApp({
      config: testConfig,
      db: t.database.db,
      logger: false,
      clock: { now: () => now },
    });
    try {
      const user = await buildUser(t.database.db);
      for (let i = 0; i < THROTTLE.perPair; i++) await signInFrom(ATTACKER, user.email, `wrong-${i}`, app);
      const first = await signInFrom(ATTACKER, user.email, STRONG_PASSWORD, app);
      expect(first.statusCode).toBe(429);
      expect(Number(first.headers['retry-after'])).toBe(THROTTLE.lockSeconds);

      now = new Date(now.getTime() + (THROTTLE.lockSeconds + 1) * 1000);
      expect((await signInFrom(ATTACKER, user.email, 'wrong-again', app)).statusCode).toBe(401);
      const second = await signInFrom(ATTACKER, user.email, STRONG_PASSWORD, app);
      expect(second.statusCode).toBe(429);
      expect(Number(second.headers['retry-after'])).toBe(2 * THROTTLE.lockSeconds);

      // The lock ends; the right password from that address then works and forgets the failures.
      now = new Date(now.getTime() + (2 * THROTTLE.lockSeconds + 1) * 1000);
      expect((await signInFrom(ATTACKER, user.email, STRONG_PASSWORD, app)).statusCode).toBe(200);
      expect((await signInFrom(ATTACKER, user.email, 'one-typo-here', app)).statusCode).toBe(401);
      expect((await signInFrom(ATTACKER, user.email, STRONG_PASSWORD, app)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('slows an account failing from many addresses, yet lets its owner in from a fresh address', async () => {
    const user = await buildUser(t.database.db);
    const addresses = Math.ceil(THROTTLE.perAccount / (THROTTLE.perPair - 1));
    for (let a = 0; a < addresses; a++) {
      for (let i = 0; i < THROTTLE.perPair - 1; i++) {
        expect((await signInFrom(`192.0.2.${a + 1}`, user.email, `wrong-${i}`)).statusCode).toBe(401);
      }
    }
    // Past the account's ceiling, a new address is locked after its first failure.
    expect((await signInFrom('192.0.2.200', user.email, 'wrong-password')).statusCode).toBe(401);
    expect((await signInFrom('192.0.2.200', user.email, STRONG_PASSWORD)).statusCode).toBe(429);
    expect((await signInFrom(OWNER, user.email, STRONG_PASSWORD)).statusCode).toBe(200);
  });
});
