import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CaseDocumentTable } from '../../db/schema-cases.ts';
import { type ContentViewer, confidedShownSql } from '../confided/queries/visibility.ts';

/** All SQL of the documents of a case (uploads). The forms are built from the case file and need none of their own. */

export function insertDocument(db: Kysely<DB>, row: Insertable<CaseDocumentTable>) {
  return db.insertInto('case_document').values(row).returning('id').executeTakeFirstOrThrow();
}

/**
 * A document of this case, with its content; none if it belongs to another case. § 65: `shown` false (and no
 * content) when it is confided and the viewer may not see it.
 */
export async function findDocument(
  db: Kysely<DB>,
  tenantId: string,
  caseId: string,
  documentId: string,
  viewer: ContentViewer,
) {
  const shown = confidedShownSql('case_document', 'case_document.tenant_id', 'case_document.id', viewer);
  return db
    .selectFrom('case_document')
    .select([
      'file_name',
      'content_type',
      sql<Buffer | null>`case when ${shown} then content else null end`.as('content'),
      shown.as('shown'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}
