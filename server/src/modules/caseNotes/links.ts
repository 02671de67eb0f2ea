import type { CaseNoteLinkType } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { caseRecordExists } from './queries.ts';

type LinkCheck = (db: Kysely<DB>, tenantId: string, caseId: string, id: string) => Promise<boolean>;

/**
 * The records of a case a note can be attached to, each with the check that the record belongs to that case. A
 * new kind (a § 8a step, a process step) adds its key to `caseNoteLinkTypes` (packages/shared) and its check here.
 */
export const noteLinkChecks: Record<CaseNoteLinkType, LinkCheck> = {
  mandate: (db, tenantId, caseId, id) => caseRecordExists(db, 'mandate', tenantId, caseId, id),
  risk_consultation: (db, tenantId, caseId, id) =>
    caseRecordExists(db, 'risk_consultation', tenantId, caseId, id),
  help_plan: (db, tenantId, caseId, id) => caseRecordExists(db, 'help_plan', tenantId, caseId, id),
};
