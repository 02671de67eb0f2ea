/**
 * The words of the audit trail (Protokoll): every action and every kind of record an entry can name, each with its
 * German label. Both lists are closed, so that a new kind of entry is a decision made here, and the type checker
 * refuses one without a label. The server writes only these codes (server/src/modules/audit/chain.ts); the
 * Protokoll page shows only the labels.
 */

/** Every action the trail records. */
export const auditActions = [
  // Social data and records
  'read',
  'create',
  'update',
  'delete',
  'approve',
  'export',
  'import',
  // Who may see a case (Fallführung, grants)
  'grant',
  'revoke',
  // Duplicate search
  'search',
  'search_refused',
  // Refused access of any kind
  'access_denied',
  // Sessions
  'login',
  'login_failed',
  'logout',
  // Needs (Bedarfe): similar ones joined and parted again
  'merge',
  'split',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Record<AuditAction, string> = {
  read: 'Gelesen',
  create: 'Angelegt',
  update: 'Geändert',
  delete: 'Gelöscht',
  approve: 'Bewilligt',
  export: 'Exportiert',
  import: 'Eingelesen',
  grant: 'Zugriff gewährt',
  revoke: 'Zugriff entzogen',
  search: 'Gesucht',
  search_refused: 'Suche abgelehnt (zu viele Suchen)',
  access_denied: 'Zugriff verweigert',
  login: 'Anmeldung',
  login_failed: 'Fehlgeschlagene Anmeldung',
  logout: 'Abmeldung',
  merge: 'Zusammengeführt',
  split: 'Wieder getrennt',
};

/** Every kind of record an entry names (its entity type). */
export const auditEntityTypes = [
  // Organisation and accounts
  'social_centre',
  'district',
  'team',
  'street',
  'responsibility',
  'user',
  'absence',
  'sso_setting',
  'demo_data',
  // Families and cases
  'person',
  'household',
  'case',
  'case_list',
  'case_access',
  'case_allocation',
  'case_reopening',
  'case_lead_change',
  'case_retention',
  'retention_setting',
  'case_document',
  'risk_consultation',
  'mandate',
  'will_and_goals',
  'resource',
  'network_tie',
  'peer_consultation',
  'need',
  'micro_project',
  'micro_project_referral',
  'micro_budget',
  'help_plan',
  'family_conference',
  'consent',
  // Help and money
  'measure',
  'measure_list',
  'help_type',
  'provider',
  'service_offer',
  'rate',
  'finance_setting',
  'monthly_costs',
  'payment',
  'hze_statistics',
  // Steering
  'aggregate',
  'controlling_table',
  'controlling_publication',
  'controlling_report',
  // Areas of the application, for refusals of a route that names no record (details.route says which)
  'case_note',
  'case_note_list',
  'child_protection_check',
  'child_protection_list',
  'protection_measure',
  'child_protection_statistics',
  'process_definition',
  'process_instance',
  'process_step',
  'process_list',
  'notification',
  'worklist',
  'deadline_escalation',
  'controlling',
  'finance',
  'organisation',
  'audit_log',
  'route',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditEntityLabels: Record<AuditEntityType, string> = {
  social_centre: 'Sozialzentrum',
  district: 'Stadtteil',
  team: 'Team',
  street: 'Straße',
  responsibility: 'Zuständigkeit',
  user: 'Benutzerkonto',
  absence: 'Abwesenheit und Vertretung',
  sso_setting: 'Single Sign-On (Identitätsanbieter und Gruppen)',
  demo_data: 'Demodaten',
  case_retention: 'Aufbewahrung und Löschung einer Akte',
  retention_setting: 'Aufbewahrungsfristen',
  person: 'Person',
  household: 'Familie (Haushalt)',
  case: 'Fall',
  case_list: 'Fallliste (Meine Fälle)',
  case_access: 'Zugriff auf einen Fall',
  case_allocation: 'Zuteilung neuer Fälle',
  case_reopening: 'Wiederaufnahme eines Falls',
  case_lead_change: 'Wechsel der Fallführung',
  case_document: 'Dokument eines Falls',
  risk_consultation: 'Kurzberatung (Einordnung)',
  mandate: 'Auftrag oder Auflage',
  will_and_goals: 'Wille und Ziele',
  resource: 'Ressource',
  network_tie: 'Eintrag der Netzwerkkarte',
  peer_consultation: 'Kollegiale Beratung',
  need: 'Bedarf',
  micro_project: 'Präventives Mikroprojekt',
  micro_project_referral: 'Zugang zu einem Mikroprojekt',
  micro_budget: 'Budget der Mikroprojekte',
  help_plan: 'Hilfeplan',
  family_conference: 'Familienrat',
  consent: 'Einwilligung',
  measure: 'Hilfe (Maßnahme)',
  measure_list: 'Liste der Hilfen',
  help_type: 'Hilfeart',
  provider: 'Träger',
  service_offer: 'Leistungsangebot',
  rate: 'Entgeltsatz',
  finance_setting: 'Betragsgrenze der Bewilligung',
  monthly_costs: 'Monatliche Kosten',
  payment: 'Zahlungen',
  hze_statistics: 'Statistik erzieherische Hilfen',
  aggregate: 'Kennzahlen aus einer Datei',
  controlling_table: 'Kennzahlentabelle',
  controlling_publication: 'Kennzahlen zur Veröffentlichung',
  controlling_report: 'Bericht für den Jugendhilfeausschuss',
  case_note: 'Aktenvermerk',
  case_note_list: 'Aktenvermerke eines Falls',
  child_protection_check: 'Kinderschutz-Prüfung (§ 8a)',
  child_protection_list: 'Kinderschutz-Prüfungen eines Falls',
  protection_measure: 'Schutzmaßnahme (§ 8a)',
  child_protection_statistics: 'Statistik der Gefährdungseinschätzungen (§ 8a)',
  process_definition: 'Prozessdefinition',
  process_instance: 'Prozess eines Falls',
  process_step: 'Prozessschritt',
  process_list: 'Prozesse eines Falls',
  notification: 'Benachrichtigung',
  worklist: 'Arbeitsvorrat (Wiedervorlage)',
  deadline_escalation: 'Eskalation einer Kinderschutzfrist',
  controlling: 'Steuerung',
  finance: 'Finanzen',
  organisation: 'Organisation',
  audit_log: 'Protokoll',
  route: 'Funktion der Anwendung',
};

const isIn = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * The label of an action as stored. The trail is history: an entry written by an older version with a code no
 * longer in the list is shown as "Sonstige Aktion" rather than as its code.
 */
export function auditActionLabel(action: string): string {
  return isIn(auditActions, action) ? auditActionLabels[action] : 'Sonstige Aktion';
}

/** The label of a stored entity type; see auditActionLabel for codes of older versions. */
export function auditEntityLabel(entityType: string): string {
  return isIn(auditEntityTypes, entityType) ? auditEntityLabels[entityType] : 'Sonstiger Eintrag';
}
