import { closeSync, fsyncSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type NodeFsInit = Awaited<ReturnType<NodeFS['init']>>;
interface EmscriptenStream {
  nfd: number;
}
interface EmscriptenModule {
  NODEFS: { stream_ops: { fsync?: (stream: EmscriptenStream) => number } };
  FS: { ErrnoError: new (errno: number) => Error };
}
/** EIO in Emscripten's errno numbering. */
const EIO = 29;

/**
 * PGlite's Node file system with a working fsync. Emscripten's NODEFS writes through to the operating system
 * (a killed process loses nothing it has written) but has no fsync: PostgreSQL's fsync() calls return without
 * reaching the disk, whatever its `fsync` setting says. This adds the missing operation; PostgreSQL then decides
 * when to call it (never with `-F`, the PGlite default; at every commit and checkpoint with fsync on).
 */
export class SyncingNodeFS extends NodeFS {
  /** fsync calls that reached the operating system (for tests). */
  syncs = 0;

  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]): Promise<NodeFsInit> {
    const result = await super.init(pg, options);
    const preRun = result.emscriptenOpts.preRun as unknown as Array<(module: EmscriptenModule) => void>;
    preRun.push((module) => {
      module.NODEFS.stream_ops.fsync = (stream) => {
        try {
          fsyncSync(stream.nfd);
        } catch {
          // PostgreSQL treats a failed fsync as fatal, as it must.
          throw new module.FS.ErrnoError(EIO);
        }
        this.syncs++;
        return 0;
      };
    });
    return result;
  }
}

/**
 * PostgreSQL's start parameters for the embedded database. PGlite starts it with `-F` (fsync off); with fsync on,
 * the WAL is flushed with fsync() rather than fdatasync(), because Emscripten's fdatasync is a no-op that
 * cannot be replaced from JavaScript.
 */
export function embeddedStartParams(defaults: readonly string[], fsync: boolean): string[] {
  return fsync ? [...defaults.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'] : [...defaults];
}

/**
 * fsyncs every file and directory below `dir` (as `initdb --sync-only` does): files PGlite wrote without
 * PostgreSQL's knowledge (a new cluster copied into place, a restored backup) are on disk before the first commit
 * relies on them.
 */
export function syncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(full);
    else if (entry.isFile()) syncPath(full);
  }
  syncPath(dir);
}

function syncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
