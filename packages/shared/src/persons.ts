import { addressKinds, custodyKinds, genders, householdRoles } from './catalogues.ts';
import { idSchema, lineSchema, nameSchema, versionSchema } from './common.ts';
import { dateSchema, formatDateDe, todayIso } from './dates.ts';
import { z } from './zod.ts';

const optionalText = (max: number) => lineSchema(max).nullable();

/** A birth date: in dateSchema's years and not after today (in Berlin, where the office is). */
export const birthDateSchema = dateSchema.refine((d) => d <= todayIso(), {
  error: 'Das Geburtsdatum muss in der Vergangenheit liegen.',
});

/**
 * The household roles of a child or young person: they keep a date of birth (age, statistics, § 8a). An adult's
 * may be unknown (null, shown as "unbekannt") rather than invented (docs/domain.md, "Pflichtfelder und 'unbekannt'").
 */
type HouseholdRole = (typeof householdRoles.values)[number];
export const childRoles: readonly HouseholdRole[] = ['kind', 'geschwister'];
export const childBirthDateMessage = 'Bitte das Geburtsdatum des Kindes angeben.';

export function isChildRole(role: string): boolean {
  return (childRoles as readonly string[]).includes(role);
}

/** "12.03.1985", or "unbekannt" for an adult whose date of birth is not known. */
export function formatBirthDate(birthDate: string | null): string {
  return birthDate === null ? 'unbekannt' : formatDateDe(birthDate);
}

export const personInputSchema = z.object({
  firstName: nameSchema(100),
  lastName: nameSchema(100),
  birthDate: birthDateSchema.nullable(),
  gender: z.enum(genders.values),
  language: optionalText(60),
  phone: optionalText(60),
});
export type PersonInput = z.infer<typeof personInputSchema>;

const houseNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{1,4}\s?[a-zA-Z]?$/, { error: 'Hausnummer wie 12 oder 12a.' });

/**
 * The address as the intake gives it: a street chosen from the directory (its id: name, postal code and district
 * come with it, so no postal code is asked for) and a house number, or no fixed address at all.
 */
export const addressInputSchema = z
  .object({
    kind: z.enum(addressKinds.values),
    streetId: idSchema.nullable(),
    houseNumber: houseNumberSchema.nullable(),
  })
  .superRefine((a, ctx) => {
    if (a.kind !== 'fest') return;
    if (a.streetId === null)
      ctx.addIssue({
        code: 'custom',
        path: ['streetId'],
        message: 'Bitte eine Straße aus der Liste wählen.',
      });
    if (a.houseNumber === null)
      ctx.addIssue({ code: 'custom', path: ['houseNumber'], message: 'Bitte eine Hausnummer angeben.' });
  });
export type AddressInput = z.infer<typeof addressInputSchema>;

/** The address as stored and shown: street, number and postal code are null without a fixed address. */
export const addressSchema = z.object({
  kind: z.enum(addressKinds.values),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postalCode: z.string().nullable(),
});

export type Address = z.infer<typeof addressSchema>;

/** The address as one line ("Ankerweg 7, 28195"); without a fixed address its kind ("Wohnungslos"). */
export function formatAddress(a: Address): string {
  if (a.kind !== 'fest' || a.street === null) return addressKinds.labels[a.kind];
  return `${a.street}${a.houseNumber ? ` ${a.houseNumber}` : ''}${a.postalCode ? `, ${a.postalCode}` : ''}`;
}

export const householdMemberInputSchema = z
  .object({
    /** An existing person (found by the duplicate check) or a new one. */
    personId: idSchema.nullable(),
    person: personInputSchema.nullable(),
    role: z.enum(householdRoles.values),
    custody: z.enum(custodyKinds.values).nullable(),
  })
  .superRefine((m, ctx) => {
    if (m.person && m.person.birthDate === null && isChildRole(m.role))
      ctx.addIssue({ code: 'custom', path: ['person', 'birthDate'], message: childBirthDateMessage });
  });

export const householdInputSchema = z.object({
  name: nameSchema(),
  address: addressInputSchema,
  members: z
    .array(
      householdMemberInputSchema.refine((m) => (m.personId === null) !== (m.person === null), {
        error: 'Bitte eine vorhandene Person wählen oder eine neue erfassen.',
        path: ['person'],
      }),
    )
    .min(1, { error: 'Ein Haushalt braucht mindestens eine Person.' })
    .max(20),
});
export type HouseholdInput = z.infer<typeof householdInputSchema>;

export const personSchema = personInputSchema.extend({ id: idSchema, version: versionSchema });
export type Person = z.infer<typeof personSchema>;

export const householdMemberSchema = z.object({
  person: personSchema,
  role: z.enum(householdRoles.values),
  custody: z.enum(custodyKinds.values).nullable(),
});

export const householdSchema = z.object({
  id: idSchema,
  name: z.string(),
  version: versionSchema,
  address: addressSchema,
  district: z.object({ id: idSchema, name: z.string() }).nullable(),
  team: z.object({ id: idSchema, name: z.string() }).nullable(),
  members: z.array(householdMemberSchema),
});
export type Household = z.infer<typeof householdSchema>;

/**
 * The duplicate search: at intake (via intake, the default) and as the office-wide "Ist die Familie bekannt?"
 * (via lookup). One search, one answer, one rate limit; the audit trail records which of the two asked.
 */
export const duplicateQuerySchema = z.object({
  firstName: nameSchema(100),
  lastName: nameSchema(100),
  /** Null: the date is not known, the search matches by name alone. */
  birthDate: birthDateSchema.nullable(),
  via: z.enum(['intake', 'lookup']).optional(),
});
export type DuplicateQuery = z.infer<typeof duplicateQuerySchema>;

/**
 * A likely duplicate. Without access to any of the person's cases the user learns only that a match exists and
 * whom to ask (lead case manager and team), never the other case's content.
 */
export const duplicateCandidateSchema = z.object({
  match: z.enum(['phonetik', 'schreibweise']),
  accessible: z.boolean(),
  person: z
    .object({ id: idSchema, firstName: z.string(), lastName: z.string(), birthDate: z.string().nullable() })
    .nullable(),
  contacts: z.array(z.object({ leadName: z.string().nullable(), teamName: z.string() })),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
