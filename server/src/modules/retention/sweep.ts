import { addDays, berlinDateOf, formatDateDe, retentionRuleSchema } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { JobHandler } from '../jobs/registry.ts';
import { notifyMany } from '../notifications/service.ts';
import {
  activeTeamLeads,
  loadRetentionSetting,
  type RetentionFactsRow,
  retentionFacts,
  tenantIds,
} from './queries/files.ts';
import { retainUntil, retentionYears } from './rules.ts';

/**
 * The nightly sweep (docs/retention.md): finds closed files whose retention has ended and tells the team lead of
 * each file's team, once per file. It never deletes anything: deletion takes the two steps of two people.
 */
export const RETENTION_JOB = 'aufbewahrung.faellig';
export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

export const findDueFiles: JobHandler = async ({ db, now }) => {
  for (const { id } of await tenantIds(db)) await notifyDueFiles(db, id, berlinDateOf(now));
};

/**
 * Notifies the team leads of files due on `today`; answers how many files were newly reported (a file counts when
 * one of its team leads was notified now). A constant number of statements however many files are due: the rules,
 * the closed files, the team leads, and all notifications in one insert.
 */
export async function notifyDueFiles(db: Kysely<DB>, tenantId: string, today: string): Promise<number> {
  const stored = await loadRetentionSetting(db, tenantId);
  const rules = retentionRuleSchema.array().safeParse(stored?.rules ?? []);
  const years = retentionYears(rules.success ? rules.data : []);
  const due: { row: RetentionFactsRow; teamId: string; until: string }[] = [];
  for (const row of await retentionFacts(db, tenantId, { allClosed: true })) {
    if (row.state !== null || row.team_id === null) continue;
    const until = retainUntil(
      {
        status: row.status,
        closedOn: row.closed_on,
        hasLongHelp: row.has_long_help,
        longBirthDate: row.long_birth_date,
        longBirthUnknown: row.long_birth_unknown,
        hasProtection: row.has_protection,
      },
      years,
    );
    if (until !== null && today > until) due.push({ row, teamId: row.team_id, until });
  }
  if (due.length === 0) return 0;
  const leads = new Map<string, string[]>();
  for (const lead of await activeTeamLeads(db, tenantId))
    if (lead.team_id !== null) leads.set(lead.team_id, [...(leads.get(lead.team_id) ?? []), lead.id]);
  const notified = await notifyMany(
    db,
    due.map(({ row, teamId, until }) => ({
      tenantId,
      userIds: leads.get(teamId) ?? [],
      kind: 'aufbewahrung_faellig',
      title: `Aufbewahrungsfrist abgelaufen: Akte ${row.case_number} (seit ${formatDateDe(addDays(until, 1))})`,
      link: '/aufbewahrung',
      dedupeKey: `retention-due:${row.id}`,
    })),
  );
  return notified.filter((userIds) => userIds.length > 0).length;
}
