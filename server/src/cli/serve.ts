import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { analyze } from '../db/queries.ts';
import { buildApp } from '../http/app.ts';
import { findTenantBySlug, listTenants } from '../modules/auth/queries.ts';
import { demoTenant } from '../modules/demo/city.ts';
import { generateDemoData } from '../modules/demo/generator.ts';
import { describe, openMigrated } from './database.ts';
import { printDemoAccounts } from './demo.ts';
import type { Command } from './main.ts';

export const serveCommand: Command = {
  description: 'Startet den Server (API und Web-Anwendung).',
  usage: `leuchtturm serve

  Ohne DATABASE_URL läuft die eingebettete Datenbank in LEUCHTTURM_DATA_DIR (Standard ./data); ist sie leer,
  werden Demo-Daten der Größe „small“ geladen. Mit LEUCHTTURM_DEMO=1 geschieht das auch auf einem leeren Server.`,
  options: {},
  async run() {
    const started = Date.now();
    const config = readConfig();
    const handle = await openMigrated(config);
    const empty = (await listTenants(handle.db)).length === 0;
    if (empty && (handle.kind === 'pglite' || process.env.LEUCHTTURM_DEMO === '1')) {
      console.log('Leere Datenbank: lade Demo-Daten (small) ...');
      await generateDemoData(handle.db, { scale: 'small', password: config.demoPassword });
    }
    if (handle.kind === 'pglite' && !empty) {
      // The embedded database has no autovacuum: refresh the planner's statistics once at start (the demo
      // generator has just done so when it filled an empty database).
      await analyze(handle.db);
    }
    const app = await buildApp({ db: handle.db, config, logger: true });
    await app.listen({ port: config.port, host: config.host });
    if (!existsSync(path.join(config.webDistDir, 'index.html'))) {
      console.log('Hinweis: Die Web-Anwendung ist nicht gebaut (npm run build); nur die API läuft.');
    }
    console.log(
      `\nLeuchtturm läuft auf http://localhost:${config.port} (${describe(handle, config)}), gestartet in ${Date.now() - started} ms.`,
    );
    const hasDemo = await findTenantBySlug(handle.db, demoTenant.slug);
    if (hasDemo) printDemoAccounts(config.demoPassword);

    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await app.close();
      await handle.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1;
  },
};
