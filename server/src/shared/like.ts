/** A LIKE pattern that finds `term` anywhere, case-insensitively (compare with `lower(column)`): % _ \ taken literally. */
export function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
