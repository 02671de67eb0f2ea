// Imported by the app shell, which is part of the first bundle: plain data, no runtime imports here.

/** The help pages, in the order the overview lists them; the key stands in the address (/hilfe/<key>). */
export const helpTopics = [
  { id: 'faelle', title: 'Fälle und Fallakte' },
  { id: 'kinderschutz', title: 'Kinderschutz (§ 8a)' },
  { id: 'hilfen', title: 'Hilfen und Finanzen' },
  { id: 'prozesse', title: 'Prozesse' },
  { id: 'vermerke', title: 'Vermerke' },
  { id: 'arbeitsliste', title: 'Arbeitsliste' },
  { id: 'bedarfe', title: 'Bedarfe' },
  { id: 'steuerung', title: 'Steuerung und Kennzahlen' },
  { id: 'protokoll', title: 'Protokoll' },
  { id: 'organisation', title: 'Organisation' },
  { id: 'glossar', title: 'Glossar' },
] as const;

export type HelpTopicId = (typeof helpTopics)[number]['id'];

export function isHelpTopic(value: string): value is HelpTopicId {
  return helpTopics.some((t) => t.id === value);
}

export function helpTopicTitle(id: HelpTopicId): string {
  return helpTopics.find((t) => t.id === id)?.title ?? id;
}

/** Where the shell's "Hilfe" link leads: the help of the module the user is in, at the part she is looking at. */
export interface HelpTarget {
  /** Absent: the overview of all help pages. */
  topic?: HelpTopicId;
  /** The id of a section of that help page. */
  section?: string;
}

/** Case tabs with a help page of their own; the others are sections of the cases help (same key). */
const caseTabTopics: Record<string, HelpTopicId> = {
  kinderschutz: 'kinderschutz',
  vermerke: 'vermerke',
  prozesse: 'prozesse',
  hilfen: 'hilfen',
};

const pathTopics: [prefix: string, topic: HelpTopicId][] = [
  ['/faelle', 'faelle'],
  ['/bedarfe', 'bedarfe'],
  ['/bewilligungen', 'hilfen'],
  ['/finanzen', 'hilfen'],
  ['/steuerung', 'steuerung'],
  ['/organisation', 'organisation'],
  ['/prozesse', 'prozesse'],
  ['/protokoll', 'protokoll'],
];

/**
 * The help for a page of the app, from its path and, on the case page, the tab (?bereich=). The start page is the
 * work list for everyone who works on cases; pages without help of their own lead to the overview.
 */
export function helpTargetFor(pathname: string, caseTab?: string): HelpTarget {
  if (pathname === '/') return { topic: 'arbeitsliste' };
  if (pathname.startsWith('/hilfe')) return {};
  const match = pathTopics.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  if (!match) return {};
  const topic = match[1];
  if (topic !== 'faelle' || !caseTab) return { topic };
  const own = caseTabTopics[caseTab];
  return own ? { topic: own } : { topic, section: caseTab };
}
