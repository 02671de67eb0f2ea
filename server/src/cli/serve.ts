import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { analyzeChangedTables } from '../db/statistics.ts';
import { buildApp } from '../http/app.ts';
import { findTenantBySlug, listTenants } from '../modules/auth/queries.ts';
import { demoTenant } from '../modules/demo/city.ts';
import { generateDemoData } from '../modules/demo/generator.ts';
import { serverJobs } from '../modules/jobs/handlers.ts';
import { JobRunner } from '../modules/jobs/runner.ts';
import { startControlServer } from './control.ts';
import { describe, openMigrated } from './database.ts';
import { printDemoAccounts } from './demo.ts';
import type { Command } from './main.ts';

export const serveCommand: Command = {
  description: 'Startet den Server (API und Web-Anwendung).',
  usage: `leuchtturm serve [--build-web]

  --build-web  baut zugleich die Web-Anwendung, wenn sich ihre Quellen seit dem letzten Bau geändert haben
               (so startet npm start).
  Hört auf HOST (Standard 127.0.0.1, nur dieser Rechner) und PORT (Standard 3000).
  Ohne DATABASE_URL läuft die eingebettete Datenbank in LEUCHTTURM_DATA_DIR (Standard ./data); ist sie leer,
  werden Demo-Daten der Größe „small“ geladen. Mit LEUCHTTURM_DEMO=1 geschieht das auch auf einem leeren Server.`,
  options: { 'build-web': { type: 'boolean' } },
  async run(values) {
    const started = Date.now();
    const config = readConfig();
    // In a process of its own, on the other core, while this one opens (or creates) the database.
    const webBuild = values['build-web'] ? buildWeb() : null;
    const handle = await openMigrated(config).catch((error: unknown) => {
      webBuild?.cancel();
      throw error;
    });
    const empty = (await listTenants(handle.db)).length === 0;
    if (empty && (handle.kind === 'pglite' || process.env.LEUCHTTURM_DEMO === '1')) {
      console.log('Leere Datenbank: lade Demo-Daten (small) ...');
      await generateDemoData(handle.db, { scale: 'small', password: config.demoPassword });
    }
    if (handle.kind === 'pglite' && !empty) {
      // The embedded database has no autovacuum: refresh the planner's statistics of the tables that changed
      // (the demo generator has just analysed everything when it filled an empty database).
      await analyzeChangedTables(handle.db);
    }
    if (webBuild && !(await webBuild.done)) {
      console.error(
        'Die Web-Anwendung konnte nicht gebaut werden (Meldungen oben); der Server startet nicht.',
      );
      await handle.close();
      return 1;
    }
    const app = await buildApp({ db: handle.db, config, logger: true });
    await app.listen({ port: config.port, host: config.host });
    // The embedded database: `leuchtturm backup` asks this process for a copy through a local channel.
    const control = handle.kind === 'pglite' ? await startControlServer(handle) : null;
    // Deadlines and reminders: jobs due while the server was down run now, once each.
    const jobs = new JobRunner({
      db: handle.db,
      registry: serverJobs(),
      onError: (error, job) => app.log.error({ err: error, job }, 'job failed'),
    });
    await jobs.start();
    if (!existsSync(path.join(config.webDistDir, 'index.html'))) {
      console.log('Hinweis: Die Web-Anwendung ist nicht gebaut (npm run build); nur die API läuft.');
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
    console.log(
      `\nLeuchtturm läuft auf http://${host}:${port} (${describe(handle, config)}), gestartet in ${Date.now() - started} ms.`,
    );
    const hasDemo = await findTenantBySlug(handle.db, demoTenant.slug);
    if (hasDemo) {
      printDemoAccounts(config.demoPassword);
      if (host !== 'localhost') {
        console.log(
          `\nAchtung: Der Server ist unter ${config.host} erreichbar, und das Passwort der Demo-Konten ist öffentlich bekannt.`,
        );
      }
    }

    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await jobs.stop();
      await control?.close();
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1;
  },
};

/** scripts/build-web.mjs: builds the web app when its sources changed; `done` says whether it succeeded. */
function buildWeb(): { done: Promise<boolean>; cancel(): void } {
  const script = path.resolve(import.meta.dirname, '../../../scripts/build-web.mjs');
  const child = spawn(process.execPath, [script], { stdio: 'inherit' });
  const done = new Promise<boolean>((resolve) => {
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
  return { done, cancel: () => child.kill() };
}
