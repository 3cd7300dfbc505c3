import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.js';
import { STRONG_PASSWORD } from '../../../../test/factories.js';
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
    for (let n = 0; n < REGISTRATION_THROTTLE.perIp - 1; n++) expect((await signUp(n)).statusCode).toBe(201);
    // The limit counts attempts, refused ones too: the tenth is still answered, the eleventh is not.
    expect((await signUp(REGISTRATION_THROTTLE.perIp)).statusCode).toBe(201);
    const refused = await signUp(REGISTRATION_THROTTLE.perIp + 1);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const [row] = await t.database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM users WHERE email LIKE 'buyer-%@example.jp'",
    );
    expect(row!.n).toBe(REGISTRATION_THROTTLE.perIp);
  });
});
