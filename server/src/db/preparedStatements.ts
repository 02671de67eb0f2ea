import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Long statements are planned once per connection, not once per request (docs/decisions.md, "Long statements are
 * prepared"). The case page is one statement of about 24,000 characters with some 200 parameters; PostgreSQL took
 * about 12 ms to plan it and 1.5 ms to run it, and under load its planning was the largest single use of the
 * database's CPU. Sent as a named statement, PostgreSQL keeps it per connection and, after its first five runs,
 * reuses a generic plan.
 *
 * Only statements of at least `PREPARE_FROM_LENGTH` characters are named: those are the few fixed, expensive ones
 * (the case page, the work list). Short statements mostly plan in about a millisecond, and some vary in shape
 * with their input (lists of ids), so naming them would only fill the connection's memory. A connection keeps at
 * most `PREPARED_PER_CONNECTION` statements; later ones go unnamed.
 */
export const PREPARE_FROM_LENGTH = 8000;
export const PREPARED_PER_CONNECTION = 100;

/** The name a statement is prepared under, or null to send it unnamed. */
export function preparedName(text: string, prepared: ReadonlySet<string>): string | null {
  if (text.length < PREPARE_FROM_LENGTH) return null;
  const name = `lt_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  if (prepared.has(name) || prepared.size < PREPARED_PER_CONNECTION) return name;
  return null;
}

/** pg's client, sending long statements as named ones (the pool's `Client`). */
export class PreparingClient extends pg.Client {
  readonly #prepared = new Set<string>();

  // pg's `query` has many overloads; Kysely calls the one of text and values, the only one this changes.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && (args.length === 1 || Array.isArray(values))) {
      const name = preparedName(text, this.#prepared);
      if (name) {
        this.#prepared.add(name);
        return super.query({ name, text, values: values as unknown[] | undefined }) as never;
      }
    }
    return (super.query as (...a: unknown[]) => unknown)(...args) as never;
  }
}
