import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A new embedded database starts as a copy of a freshly initialised one rather than by running initdb again:
 * initdb is most of the first start (seconds), unpacking a copy a fraction of it. The copy is made by the first
 * initdb on this machine and kept per PGlite version in node_modules/.cache; when it cannot be written (a read-only
 * installation) every new database simply runs initdb.
 */
const pgliteVersion: string = JSON.parse(
  readFileSync(
    path.join(
      path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')),
      '../package.json',
    ),
    'utf8',
  ),
).version;
const cacheDir = path.resolve(import.meta.dirname, '../../../node_modules/.cache/leuchtturm');
export const templateFile = path.join(cacheDir, `pgdata-${pgliteVersion}.tar`);

export function readTemplate(): Blob | undefined {
  try {
    return new Blob([readFileSync(templateFile)], { type: 'application/x-tar' });
  } catch {
    return undefined;
  }
}

/** Keeps a copy of a database that has just been initialised (nothing else done to it yet). Best effort. */
export async function saveTemplate(pglite: PGlite): Promise<void> {
  try {
    await pglite.exec('checkpoint');
    const tar = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
    mkdirSync(cacheDir, { recursive: true });
    // Written beside and renamed: a parallel reader never sees half a template.
    const temp = `${templateFile}.${process.pid}.${Date.now()}`;
    writeFileSync(temp, tar);
    renameSync(temp, templateFile);
  } catch {
    // No cache: the next new database runs initdb again.
  }
}

export function dropTemplate(): void {
  rmSync(templateFile, { force: true });
}
