// `npm start`: builds only when the sources changed since the last complete build (`npm install`
// has built already), then starts the server in this very process.
import { spawnSync } from 'node:child_process';
import { outOfDate } from './build-state.mjs';

const changed = outOfDate();
if (changed) {
  console.log(`Building (${changed === 'no complete build yet' ? changed : `${changed} changed`})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
process.argv.splice(2, 0, 'serve');
await import('../dist/server/main.js');
