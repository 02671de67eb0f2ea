/**
 * Roles and permissions (docs/domain.md, section 1). The server enforces them; the web app only uses them
 * to decide which navigation entries to show. Deny by default: a role has exactly the permissions listed
 * here.
 */
export const roles = [
  'case_manager',
  'team_lead',
  'centre_lead',
  'district_coordinator',
  'clerk',
  'finance',
  'controller',
  'director',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  case_manager: 'Case Managerin / Fachkraft',
  team_lead: 'Referatsleitung Junge Menschen',
  centre_lead: 'Sozialzentrumsleitung',
  district_coordinator: 'Sozialraumkoordination',
  clerk: 'Verwaltungskraft',
  finance: 'Wirtschaftliche Jugendhilfe',
  controller: 'Controlling / Jugendhilfeplanung',
  director: 'Jugendamtsleitung',
  admin: 'Administration',
};

/**
 * `public` routes need no session, `authenticated` ones any signed-in user. Every other permission is
 * granted by roles. A route without a declared permission does not start (see server/src/http/permissions.ts).
 */
export const permissions = [
  'public',
  'authenticated',
  'organisation:read',
  'organisation:manage',
  'staff:read',
  'audit:read',
  /** Work on cases: intake, the method's records, help plans. Which cases is decided by the case-access rule. */
  'case:work',
  /** The district's needs (Bedarfe), collected from cases: no personal data. */
  'need:read',
  /** Record needs by hand, merge and split them, set their status. */
  'need:manage',
  /** Preventive micro-projects: list and detail (no personal data; referrals are counted, not named). */
  'microproject:read',
  /** Plan and run micro-projects and commit their budget; which districts is decided by the district rule. */
  'microproject:manage',
  /** The micro-project budget per district and project, and the share of access through case management. */
  'microbudget:read',
  /** Set the annual frame and allocate it to the districts. */
  'microbudget:manage',
  /** The Stadtteilatlas: institutions and offers in the districts, and its map. */
  'atlas:read',
  /** Maintain the atlas: entries, the CSV import of institutions and the GeoJSON import of district outlines. */
  'atlas:manage',
  /** The Wochenkonferenz of one's own team: agenda, minutes, the folder; which team is decided by the policy. */
  'conference:read',
  /** Prepare and minute the team's Wochenkonferenz. */
  'conference:manage',
  /** The team: expertise directory, training overview, knowledge base. */
  'team:read',
  /** Keep the team's expertise and training status, write knowledge-base pages. */
  'team:manage',
  /**
   * Case-independent work of the own team (visits, walks, explorations, talks, networks): record and read it. Which
   * team's records is decided by the policy (mayDoDistrictWorkOf).
   */
  'districtwork:record',
  /** How much case-independent work was done per district and year: counts only. */
  'districtwork:counts',
  /** Help types, providers, offers and rates: read by everyone who plans measures. */
  'catalogue:read',
  /** Maintain the help-type catalogue. */
  'catalogue:manage',
  /** Wirtschaftliche Jugendhilfe: providers, rates, monthly costs, payments, the HzE statistics export. */
  'finance:manage',
  /** Key figures and dashboards: aggregates only, never personal data. */
  'controlling:read',
  /** Import aggregates (earlier years, other cities, staffing). */
  'controlling:import',
  /** Set targets, the Rentabilitätsbetrachtung's cost categories, extra costs and planned cost path. */
  'controlling:steer',
  /** Read the process definitions (Kernprozesse): no personal data. */
  'process:read',
  /** Add versions of process definitions. */
  'process:manage',
  /** Set up single sign-on: the identity provider and which of its groups give which role and team. */
  'sso:manage',
  /** Produce the Auskunft about a person across all cases (Art. 15 DSGVO, § 83 SGB X). */
  'person:disclose',
  /** Set the retention rules (how long each class of case file is kept before it is due for deletion). */
  'retention:manage',
] as const;
export type Permission = (typeof permissions)[number];

const everyStaffRole: Permission[] = ['organisation:read', 'staff:read', 'catalogue:read', 'atlas:read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  case_manager: [
    ...everyStaffRole,
    'case:work',
    'need:read',
    'need:manage',
    'process:read',
    'microproject:read',
    'conference:read',
    'team:read',
    'districtwork:record',
    'districtwork:counts',
  ],
  team_lead: [
    ...everyStaffRole,
    'case:work',
    'need:read',
    'need:manage',
    'process:read',
    'microproject:read',
    'microproject:manage',
    'microbudget:read',
    'conference:read',
    'conference:manage',
    'team:read',
    'team:manage',
    'districtwork:record',
    'districtwork:counts',
    'person:disclose',
  ],
  centre_lead: [
    ...everyStaffRole,
    'need:read',
    'controlling:read',
    'microproject:read',
    'microbudget:read',
    'team:read',
    'districtwork:counts',
  ],
  // Sozialraumkoordination: network work, needs and micro-projects of its team's districts (docs/domain.md, section 1).
  district_coordinator: [
    ...everyStaffRole,
    'need:read',
    'need:manage',
    'controlling:read',
    'microproject:read',
    'microproject:manage',
    'microbudget:read',
    'atlas:manage',
    'conference:read',
    'team:read',
    'districtwork:record',
    'districtwork:counts',
  ],
  clerk: everyStaffRole,
  finance: [...everyStaffRole, 'finance:manage'],
  // Controlling sees the organisation's structure but no staff list: it works on aggregates only.
  // Jugendhilfeplanung also sees the needs and their counts and the budget's aggregates: none of it personal data.
  controller: [
    'organisation:read',
    'controlling:read',
    'controlling:import',
    'controlling:steer',
    'need:read',
    'microbudget:read',
    'districtwork:counts',
  ],
  director: [
    ...everyStaffRole,
    'need:read',
    'controlling:read',
    'controlling:steer',
    'microproject:read',
    'microbudget:read',
    'microbudget:manage',
    'districtwork:counts',
  ],
  admin: [
    'organisation:read',
    'organisation:manage',
    'staff:read',
    'audit:read',
    'catalogue:read',
    'catalogue:manage',
    'process:read',
    'process:manage',
    'sso:manage',
    'person:disclose',
    'retention:manage',
  ],
};

export function hasPermission(userRoles: readonly Role[], permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  return userRoles.some((role) => rolePermissions[role].includes(permission));
}
