import { readConfig } from '../config.ts';
import { verifyAuditChain } from '../modules/audit/chain.ts';
import { findTenantBySlug } from '../modules/auth/queries.ts';
import { openMigrated } from './database.ts';
import type { Command } from './main.ts';

export const auditVerifyCommand: Command = {
  description: 'Prüft die Hash-Kette des Protokolls; Exit-Code 1, wenn ein Eintrag verändert wurde.',
  usage: `leuchtturm audit verify [--tenant SLUG] [--json]

  Ohne --tenant werden die Ketten aller Jugendämter geprüft. Leseeinträge, die noch auf ihren Platz in
  der Kette warten, werden zuerst verkettet (dafür braucht der Befehl Schreibzugriff).`,
  options: { json: { type: 'boolean' }, tenant: { type: 'string' } },
  async run(values) {
    const handle = await openMigrated(readConfig());
    try {
      let tenantId: string | undefined;
      if (typeof values.tenant === 'string') {
        const tenant = await findTenantBySlug(handle.db, values.tenant);
        if (!tenant) {
          console.error(`Das Jugendamt „${values.tenant}“ gibt es nicht.`);
          return 2;
        }
        tenantId = tenant.id;
      }
      const report = await verifyAuditChain(handle.db, tenantId);
      if (values.json) {
        console.log(JSON.stringify({ ok: report.broken.length === 0, ...report }));
      } else if (report.broken.length === 0) {
        // Read entries still waiting for their place were placed first (docs/security.md, "Audit trail").
        const placed = report.placed > 0 ? ` (${report.placed} wartende Leseeinträge zuvor verkettet)` : '';
        console.log(
          `Protokoll unversehrt: ${report.entries} Einträge in ${report.tenants} Jugendämtern geprüft${placed}.`,
        );
      } else {
        console.log(`Protokoll VERÄNDERT: ${report.broken.length} Fehler bei ${report.entries} Einträgen.`);
        for (const b of report.broken)
          console.log(`  Jugendamt ${b.tenantId}, Eintrag ${b.seq}: ${b.reason}`);
      }
      return report.broken.length === 0 ? 0 : 1;
    } finally {
      await handle.close();
    }
  },
};
