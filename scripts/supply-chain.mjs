#!/usr/bin/env node
// The dependency review that runs on this machine and in CI:
//   1. licences of every production dependency against the allow-list in .licensee.json;
//   2. the lock file: every package from the npm registry over https, with an integrity hash, under
//      the name it was asked for;
//   3. `npm audit` of production dependencies, failing on a high or critical advisory. Where the
//      advisory service cannot be reached it is reported as SKIPPED, never as passed.
// Exits non-zero when a check fails. A skipped audit does not fail the run, but says so on its line.
import { spawnSync } from 'node:child_process';

const run = (command, args) => spawnSync(command, args, { encoding: 'utf8', shell: false });
const script = (name) => run('npm', ['run', '--silent', name]);
const results = [];

for (const [name, check] of [
  ['check:licences', 'licences (production, .licensee.json allow-list)'],
  ['check:lockfile', 'lock file (registry hosts, https, integrity, names)'],
]) {
  const answer = script(name);
  results.push({
    check,
    outcome: answer.status === 0 ? 'passed' : 'failed',
    detail: answer.status === 0 ? '' : answer.stdout + answer.stderr,
  });
}
results.push(audit());

for (const { check, outcome, detail } of results) {
  console.log(`${outcome.toUpperCase().padEnd(7)} ${check}`);
  if (detail) console.log(detail.trim().replace(/^/gm, '        '));
}
process.exit(results.some((r) => r.outcome === 'failed') ? 1 : 0);

/** `npm audit` for production dependencies; "skipped" when no advisory service answers. */
function audit() {
  const check = 'npm audit (production, high and critical)';
  const answer = run('npm', ['audit', '--omit=dev', '--json']);
  let report;
  try {
    report = JSON.parse(answer.stdout);
  } catch {
    return {
      check,
      outcome: 'skipped',
      detail: `no advisory service answered: ${answer.stderr.trim().split('\n')[0]}`,
    };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const reason = report.message ?? report.error?.summary ?? 'the answer had no vulnerability counts';
    return { check, outcome: 'skipped', detail: `no advisory service answered: ${reason}` };
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  return {
    check,
    outcome: serious === 0 ? 'passed' : 'failed',
    detail: `advisories: ${JSON.stringify(counts)}`,
  };
}
