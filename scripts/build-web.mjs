// Builds the web app when its sources changed since the last build, so that `npm start` does not spend seconds
// on a build it already has. "Sources" are everything the bundle is made from: the web app, the shared package and
// the locked dependency versions. Their hash is kept in web/dist/.sources; `--force` builds regardless.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist');
const stamp = path.join(dist, '.sources');
const inputs = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'web/tsconfig.json',
  'web/package.json',
  'packages/shared/src',
  'packages/shared/package.json',
  'package-lock.json',
];

/** The input itself when it is a file, every file below it when it is a directory, nothing when it is missing. */
function files(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)));
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const hash = sourcesHash();
const built =
  existsSync(path.join(dist, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
if (built && !force) {
  console.log('Web-Anwendung ist aktuell (keine Änderung seit dem letzten Bau).');
  process.exit(0);
}
const vite = path.join(root, 'node_modules/.bin/vite');
const result = spawnSync(vite, ['build'], { cwd: path.join(root, 'web'), stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, hash);
