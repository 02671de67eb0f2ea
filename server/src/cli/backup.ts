import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, readConfig } from '../config.ts';
import {
  backupKindOf,
  countTables,
  dropPublicSchema,
  dumpEmbedded,
  pgDump,
  pgRestore,
} from '../db/backup.ts';
import { openDatabase } from '../db/database.ts';
import { clearDataDir, dataDirEntries, lockDataDir, lockHolder } from '../db/lock.ts';
import { requestBackup } from './control.ts';
import { describe, userPath } from './database.ts';
import type { Command } from './main.ts';

const engineName = { pglite: 'der eingebetteten Datenbank', postgres: 'eines PostgreSQL-Servers' } as const;

export const backupCommand: Command = {
  description:
    'Sichert die ganze Datenbank (mit Dokumenten und Protokoll) in eine Datei; auch bei laufendem Server.',
  usage: `leuchtturm backup DATEI [--force]

  Eingebettete Datenbank: eine Kopie des Datenverzeichnisses (.tar.gz). Läuft der Server, legt er die Kopie an.
  PostgreSQL-Server (DATABASE_URL): pg_dump im Custom-Format (pg_dump muss installiert sein).
  --force   eine vorhandene DATEI überschreiben.`,
  options: { force: { type: 'boolean' } },
  positionals: true,
  async run(values, positionals = []) {
    const file = positionals[0] ? userPath(positionals[0]) : undefined;
    if (!file) {
      console.error('Bitte die Datei angeben, in die gesichert wird.');
      return 2;
    }
    if (existsSync(file) && !values.force) {
      console.error(`Die Datei ${file} gibt es schon; mit --force wird sie überschrieben.`);
      return 2;
    }
    const config = readConfig();
    // Written beside the target and renamed at the end: a failed backup leaves no file that looks complete.
    const temp = `${file}.${process.pid}.unvollstaendig`;
    try {
      const where = await backupTo(config, temp);
      // Social data: the backup is for its owner's eyes only.
      chmodSync(temp, 0o600);
      renameSync(temp, file);
      console.log(`Gesichert: ${where} nach ${file}.`);
      return 0;
    } finally {
      rmSync(temp, { force: true });
    }
  },
};

async function backupTo(config: Config, file: string): Promise<string> {
  if (config.databaseUrl) {
    await pgDump(config.databaseUrl, file);
    return 'PostgreSQL-Server (DATABASE_URL)';
  }
  const where = `eingebettete Datenbank in ${config.dataDir}`;
  const holder = lockHolder(config.dataDir);
  if (holder !== null) {
    writeFileSync(file, await requestBackup(config.dataDir, holder));
    return `${where} (vom laufenden Server, PID ${holder})`;
  }
  if (!existsSync(path.join(config.dataDir, 'PG_VERSION'))) {
    throw new Error(`In ${config.dataDir} gibt es keine Datenbank, die gesichert werden könnte.`);
  }
  const handle = await openDatabase({ dataDir: config.dataDir, fsync: config.fsync });
  try {
    writeFileSync(file, await dumpEmbedded(handle));
  } finally {
    await handle.close();
  }
  return where;
}

export const restoreCommand: Command = {
  description: 'Spielt eine Sicherung (leuchtturm backup) in eine leere Datenbank ein.',
  usage: `leuchtturm restore DATEI [--force]

  Ziel ist die konfigurierte Datenbank (DATABASE_URL oder LEUCHTTURM_DATA_DIR); sie muss leer sein und der Server
  gestoppt. Eine Sicherung der eingebetteten Datenbank geht nur in eine eingebettete, eine pg_dump-Sicherung nur in
  einen PostgreSQL-Server.
  --force   eine nicht leere Zieldatenbank vorher leeren (alle ihre Daten gehen verloren).`,
  options: { force: { type: 'boolean' } },
  positionals: true,
  async run(values, positionals = []) {
    const file = positionals[0] ? userPath(positionals[0]) : undefined;
    if (!file || !existsSync(file)) {
      console.error(file ? `Die Datei ${file} gibt es nicht.` : 'Bitte die Sicherungsdatei angeben.');
      return 2;
    }
    const bytes = readFileSync(file);
    const kind = backupKindOf(bytes.subarray(0, 8));
    const config = readConfig();
    const target = config.databaseUrl ? 'postgres' : 'pglite';
    if (!kind) {
      console.error(`${file} ist keine Sicherung von Leuchtturm (leuchtturm backup).`);
      return 2;
    }
    if (kind !== target) {
      console.error(
        `${file} ist eine Sicherung ${engineName[kind]}; sie kann nur dort eingespielt werden, nicht in ${target === 'postgres' ? 'einen PostgreSQL-Server' : 'die eingebettete Datenbank'}.`,
      );
      return 2;
    }
    const force = Boolean(values.force);
    const where =
      kind === 'postgres'
        ? await restorePostgres(config, file, force)
        : await restoreEmbedded(config, bytes, force);
    if (!where) return 2;
    console.log(`Sicherung ${file} eingespielt in: ${where}.\nPrüfen: leuchtturm audit verify`);
    return 0;
  },
};

const notEmpty = (where: string) =>
  `Die Zieldatenbank (${where}) ist nicht leer. Eine Sicherung wird nur in eine leere Datenbank eingespielt; mit --force wird sie vorher geleert (alle ihre Daten gehen verloren).`;

async function restorePostgres(config: Config, file: string, force: boolean): Promise<string | null> {
  const url = config.databaseUrl as string;
  const handle = await openDatabase({ url });
  const where = describe(handle, config);
  try {
    if ((await countTables(handle)) > 0) {
      if (!force) {
        console.error(notEmpty(where));
        return null;
      }
      await dropPublicSchema(handle);
    }
  } finally {
    await handle.close();
  }
  await pgRestore(url, file);
  return where;
}

async function restoreEmbedded(config: Config, bytes: Buffer, force: boolean): Promise<string | null> {
  const dir = config.dataDir;
  const where = `eingebettete Datenbank in ${dir}`;
  if (dataDirEntries(dir).length > 0) {
    if (!force) {
      console.error(notEmpty(where));
      return null;
    }
    // Taken before clearing: a running server's directory is never emptied.
    const release = lockDataDir(dir);
    try {
      clearDataDir(dir);
    } finally {
      release();
    }
  }
  try {
    const handle = await openDatabase({
      dataDir: dir,
      fsync: config.fsync,
      loadDataDir: new Blob([bytes], { type: 'application/gzip' }),
    });
    await handle.close();
  } catch (error) {
    // The directory was empty before: leave it so rather than half restored.
    if (lockHolder(dir) === null) clearDataDir(dir);
    throw error;
  }
  return where;
}
