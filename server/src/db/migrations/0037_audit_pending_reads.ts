import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Audit without queues (docs/decisions.md, "Read entries are chained later"): an entry that records a look at data
 * is stored unchained, without the tenant's head lock, and placed into the hash chain by the next change, the
 * sweep `protokoll.verketten`, the Protokoll page or `leuchtturm audit verify`.
 *
 * - `seq`, `prev_hash` and `hash` are null until the entry is placed, all three together (the check).
 * - `pending_id`, from a sequence, orders the entries still waiting; it is every entry's key with the tenant. The
 *   rows already there take theirs from the column's default as the table is rewritten (they are placed already,
 *   so their order among themselves does not matter).
 * - The chain position stays unique per tenant; Postgres treats the nulls of waiting entries as distinct.
 * - The append-only trigger refuses every update and delete as before, except the one that places a waiting
 *   entry: it sets seq, prev_hash and hash where all three were null and changes nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    create sequence audit_log_pending_id_seq;
    alter table audit_log add column pending_id bigint not null default nextval('audit_log_pending_id_seq');
    alter sequence audit_log_pending_id_seq owned by audit_log.pending_id;

    alter table audit_log drop constraint audit_log_pkey;
    alter table audit_log alter column seq drop not null;
    alter table audit_log alter column prev_hash drop not null;
    alter table audit_log alter column hash drop not null;
    alter table audit_log add constraint audit_log_chained_check check (
      (seq is null and prev_hash is null and hash is null)
      or (seq is not null and prev_hash is not null and hash is not null));
    alter table audit_log add primary key (tenant_id, pending_id);
    create unique index audit_log_seq_key on audit_log (tenant_id, seq);
    create index audit_log_pending_idx on audit_log (tenant_id, pending_id) where seq is null;

    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      -- Placing a waiting entry into the chain: the three chain columns go from all null to all set, every other
      -- column (whatever columns the table gains later) stays as it is.
      if tg_op = 'UPDATE'
        and old.seq is null and old.prev_hash is null and old.hash is null
        and new.seq is not null and new.prev_hash is not null and new.hash is not null
        and to_jsonb(new) - 'seq' - 'prev_hash' - 'hash' = to_jsonb(old) - 'seq' - 'prev_hash' - 'hash' then
        return new;
      end if;
      raise exception 'audit_log is append-only';
    end $$;
    `,
  );
}
