import { accessRoutes, addressKinds } from './catalogues.ts';
import { idSchema, versionSchema } from './common.ts';
import { dateSchema } from './dates.ts';
import { z } from './zod.ts';

/**
 * Who has a case: who may see it and why (the team lead's access list, grants with an end), and new cases that no
 * team has yet (the allocation list, docs/intake.md).
 */

const ref = z.object({ id: idSchema, name: z.string() });

// Who may see a case and why (the team lead's overview)
export const caseAccessReasons = {
  values: ['lead', 'deputy', 'team_lead', 'granted'] as const,
  labels: {
    lead: 'Fallführung',
    deputy: 'Vertretung der Fallführung',
    team_lead: 'Referatsleitung des Teams',
    granted: 'Zugriff gewährt',
  },
};
export type CaseAccessReason = (typeof caseAccessReasons.values)[number];

/** One reason one person has access; someone with two reasons (e.g. granted, later lead) has two entries. */
export const caseAccessEntrySchema = z.object({
  user: ref,
  reason: z.enum(caseAccessReasons.values),
  /** Whether the account can still sign in; a grant to a deactivated account can still be revoked. */
  active: z.boolean(),
  /** For a grant: who granted it (null when that account is gone) and when. */
  grantedBy: ref.nullable(),
  grantedAt: z.string().nullable(),
  /** The last day the access holds (a grant with an end, a deputy for an absence); null: no end set. */
  validUntil: z.string().nullable(),
});
/** Granting access to a case: optionally until a day (inclusive); after it the grant no longer admits. */
export const accessGrantInputSchema = z.object({ validUntil: dateSchema.nullable().optional() });

export const caseAccessListSchema = z.object({
  caseId: idSchema,
  entries: z.array(caseAccessEntrySchema),
});
export type CaseAccessList = z.infer<typeof caseAccessListSchema>;

// Zuteilung: new cases no team is responsible for yet (docs/intake.md)
export const allocationItemSchema = z.object({
  id: idSchema,
  caseNumber: z.string(),
  openedOn: z.string(),
  accessRoute: z.enum(accessRoutes.values),
  /** Where the family lives as far as allocating needs it: the street and Stadtteil, or no fixed address. */
  address: z.object({
    kind: z.enum(addressKinds.values),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    district: z.string().nullable(),
  }),
  /** Who took the intake (and keeps access until the lead case manager takes over). */
  takenBy: z.string().nullable(),
  version: versionSchema,
});
export type AllocationItem = z.infer<typeof allocationItemSchema>;
export const allocationInputSchema = z.object({ leadUserId: idSchema, version: versionSchema });
