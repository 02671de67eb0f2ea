import {
  addDays,
  addMonths,
  defaultRetentionYears,
  type RetentionClass,
  type RetentionRule,
  type RetentionState,
  retentionClasses,
} from '@leuchtturm/shared';

/**
 * How long a closed case file is kept (docs/retention.md). Pure, so the rule is tested without a database.
 *
 * - langfristig (§ 9b SGB VIII): the file holds help for education, Eingliederungshilfe or stationary help. Kept
 *   until `years` after the 30th birthday of the youngest young person who received such help (the last day before
 *   that anniversary). An unknown birth date keeps the file until someone decides by hand.
 * - kinderschutz: the file holds a § 8a check; kept to the end of the `years`-th year after the closing year.
 * - sonstige: every other file (counselling); likewise from the closing year.
 * A file in several classes is kept as long as the longest asks.
 */
export interface RetentionFacts {
  status: 'offen' | 'abgeschlossen';
  closedOn: string | null;
  hasLongHelp: boolean;
  longBirthDate: string | null;
  longBirthUnknown: boolean;
  hasProtection: boolean;
}

export type RetentionYears = Record<RetentionClass, number>;

export function retentionYears(rules: readonly RetentionRule[] | null | undefined): RetentionYears {
  const years = { ...defaultRetentionYears };
  for (const rule of rules ?? []) years[rule.recordClass] = rule.years;
  return years;
}

export function rulesOf(years: RetentionYears): RetentionRule[] {
  return retentionClasses.values.map((recordClass) => ({ recordClass, years: years[recordClass] }));
}

export function retentionClassOf(f: RetentionFacts): RetentionClass {
  if (f.hasLongHelp) return 'langfristig';
  if (f.hasProtection) return 'kinderschutz';
  return 'sonstige';
}

/** The last day the file is kept, or null (open, or a birth date the long rule needs is unknown). */
export function retainUntil(f: RetentionFacts, years: RetentionYears): string | null {
  if (f.status !== 'abgeschlossen' || f.closedOn === null) return null;
  const closingYear = Number(f.closedOn.slice(0, 4));
  const ends = [`${closingYear + years.sonstige}-12-31`];
  if (f.hasProtection) ends.push(`${closingYear + years.kinderschutz}-12-31`);
  if (f.hasLongHelp) {
    if (f.longBirthUnknown || f.longBirthDate === null) return null;
    ends.push(addDays(addMonths(f.longBirthDate, 12 * (30 + years.langfristig)), -1));
  }
  // ISO dates sort as strings: the latest end wins.
  return ends.sort().at(-1) ?? null;
}

/** Where the file stands on `today`. */
export function retentionStateOf(
  f: RetentionFacts,
  stored: 'vorgeschlagen' | 'gesperrt' | 'geloescht' | null,
  years: RetentionYears,
  today: string,
): RetentionState {
  if (stored === 'geloescht') return 'geloescht';
  if (stored === 'gesperrt') return 'gesperrt';
  if (stored === 'vorgeschlagen') return 'vorgeschlagen';
  const until = retainUntil(f, years);
  return until !== null && today > until ? 'faellig' : 'aufzubewahren';
}
