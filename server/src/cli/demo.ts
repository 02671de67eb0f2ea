import { type Role, roleLabels } from '@leuchtturm/shared';
import { readConfig } from '../config.ts';
import { demoAccounts, generateDemoData, type Scale, scales } from '../modules/demo/generator.ts';
import { openMigrated } from './database.ts';
import type { Command } from './main.ts';

export const demoDataCommand: Command = {
  description:
    'Erzeugt eine fiktive Stadt: Organisation, Personal, Jugendeinwohner, zehn Jahre Fälle und Hilfen.',
  usage: `leuchtturm demo-data [--scale small|city|10x] [--tenant SLUG]

  --scale   Größe: small (schnell, für Entwicklung), city (etwa eine Großstadt), 10x (Lasttests). Standard: small.
  --tenant  Kürzel des Jugendamts, Standard: hafenstadt.`,
  options: { scale: { type: 'string', default: 'small' }, tenant: { type: 'string' } },
  async run(values) {
    const scale = String(values.scale);
    if (!(scale in scales)) {
      console.error(`Unbekannte Größe „${scale}“. Erlaubt: ${Object.keys(scales).join(', ')}.`);
      return 2;
    }
    const config = readConfig();
    const handle = await openMigrated(config);
    try {
      const started = Date.now();
      const summary = await generateDemoData(handle.db, {
        scale: scale as Scale,
        password: config.demoPassword,
        slug: typeof values.tenant === 'string' ? values.tenant : undefined,
      });
      console.log(
        `Demo-Daten „${summary.scale}“ für ${summary.tenantSlug} in ${Date.now() - started} ms erzeugt:`,
      );
      for (const [key, n] of Object.entries(summary.counts)) console.log(`  ${key.padEnd(18)} ${n}`);
      printDemoAccounts(config.demoPassword);
      return 0;
    } finally {
      await handle.close();
    }
  },
};

/** What a role is called in everyday speech, where the application's name differs. */
const everydayNames: Partial<Record<Role, string>> = { team_lead: 'Teamleitung' };

/**
 * The sign-in hint: each demo account with its role as the application names it (and as people say it, e.g.
 * "Referatsleitung Junge Menschen (Teamleitung)"), so that the name on the start page matches the hint.
 */
export function demoSignInLines(password: string): string[] {
  return [
    `Demo-Anmeldungen (Passwort: ${password}):`,
    ...demoAccounts.map((a) => {
      const roles = a.roles
        .map((role: Role) =>
          everydayNames[role] ? `${roleLabels[role]} (${everydayNames[role]})` : roleLabels[role],
        )
        .join(', ');
      return `  ${a.username.padEnd(12)} ${a.displayName} – ${roles}`;
    }),
  ];
}

export function printDemoAccounts(password: string): void {
  console.log(`\n${demoSignInLines(password).join('\n')}`);
}
