import { describe, expect, it } from 'vitest';
import { splitStatements } from './script.ts';

describe('splitStatements', () => {
  it('splits on semicolons but keeps $$ function bodies and drops comment-only lines', () => {
    const script = `
      -- a comment; with a semicolon
      create table a (id int);
      create function f() returns trigger language plpgsql as $$
      begin
        raise exception 'x';
      end $$;
      create trigger t before update on a for each row execute function f();
    `;
    const statements = splitStatements(script);
    expect(statements).toHaveLength(3);
    expect(statements[1]).toContain("raise exception 'x';");
    expect(statements[1]?.endsWith('end $$;')).toBe(true);
  });
});
