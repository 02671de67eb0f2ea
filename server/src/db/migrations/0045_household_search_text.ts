import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * The case search matches every word against two stored texts of the household (docs/decisions.md, "The search
 * matches two stored texts"): `search_text`, the household's name, street and members' names in lower case, and
 * `search_text_folded`, the same folded (`search_fold`). Before, it called `lower` and `search_fold` on the name
 * and the street of every household in scope for every word.
 *
 * Both are generated columns: PostgreSQL computes them whenever a row is written, from the name, the street and the
 * member names the triggers of 0044 keep (their refresh writes `member_names`, which recomputes both), so no
 * application code, trigger or erasure can leave them stale, and the statement that adds them fills them. The fields
 * are separated by a newline: a search word holds no whitespace (caseSearchTerms), so it never matches across two
 * fields, and `search_fold` folds each field on its own, as the search did.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    alter table household
      add column search_text text not null generated always as (
        lower(coalesce(name, '')) || E'\\n' || lower(coalesce(street_name, '')) || E'\\n' || member_names
      ) stored,
      add column search_text_folded text not null generated always as (
        coalesce(search_fold(name), '') || E'\\n' || coalesce(search_fold(street_name), '') || E'\\n'
          || member_names_folded
      ) stored;
    `,
  );
}
