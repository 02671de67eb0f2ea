import { text } from 'node:stream/consumers';
import { roles, staffCreateSchema } from '@leuchtturm/shared';
import { readConfig } from '../config.ts';
import { resolveTenant } from '../modules/auth/service.ts';
import { findTeamByName } from '../modules/organisation/queries/structure.ts';
import { createStaff } from '../modules/organisation/staff.ts';
import { systemActor } from '../shared/actor.ts';
import { inTransaction } from '../shared/context.ts';
import { openMigrated } from './database.ts';
import type { Command } from './main.ts';

export const userAddCommand: Command = {
  description: 'Legt ein Konto an (z. B. die erste Administration).',
  usage: `leuchtturm user add --username NAME --name "Anzeigename" --role ROLLE [--role ROLLE] [--team "Teamname"]
                    [--tenant SLUG] < passwort.txt

  Das Passwort (mindestens 12 Zeichen) wird von der Standardeingabe gelesen, damit es nicht in der Shell-Historie steht.
  Rollen: ${roles.join(', ')}`,
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    team: { type: 'string' },
    tenant: { type: 'string' },
    email: { type: 'string' },
  },
  async run(values) {
    if (process.stdin.isTTY) {
      console.error(
        'Bitte das Passwort über die Standardeingabe übergeben, z. B. leuchtturm user add ... < datei',
      );
      return 2;
    }
    const password = (await text(process.stdin)).replace(/\r?\n$/, '');
    const config = readConfig();
    const handle = await openMigrated(config);
    try {
      const tenant = await resolveTenant(handle.db, config, values.tenant as string | undefined);
      let teamId: string | null = null;
      if (values.team) {
        const team = await findTeamByName(handle.db, tenant.id, String(values.team));
        if (!team) {
          console.error(`Team „${values.team}“ gibt es nicht.`);
          return 2;
        }
        teamId = team.id;
      }
      const parsed = staffCreateSchema.safeParse({
        username: values.username,
        displayName: values.name,
        email: values.email ?? null,
        roles: values.role ?? [],
        teamId,
        specialisations: [],
        deputyIds: [],
        fte: '1.00',
        active: true,
        password,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          console.error(`${issue.path.join('.') || 'Eingabe'}: ${issue.message}`);
        return 2;
      }
      const id = await inTransaction(handle.db, systemActor(tenant.id), (ctx) =>
        createStaff(ctx, parsed.data),
      );
      console.log(`Konto ${parsed.data.username} angelegt (${id}).`);
      return 0;
    } finally {
      await handle.close();
    }
  },
};
