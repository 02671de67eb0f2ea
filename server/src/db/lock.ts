import { randomUUID } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One process per embedded data directory. PGlite keeps the database in the memory of the process that opened it;
 * a second process opening the same files sees a stale copy and loses writes. The lock is a file in the data
 * directory holding the owner's process id. A lock whose process no longer runs (killed, crashed) is taken over.
 * It sees processes of this machine (and PID namespace) only: a data directory on a network share must not be
 * opened from two machines.
 */
export const LOCK_FILE = 'leuchtturm.lock';
/** How to reach the running server's control channel (cli/control.ts), also kept in the data directory. */
export const CONTROL_FILE = 'leuchtturm.control';

/** Data directories this process holds (resolved paths). */
const held = new Set<string>();

export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Die eingebettete Datenbank in ${dataDir} wird bereits von einem anderen Prozess (PID ${pid}) verwendet. ` +
        'Sie darf nur von einem Prozess zugleich geöffnet werden. Beenden Sie den anderen Prozess (z. B. den ' +
        'Server) und versuchen Sie es erneut, oder arbeiten Sie über die Web-Anwendung bzw. die API des ' +
        'laufenden Servers. Eine Sicherung (leuchtturm backup) ist auch bei laufendem Server möglich.',
    );
    this.name = 'DatabaseInUseError';
  }
}

const lockPath = (dir: string) => path.join(dir, LOCK_FILE);

function readLock(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isRunning(pid: number, dir: string): boolean {
  // Our own id in a lock we do not hold comes from an earlier process that had the same id (a container
  // restarted after a crash often runs as the same PID): stale.
  if (pid === process.pid) return held.has(dir);
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A killed process whose parent has not yet collected it still answers kill(0) (Linux only; elsewhere false). */
function isZombie(pid: number): boolean {
  try {
    // The state follows the command name in parentheses, which may itself hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/** The process id of the running process that holds the data directory, or null when none does. */
export function lockHolder(dataDir: string): number | null {
  const dir = path.resolve(dataDir);
  const content = readLock(lockPath(dir));
  const pid = content === null ? Number.NaN : Number.parseInt(content, 10);
  return Number.isInteger(pid) && pid > 0 && isRunning(pid, dir) ? pid : null;
}

/**
 * Takes the data directory (which must exist) for this process, or throws DatabaseInUseError. Returns the function
 * that gives it back.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const file = lockPath(dir);
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written beside the lock and linked into place: the lock appears atomically with its content, so no
    // other process ever reads a half-written one.
    const temp = `${file}.${process.pid}.${randomUUID()}`;
    writeFileSync(temp, `${process.pid}\n`, { mode: 0o600 });
    try {
      linkSync(temp, file);
      held.add(dir);
      return () => releaseDataDir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temp, { force: true });
    }
    const holder = lockHolder(dir);
    if (holder !== null) throw new DatabaseInUseError(dir, holder);
    // Stale: remove it, unless another process has replaced it in the meantime, and try again.
    const stale = readLock(file);
    if (stale !== null && lockHolder(dir) === null && readLock(file) === stale) rmSync(file, { force: true });
  }
  throw new Error(`Die Sperrdatei ${file} konnte nicht angelegt werden.`);
}

function releaseDataDir(dir: string): void {
  if (!held.delete(dir)) return;
  const file = lockPath(dir);
  if (Number.parseInt(readLock(file) ?? '', 10) === process.pid) rmSync(file, { force: true });
}

/** Writes this process's id into a lock it holds again (a restore has just unpacked a backup's lock file over it). */
export function reassertLock(dataDir: string): void {
  const dir = path.resolve(dataDir);
  if (held.has(dir)) writeFileSync(lockPath(dir), `${process.pid}\n`, { mode: 0o600 });
}

/** Entries of a data directory other than the lock (a directory holding only a stale lock is empty). */
export function dataDirEntries(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name !== LOCK_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Removes everything in a data directory except its lock. */
export function clearDataDir(dir: string): void {
  for (const name of dataDirEntries(dir)) rmSync(path.join(dir, name), { recursive: true, force: true });
}

// A process that ends without closing its database (process.exit after an error) leaves no lock behind.
process.on('exit', () => {
  for (const dir of [...held]) releaseDataDir(dir);
});
