/**
 * The one-time passwords of a first start (the generated admin's, the demo accounts'): shown once,
 * in one framed block after the server is listening, so no start-up line scrolls them away, and
 * kept in a file in the data folder that only its owner can read, for whoever missed the screen.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountsTable, type DemoAccount } from './demo/seed-demo.js';

export interface OneTimePasswords {
  /** The platform admin created on this start, with its generated password (null when configured). */
  admin?: { email: string; password: string | null };
  /** The demo accounts seeded on this start. */
  demo?: DemoAccount[];
}

/** Where the passwords are kept: beside the embedded database and its secret. */
export const passwordsFile = (dataDir: string) => join(dataDir, 'first-start-passwords.txt');

export function hasPasswords(p: OneTimePasswords): boolean {
  return Boolean(p.admin?.password) || (p.demo ?? []).some((a) => a.password);
}

/** The block's inside: the admin, then the demo accounts' table. */
function body(p: OneTimePasswords): string[] {
  const lines: string[] = [];
  if (p.admin?.password) {
    lines.push('A platform admin was created. Its password is shown only once:');
    lines.push(`  email:    ${p.admin.email}`, `  password: ${p.admin.password}`);
  }
  if (p.demo?.length) {
    if (lines.length) lines.push('');
    lines.push('Demo accounts. These passwords are shown only once:');
    lines.push(...accountsTable(p.demo));
  }
  return lines;
}

/** The passwords in one frame, naming the file that keeps them. */
export function passwordsBlock(p: OneTimePasswords, file: string | null): string[] {
  const inside = [...body(p), ''];
  inside.push(file ? `Also saved, readable only by you, in ${file}` : 'Copy them now: they are not saved anywhere.');
  inside.push('Change these passwords after signing in, then delete that file.');
  const width = Math.max(...inside.map((l) => l.length));
  const rule = '─'.repeat(width + 2);
  return ['', `┌${rule}┐`, ...inside.map((l) => `│ ${l.padEnd(width)} │`), `└${rule}┘`, ''];
}

/**
 * Writes the passwords to `passwordsFile(dataDir)` with mode 0600 and returns its path. A file left
 * from an earlier start is replaced, not reused, so its old mode cannot widen who reads the new one.
 */
export function savePasswords(dataDir: string, p: OneTimePasswords, now: Date): string {
  const file = passwordsFile(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  rmSync(file, { force: true });
  const text = [`OVOP one-time passwords, ${now.toISOString()}`, '', ...body(p), ''].join('\n');
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  // The process umask can only narrow the mode; this makes sure it is exactly owner-only.
  chmodSync(file, 0o600);
  return file;
}
