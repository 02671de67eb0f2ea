import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  baseUrl: string;
  pid: number;
  /** CPU seconds the server process has used so far (user + system, from /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * Starts the real server (`leuchtturm serve`, as `npm start` does but without the web build) in a process of its
 * own on 127.0.0.1 and a free port, on a PostgreSQL URL or an embedded data directory. Its request log is read and
 * dropped; its error output is kept for the report when it fails.
 */
export async function startServer(database: { url: string } | { dataDir: string }): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LEUCHTTURM_WEB_DIST: path.join(root, 'server/load/no-web'),
    NODE_ENV: 'production',
  };
  delete env.DATABASE_URL;
  delete env.LEUCHTTURM_DATA_DIR;
  if ('url' in database) env.DATABASE_URL = database.url;
  else env.LEUCHTTURM_DATA_DIR = database.dataDir;
  const child = spawn(process.execPath, [path.join(root, 'server/bin/leuchtturm.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const found = /läuft auf (http:\/\/\S+?:\d+)/.exec(line);
      if (found?.[1]) resolve(found[1].replace('localhost', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`Der Server endete beim Start (${code}):\n${errors}`)));
  });
  const pid = child.pid as number;
  return { baseUrl, pid, cpuSeconds: () => processCpuSeconds(pid), stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const TICKS = 100;

export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Busy and total jiffies of the whole machine (/proc/stat), to tell how loaded it was during a run. */
export function machineTicks(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}
