import { parseArgs } from 'node:util';
import { auditVerifyCommand } from './audit.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import {
  importAggregatesCommand,
  importPopulationCommand,
  kpiCommand,
  rentabilitaetCommand,
} from './controlling.ts';
import { demoDataCommand } from './demo.ts';
import { migrateCommand } from './migrate.ts';
import { serveCommand } from './serve.ts';
import { userAddCommand } from './user.ts';

export interface Command {
  usage: string;
  description: string;
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options'];
  /** Takes positional arguments (e.g. a file name). */
  positionals?: boolean;
  run(
    values: Record<string, string | boolean | string[] | undefined>,
    positionals?: string[],
  ): Promise<number>;
}

const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  'demo-data': demoDataCommand,
  'user add': userAddCommand,
  'audit verify': auditVerifyCommand,
  backup: backupCommand,
  restore: restoreCommand,
  kpi: kpiCommand,
  'report rentabilitaet': rentabilitaetCommand,
  'import aggregates': importAggregatesCommand,
  'import population': importPopulationCommand,
};

function overview(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(22)} ${c.description}`);
  return `Leuchtturm: Fallmanagement und Steuerung für Jugendämter

Aufruf: leuchtturm <Befehl> [Optionen]   (Hilfe zu einem Befehl: leuchtturm <Befehl> --help)

Befehle:
${lines.join('\n')}

Umgebung: DATABASE_URL (PostgreSQL-Server; ohne: eingebettete Datenbank in LEUCHTTURM_DATA_DIR, Standard ./data),
HOST (Standard 127.0.0.1), PORT (Standard 3000), LEUCHTTURM_DEMO_PASSWORD (Passwort der Demo-Konten);
alle Einstellungen: README.md, Abschnitt Configuration.

Die eingebettete Datenbank kann nur ein Prozess zugleich öffnen: solange der Server läuft, verweigern die anderen
Befehle die Arbeit (außer backup, das den Server um die Sicherung bittet).`;
}

export async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  const name = first && second && commands[`${first} ${second}`] ? `${first} ${second}` : first;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.log(overview());
    return first && first !== '--help' && first !== 'help' ? 2 : 0;
  }
  const rest = argv.slice(name?.split(' ').length);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.positionals ?? false,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(`${command.description}\n\n${command.usage}`);
    return 0;
  }
  return command.run(
    parsed.values as Record<string, string | boolean | string[] | undefined>,
    parsed.positionals,
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    // `serve` keeps running; the others end here.
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
