import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitOf, startServer } from '../../test/server-process.js';
import { passwordsBlock, passwordsFile, savePasswords } from './first-start-passwords.js';
import { textLine } from './http/text-log.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ovop-passwords-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const passwords = {
  admin: { email: 'admin@ovop.local', password: 'admin-secret-1234' },
  demo: [{ role: 'trainer', email: 'trainer@demo.ovop.id', password: 'trainer-secret-12' }],
};

describe('the one-time passwords of a first start', () => {
  it('are framed in one block that names the file keeping them', () => {
    const block = passwordsBlock(passwords, '/data/first-start-passwords.txt');
    const framed = block.filter((l) => l !== '');
    expect(framed[0]).toMatch(/^┌─+┐$/);
    expect(framed.at(-1)).toMatch(/^└─+┘$/);
    for (const line of framed.slice(1, -1)) expect(line).toMatch(/^│ .* │$/);
    expect(new Set(framed.map((l) => l.length)).size).toBe(1);
    const text = block.join('\n');
    expect(text).toContain('admin-secret-1234');
    expect(text).toMatch(/trainer@demo\.ovop\.id\s+trainer-secret-12/);
    expect(text).toContain('/data/first-start-passwords.txt');
  });

  it('are saved readable only by their owner, replacing a wider file left from before', () => {
    const dir = tempDir();
    writeFileSync(passwordsFile(dir), 'old');
    chmodSync(passwordsFile(dir), 0o644);
    const file = savePasswords(dir, passwords, new Date('2026-12-02T00:00:00Z'));
    expect(file).toBe(join(dir, 'first-start-passwords.txt'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('admin-secret-1234');
    expect(text).toContain('trainer-secret-12');
    expect(text).not.toContain('old');
  });

  // One server process compiling the sources: a generous bound for a busy machine.
  it('are printed after the server listens, after every other start-up line, and saved in the data folder', async () => {
    const data = join(tempDir(), 'data');
    const server = await startServer({ OVOP_DATA_DIR: data, OVOP_IMPORT_AREAS_ON_START: 'false' });
    try {
      const deadline = Date.now() + 60_000;
      while (!server.output().includes('└') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const output = server.output();
      const listening = output.indexOf(`on pglite at ${server.url}`);
      const block = output.indexOf('┌');
      expect(listening).toBeGreaterThan(-1);
      expect(block).toBeGreaterThan(listening);
      expect(output.trimEnd().endsWith('┘')).toBe(true);
      const password = /password: (\S+)/.exec(output)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      const file = passwordsFile(data);
      expect(output).toContain(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain(password);
    } finally {
      server.child.kill('SIGTERM');
      await exitOf(server.child);
    }
  }, 120_000);
});

describe('text logs', () => {
  it('turn a request line into one short readable line', () => {
    const json = JSON.stringify({
      level: 30,
      time: Date.parse('2026-12-02T01:02:03Z'),
      reqId: 'r-1',
      req: { method: 'GET', url: '/api/v1/groups' },
      res: { statusCode: 200 },
      responseTime: 12.4,
      msg: 'request completed',
    });
    expect(textLine(json)).toBe('01:02:03 INFO  request completed GET /api/v1/groups → 200 12 ms [r-1]');
    expect(textLine('not json')).toBe('not json');
  });
});
