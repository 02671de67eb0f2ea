import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, LOCK_FILE, lockDataDir, lockHolder } from './lock.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'leuchtturm-lock-'));
  dirs.push(dir);
  return dir;
}

/** Another process that runs until it is killed. */
async function otherProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child as ChildProcess & { pid: number };
}

describe('the lock of an embedded data directory', () => {
  it('holds the owner pid while taken and is gone after release', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(lockHolder(dir)).toBe(process.pid);
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(lockHolder(dir)).toBeNull();
  });

  it('refuses a second taking in the same process', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DatabaseInUseError);
    release();
    lockDataDir(dir)();
  });

  it('refuses while another running process holds it, naming directory and pid in German', async () => {
    const dir = tempDir();
    const other = await otherProcess();
    writeFileSync(path.join(dir, LOCK_FILE), `${other.pid}\n`);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toContain(
      `Die eingebettete Datenbank in ${dir} wird bereits von einem anderen Prozess (PID ${other.pid}) verwendet.`,
    );
    // The refused attempt leaves the other process's lock alone.
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(other.pid));
  });

  it('takes over the lock of a process that has ended', async () => {
    const dir = tempDir();
    const other = await otherProcess();
    writeFileSync(path.join(dir, LOCK_FILE), `${other.pid}\n`);
    const ended = new Promise((resolve) => other.once('exit', resolve));
    other.kill('SIGKILL');
    await ended;
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('takes over the lock of a killed process that its parent has not collected yet (a zombie)', async () => {
    if (!existsSync('/proc/self/stat')) throw new Error('this test needs Linux /proc');
    const dir = tempDir();
    // A shell that starts a sleeper, kills it and does not wait for it: the sleeper stays a zombie until the
    // shell ends.
    const shell = spawn('sh', ['-c', 'sleep 60 & echo $!; kill -9 $!; exec sleep 60'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(shell);
    const zombie = Number(
      (await new Promise<Buffer>((resolve) => shell.stdout?.once('data', resolve))).toString(),
    );
    let state = '';
    for (let i = 0; i < 100 && state !== 'Z'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const stat = readFileSync(`/proc/${zombie}/stat`, 'utf8');
      state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }
    expect(state).toBe('Z');
    writeFileSync(path.join(dir, LOCK_FILE), `${zombie}\n`);
    expect(lockHolder(dir)).toBeNull();
    lockDataDir(dir)();
  });

  it('takes over a lock with its own pid that it does not hold (an earlier process with the same id)', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, LOCK_FILE), `${process.pid}\n`);
    expect(lockHolder(dir)).toBeNull();
    lockDataDir(dir)();
  });
});
