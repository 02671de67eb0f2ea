// Imported by the router, which is part of the first bundle: no runtime imports here.

/** The areas (tabs) of the case page, in the order they are shown; the key stands in the address (?bereich=). */
export const caseSections = [
  'ueberblick',
  'vermerke',
  'prozesse',
  'einordnung',
  'kinderschutz',
  'wille-und-ziele',
  'ressourcen',
  'netzwerkkarte',
  'kollegiale-beratung',
  'hilfeplan',
  'hilfen',
  'familienrat',
  'einwilligungen',
  'dokumente',
  'abschluss',
  'uebergaben',
  /** Only for the team lead and the lead case manager. */
  'zugriff',
] as const;
export type CaseSection = (typeof caseSections)[number];

export interface CaseSearch {
  bereich?: CaseSection;
}

export function validateCaseSearch(search: Record<string, unknown>): CaseSearch {
  const bereich = caseSections.find((s) => s === search.bereich);
  return bereich && bereich !== 'ueberblick' ? { bereich } : {};
}
