import type { HelpTopicId } from '../topics.ts';
import type { HelpTopicContent } from './types.ts';

export type ContentTopicId = Exclude<HelpTopicId, 'glossar'>;

/** Each help page's text is a chunk of its own, loaded when the page is opened. */
export const helpContent: Record<ContentTopicId, () => Promise<HelpTopicContent>> = {
  faelle: () => import('./cases.ts').then((m) => m.casesHelp),
  kinderschutz: () => import('./childProtection.ts').then((m) => m.childProtectionHelp),
  hilfen: () => import('./measures.ts').then((m) => m.measuresHelp),
  prozesse: () => import('./processes.ts').then((m) => m.processesHelp),
  vermerke: () => import('./notes.ts').then((m) => m.notesHelp),
  arbeitsliste: () => import('./worklist.ts').then((m) => m.worklistHelp),
  bedarfe: () => import('./needs.ts').then((m) => m.needsHelp),
  steuerung: () => import('./controlling.ts').then((m) => m.controllingHelp),
  protokoll: () => import('./audit.ts').then((m) => m.auditHelp),
  organisation: () => import('./organisation.ts').then((m) => m.organisationHelp),
};

/** One line per page for the overview. */
export const helpSummaries: Record<HelpTopicId, string> = {
  faelle: 'Meine Fälle, Falleingang und die Fallakte: Einordnung, Wille und Ziele, Ressourcen, Hilfeplan …',
  kinderschutz: 'Die Gefährdungseinschätzung nach § 8a SGB VIII: Schritte, Fristen, Ergebnis, Konsequenzen.',
  hilfen: 'Hilfen planen und bewilligen, wie Kosten entstehen, die Wirtschaftliche Jugendhilfe.',
  prozesse: 'Die Kernprozesse mit Schritten und Fristen, im Fall und für die Administration.',
  vermerke: 'Aktenvermerke schreiben, ändern und korrigieren; Benachrichtigungen.',
  arbeitsliste: 'Was überfällig, heute und diese Woche fällig ist; die Sicht der Referatsleitung.',
  bedarfe: 'Fehlende Angebote im Stadtteil, gesammelt aus der kollegialen Beratung.',
  steuerung: 'Kennzahlen, Zeitreihen, Karte, Städtevergleich und Personal.',
  protokoll: 'Wer wann auf welche Daten zugegriffen hat, und wie die Kette geprüft wird.',
  organisation: 'Sozialzentren, Teams, Straßen und Zuständigkeit, Mitarbeitende und Rollen.',
  glossar: 'Alle Begriffe der Methode und des Systems von A bis Z.',
};
