import { type Kysely, sql } from 'kysely';

/**
 * Runs a multi-statement SQL script one statement at a time (both PGlite's and pg's prepared statements take one).
 * Splits on semicolons outside $$-quoted bodies and comments.
 */
export async function executeScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) await sql.raw(statement).execute(db);
}

export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of script.split('\n')) {
    const code = line.replace(/--.*$/, '');
    if (!code.trim() && !inDollar) continue;
    current += `${line}\n`;
    inDollar = (code.match(/\$\$/g)?.length ?? 0) % 2 === 1 ? !inDollar : inDollar;
    if (!inDollar && code.trimEnd().endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
