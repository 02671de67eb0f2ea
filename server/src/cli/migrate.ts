import { readConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openConfigured } from './database.ts';
import type { Command } from './main.ts';

export const migrateCommand: Command = {
  description: 'Bringt das Datenbankschema auf den neuesten Stand.',
  usage: 'leuchtturm migrate',
  options: {},
  async run() {
    const config = readConfig();
    const handle = await openConfigured(config);
    try {
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `Angewendet: ${applied.join(', ')}` : 'Das Schema ist aktuell.');
      return 0;
    } finally {
      await handle.close();
    }
  },
};
