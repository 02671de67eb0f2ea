import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CaseDocumentTable } from '../../db/schema-cases.ts';

/** All SQL of the documents of a case (uploads). The forms are built from the case file and need none of their own. */

export function insertDocument(db: Kysely<DB>, row: Insertable<CaseDocumentTable>) {
  return db.insertInto('case_document').values(row).returning('id').executeTakeFirstOrThrow();
}

/** A document of this case, with its content; none if it belongs to another case. */
export function findDocument(db: Kysely<DB>, tenantId: string, caseId: string, documentId: string) {
  return db
    .selectFrom('case_document')
    .select(['file_name', 'content_type', 'content'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}
