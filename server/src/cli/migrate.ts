import { readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Command } from './main.ts';

export const migrateCommand: Command = {
  description: 'Bringt das Datenbankschema auf den neuesten Stand.',
  usage: 'leuchtturm migrate',
  options: {},
  async run() {
    const config = readConfig();
    const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `Angewendet: ${applied.join(', ')}` : 'Das Schema ist aktuell.');
      return 0;
    } finally {
      await handle.close();
    }
  },
};
