import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { buildUser, STRONG_PASSWORD } from '../../../../test/factories.js';
import { REGISTRATION_THROTTLE } from '../platform/index.js';

const t = useTestApp();

const signUp = (n: number) =>
  t.request({
    method: 'POST',
    url: '/api/v1/buyers',
    payload: {
      email: `buyer-${n}@example.jp`,
      name: 'Sato Hanako',
      password: STRONG_PASSWORD,
      companyName: 'Oita Fine Foods K.K.',
      country: 'JP',
      areaCode: null,
    },
  });

describe('buyer sign-up', () => {
  it('lets one address open a few accounts an hour, then answers 429 with Retry-After before any work', async () => {
    for (let n = 0; n < REGISTRATION_THROTTLE.perIp - 1; n++) expect((await signUp(n)).statusCode).toBe(202);
    // The limit counts attempts, refused ones too: the tenth is still answered, the eleventh is not.
    expect((await signUp(REGISTRATION_THROTTLE.perIp)).statusCode).toBe(202);
    const refused = await signUp(REGISTRATION_THROTTLE.perIp + 1);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const [row] = await t.database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM users WHERE email LIKE 'buyer-%@example.jp'",
    );
    expect(row!.n).toBe(REGISTRATION_THROTTLE.perIp);
  });

  it('answers a sign-up alike whether or not the email already has an account, and tells its owner', async () => {
    const owner = await buildUser(t.database.db, { email: 'sari@oita-foods.jp' });
    const attempt = (email: string, fields: Record<string, unknown> = {}) =>
      t.request({
        method: 'POST',
        url: '/api/v1/buyers',
        payload: {
          email,
          name: 'Sato Hanako',
          password: 'Beppu-Onsen-Karinto-2026',
          companyName: 'Oita Fine Foods K.K.',
          country: 'JP',
          areaCode: null,
          ...fields,
        },
      });
    // Everything but the request's own id (`instance`), with the email put aside.
    const shape = (r: Awaited<ReturnType<typeof attempt>>, email: string) => ({
      status: r.statusCode,
      body: { ...(JSON.parse(r.body.replaceAll(email, '<email>')) as object), instance: undefined },
    });
    const taken = await attempt(owner.email);
    const fresh = await attempt('new-buyer@oita-foods.jp');
    expect(shape(taken, owner.email)).toEqual(shape(fresh, 'new-buyer@oita-foods.jp'));
    expect(taken.statusCode).toBe(202);
    // A refused profile is refused alike too: the area is checked whether or not the account exists.
    const badArea = { country: 'ID', areaCode: '99.99' };
    const takenBadArea = await attempt(owner.email, badArea);
    const freshBadArea = await attempt('other-buyer@oita-foods.jp', badArea);
    expect(shape(takenBadArea, owner.email)).toEqual(shape(freshBadArea, 'other-buyer@oita-foods.jp'));
    expect(takenBadArea.statusCode).toBe(400);

    // The existing account is untouched and its owner is told; the new one can sign in.
    const rows = await t.database.db.query<{ email: string }>(
      "SELECT email FROM users WHERE email LIKE '%@oita-foods.jp' ORDER BY email",
    );
    expect(rows.map((r) => r.email)).toEqual(['new-buyer@oita-foods.jp', 'sari@oita-foods.jp']);
    expect(await t.database.db.query('SELECT 1 FROM buyers WHERE user_id = $1', [owner.id])).toHaveLength(0);
    const told = await t.database.db.query<{ to_address: string; kind: string }>(
      'SELECT to_address, kind FROM email_outbox',
    );
    expect(told).toEqual([{ to_address: owner.email, kind: 'account.sign_up_attempt' }]);
    const signIn = (email: string, password: string) =>
      t.request({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
    expect((await signIn(owner.email, STRONG_PASSWORD)).statusCode).toBe(200);
    expect((await signIn('new-buyer@oita-foods.jp', 'Beppu-Onsen-Karinto-2026')).statusCode).toBe(200);
  });
});
