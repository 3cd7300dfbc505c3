// Whether dist/ is the build of the sources as they are: `npm run build` ends by writing
// dist/.build-stamp (run as `node scripts/build-state.mjs`); the build is current when no input
// (sources, build settings, the lock file) changed since. `npm start` (scripts/start.mjs) builds
// only when it is not.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(ROOT, 'dist', '.build-stamp');

/** What the build reads: a change to any of them makes the build out of date. */
const INPUTS = [
  'src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.web.json',
  'vite.config.ts',
  'scripts/copy-assets.mjs',
  'scripts/compress-web.mjs',
  'scripts/build-state.mjs',
];

/** The newest modification time under `path`, in ms (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) {
    if (!/\.test\.tsx?$/.test(entry)) latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** The input changed after the last complete build, or undefined when the build is current. */
export function outOfDate() {
  if (!existsSync(STAMP)) return 'no complete build yet';
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.find((input) => newest(join(ROOT, input)) > built);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
