import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { dumpEmbedded } from '../db/backup.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { CONTROL_FILE } from '../db/lock.ts';

/**
 * The running server's local control channel, through which `leuchtturm backup` asks the process that has the
 * embedded database open for a copy. The server listens on a random loopback port and writes port and a random
 * token into a file in the data directory, readable by its owner only: whoever may read it may read the database
 * files anyway. (A Unix socket in the data directory would be simpler, but PGlite's copy of the directory fails on
 * a socket file.) It answers one command, `backup <token>`: `OK <bytes>\n` and the backup, or `ERR <message>\n`.
 */
interface ControlInfo {
  pid: number;
  port: number;
  token: string;
}

const controlPath = (dataDir: string) => path.join(dataDir, CONTROL_FILE);

export interface ControlServer {
  close(): Promise<void>;
}

export async function startControlServer(handle: DatabaseHandle): Promise<ControlServer | null> {
  const dataDir = handle.dataDir;
  if (!dataDir) return null;
  const token = randomBytes(32).toString('hex');
  const server = net.createServer((socket) => {
    let request = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      request += chunk;
      if (request.length > 200) socket.destroy();
      if (!request.includes('\n')) return;
      socket.removeAllListeners('data');
      const [command, given = ''] = request.trim().split(' ');
      if (!sameToken(given, token)) {
        socket.end('ERR Zugriff verweigert.\n');
        return;
      }
      if (command !== 'backup') {
        socket.end('ERR Unbekannter Befehl.\n');
        return;
      }
      dumpEmbedded(handle).then(
        (bytes) => {
          console.log(`Sicherung über den Steuerkanal angelegt (${bytes.length} Bytes).`);
          socket.write(`OK ${bytes.length}\n`);
          socket.end(bytes);
        },
        (error: unknown) => {
          console.error('Sicherung über den Steuerkanal fehlgeschlagen:', error);
          socket.end(`ERR ${error instanceof Error ? error.message : JSON.stringify(error)}\n`);
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  const info: ControlInfo = { pid: process.pid, port: address.port, token };
  writeFileSync(controlPath(dataDir), JSON.stringify(info), { mode: 0o600 });
  return {
    close: async () => {
      rmSync(controlPath(dataDir), { force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readControlInfo(dataDir: string): ControlInfo | null {
  try {
    return JSON.parse(readFileSync(controlPath(dataDir), 'utf8')) as ControlInfo;
  } catch {
    return null;
  }
}

/** Asks the server (process `pid`) that holds `dataDir` for a backup. */
export async function requestBackup(dataDir: string, pid: number): Promise<Uint8Array> {
  const unreachable = `Der Server (PID ${pid}) hält die eingebettete Datenbank in ${dataDir}, ist aber über seinen Steuerkanal nicht erreichbar. Bitte den Server beenden und die Sicherung erneut starten.`;
  const info = readControlInfo(dataDir);
  if (!info || info.pid !== pid) throw new Error(unreachable);
  const reply = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(info.port, '127.0.0.1');
    socket.on('connect', () => socket.write(`backup ${info.token}\n`));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', () => reject(new Error(unreachable)));
  });
  const newline = reply.indexOf(0x0a);
  const header = reply.subarray(0, newline === -1 ? reply.length : newline).toString('utf8');
  if (header.startsWith('ERR '))
    throw new Error(`Der Server konnte keine Sicherung anlegen: ${header.slice(4)}`);
  const size = header.startsWith('OK ') ? Number(header.slice(3)) : Number.NaN;
  const body = reply.subarray(newline + 1);
  if (!Number.isInteger(size) || body.length !== size) {
    throw new Error('Die Sicherung ist unvollständig angekommen; bitte erneut versuchen.');
  }
  return new Uint8Array(body);
}
