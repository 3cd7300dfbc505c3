import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { testConfig, useTestApp } from '../../../test/app.js';
import { buildApp } from '../app.js';

const t = useTestApp();

const SECRET_VALUE = 'kopi-luwak-5107064505850001';

describe('the error log', () => {
  it('names the SQL state and constraint of a failed query, never its parameter values or its text', async () => {
    let log = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    const app = await buildApp({ config: { ...testConfig, logLevel: 'info' }, db: t.database.db, logStream: stream });
    // A check constraint that no request validation knows of: its violation is a 500 and is logged.
    app.get('/failing-query', async () =>
      t.database.db.transaction(async (tx) => {
        await tx.query(
          'CREATE TEMP TABLE probe (v text CONSTRAINT probe_v_short CHECK (length(v) < 5)) ON COMMIT DROP',
        );
        return tx.query('INSERT INTO probe (v) VALUES ($1) RETURNING v', [SECRET_VALUE]);
      }),
    );
    try {
      const r = await app.inject({ method: 'GET', url: '/failing-query' });
      expect(r.statusCode).toBe(500);
      expect(r.body).not.toContain(SECRET_VALUE);
      const entry = log
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { msg: string; err?: Record<string, unknown> })
        .find((e) => e.msg === 'unhandled error');
      expect(entry?.err).toMatchObject({ code: '23514', constraint: 'probe_v_short' });
      expect(log).not.toContain(SECRET_VALUE);
      expect(log).not.toContain('INSERT INTO probe');
    } finally {
      await app.close();
    }
  });
});
