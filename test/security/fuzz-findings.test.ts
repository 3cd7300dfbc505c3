import { describe, expect, it } from 'vitest';
import { useTestApp } from '../app.js';
import { buildUser, signedIn } from '../factories.js';

/** What the operation fuzzer (fuzz.test.ts) found, each as the request that found it. */

const t = useTestApp();

function expectProblem(r: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number) {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(r.body).not.toMatch(/FST_|find-my-way|\bat .*\.(ts|js):\d+/);
}

describe('bodies nested deeper than any request needs', () => {
  it('refuses a JSON body of 5,000 nested arrays with a 400 naming the body, signed in or not', async () => {
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    for (const as of [undefined, admin]) {
      const r = await t.request({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        as,
        headers: { 'content-type': 'application/json' },
        payload: deep,
      });
      expectProblem(r, 400);
      expect(r.json().errors).toEqual([expect.objectContaining({ path: '(body)', message: 'is nested too deeply' })]);
    }
  });

  it('refuses a field nested 30,000 objects deep with a 400 naming the field', async () => {
    const admin = await signedIn(t.app, await buildUser(t.database.db, { isAdmin: true }));
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/programs',
      as: admin,
      headers: { 'content-type': 'application/json' },
      payload: `{"code":"OVOP-X","name":${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}}`,
    });
    expectProblem(r, 400);
    expect(r.json().errors).toEqual([expect.objectContaining({ path: 'name', message: 'is nested too deeply' })]);
  });

  it('still takes a body as deep as a rating scheme definition', async () => {
    const nested = { a: { b: [{ c: [{ d: { e: [1] } }] }] } };
    const r = await t.request({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'x@example.id', password: 'p', nested },
    });
    expect(r.statusCode).not.toBe(500);
    expect(r.json().errors ?? []).not.toContainEqual(expect.objectContaining({ message: 'is nested too deeply' }));
  });
});

describe('URLs the router cannot take', () => {
  it('answers a path parameter that is not UTF-8 with a 400 problem', async () => {
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/programs/%ED%A0%80%FF/roles' }), 400);
  });

  it('answers a path parameter longer than the router takes with a 414 problem', async () => {
    expectProblem(await t.request({ method: 'GET', url: `/api/v1/areas/${'9'.repeat(400)}` }), 414);
  });
});
