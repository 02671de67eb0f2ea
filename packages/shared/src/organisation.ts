import { idSchema, nameSchema, versionSchema } from './common.ts';
import { roles } from './roles.ts';
import { z } from './zod.ts';

const code = z
  .string()
  .trim()
  .min(1, { error: 'Bitte ein Kürzel angeben.' })
  .max(20, { error: 'Höchstens 20 Zeichen.' })
  .regex(/^[A-Za-z0-9ÄÖÜäöüß_-]+$/, { error: 'Nur Buchstaben, Ziffern, - und _.' });

// Sozialzentren
export const socialCentreInputSchema = z.object({ name: nameSchema(), code });
export type SocialCentreInput = z.infer<typeof socialCentreInputSchema>;
export const socialCentreSchema = socialCentreInputSchema.extend({
  id: idSchema,
  version: versionSchema,
  teamCount: z.int(),
});
export type SocialCentre = z.infer<typeof socialCentreSchema>;

// Stadtteile
export const districtInputSchema = z.object({ name: nameSchema(), code });
export type DistrictInput = z.infer<typeof districtInputSchema>;
export const districtSchema = districtInputSchema.extend({
  id: idSchema,
  version: versionSchema,
  streetCount: z.int(),
});
export type District = z.infer<typeof districtSchema>;

// Stadtteilteams
export const teamInputSchema = z.object({
  name: nameSchema(),
  socialCentreId: idSchema,
  leadUserId: idSchema.nullable(),
});
export type TeamInput = z.infer<typeof teamInputSchema>;
export const teamSchema = teamInputSchema.extend({
  id: idSchema,
  version: versionSchema,
  socialCentreName: z.string(),
  leadName: z.string().nullable(),
  memberCount: z.int(),
});
export type Team = z.infer<typeof teamSchema>;

// Straßen
export const postalCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{5}$/, { error: 'Die Postleitzahl hat fünf Ziffern.' });
export const streetInputSchema = z.object({
  districtId: idSchema,
  name: nameSchema(),
  postalCode: postalCodeSchema,
});
export type StreetInput = z.infer<typeof streetInputSchema>;
export const streetSchema = streetInputSchema.extend({
  id: idSchema,
  version: versionSchema,
  districtName: z.string(),
});
export type Street = z.infer<typeof streetSchema>;

// Zuständigkeit: a whole street, or a range of house numbers of it, belongs to one team.
const houseNumber = z.int({ error: 'Bitte eine ganze Hausnummer angeben.' }).min(1).max(9999);
export const responsibilityInputSchema = z
  .object({
    streetId: idSchema,
    teamId: idSchema,
    houseFrom: houseNumber.nullable(),
    houseTo: houseNumber.nullable(),
  })
  .refine((v) => (v.houseFrom === null) === (v.houseTo === null), {
    error: 'Bitte beide Hausnummern angeben oder keine (dann gilt die ganze Straße).',
    path: ['houseTo'],
  })
  .refine((v) => v.houseFrom === null || v.houseTo === null || v.houseFrom <= v.houseTo, {
    error: 'Die letzte Hausnummer darf nicht vor der ersten liegen.',
    path: ['houseTo'],
  });
export type ResponsibilityInput = z.infer<typeof responsibilityInputSchema>;
export const responsibilitySchema = z.object({
  id: idSchema,
  version: versionSchema,
  streetId: idSchema,
  streetName: z.string(),
  districtName: z.string(),
  teamId: idSchema,
  teamName: z.string(),
  houseFrom: z.int().nullable(),
  houseTo: z.int().nullable(),
});
export type Responsibility = z.infer<typeof responsibilitySchema>;

export const addressLookupQuerySchema = z.object({
  street: nameSchema(),
  houseNumber: z.coerce
    .number({ error: 'Bitte eine Hausnummer angeben.' })
    .int({ error: 'Bitte eine ganze Hausnummer angeben.' })
    .min(1)
    .max(9999)
    .optional(),
  postalCode: postalCodeSchema.optional(),
});
export type AddressLookupQuery = z.infer<typeof addressLookupQuerySchema>;
export const addressLookupResultSchema = z.object({
  street: z.object({ id: idSchema, name: z.string(), postalCode: z.string() }),
  district: z.object({ id: idSchema, name: z.string() }),
  team: z.object({ id: idSchema, name: z.string() }),
  socialCentre: z.object({ id: idSchema, name: z.string() }),
});
export type AddressLookupResult = z.infer<typeof addressLookupResultSchema>;

// Mitarbeitende
export const specialisations = [
  'sucht',
  'psychische_erkrankung',
  'sexueller_missbrauch',
  'junge_muetter',
  'migration',
  'haeusliche_gewalt',
  'eingliederungshilfe',
] as const;
export const specialisationLabels: Record<(typeof specialisations)[number], string> = {
  sucht: 'Sucht',
  psychische_erkrankung: 'Psychische Erkrankung',
  sexueller_missbrauch: 'Sexueller Missbrauch',
  junge_muetter: 'Junge Mütter',
  migration: 'Migration',
  haeusliche_gewalt: 'Häusliche Gewalt',
  eingliederungshilfe: 'Eingliederungshilfe',
};

export const usernameSchema = z
  .string()
  .trim()
  .min(2, { error: 'Mindestens 2 Zeichen.' })
  .max(60, { error: 'Höchstens 60 Zeichen.' })
  .regex(/^[a-z0-9._-]+$/, { error: 'Nur Kleinbuchstaben, Ziffern, Punkt, - und _.' });

export const staffInputSchema = z.object({
  username: usernameSchema,
  displayName: nameSchema(),
  email: z.email({ error: 'Bitte eine gültige E-Mail-Adresse angeben.' }).nullable(),
  roles: z.array(z.enum(roles)).min(1, { error: 'Bitte mindestens eine Rolle wählen.' }),
  teamId: idSchema.nullable(),
  specialisations: z.array(z.enum(specialisations)),
  deputyIds: z.array(idSchema).max(5, { error: 'Höchstens fünf Vertretungen.' }),
  fte: z
    .string()
    .regex(/^(0(\.\d{1,2})?|1(\.0{1,2})?)$/, { error: 'Stellenanteil zwischen 0 und 1, z. B. 0.75.' }),
  active: z.boolean(),
});
export type StaffInput = z.infer<typeof staffInputSchema>;
export const staffCreateSchema = staffInputSchema.extend({
  password: z.string().min(12, { error: 'Das Passwort muss mindestens 12 Zeichen lang sein.' }).max(1000),
});
export type StaffCreate = z.infer<typeof staffCreateSchema>;
export const staffSchema = staffInputSchema.extend({
  id: idSchema,
  version: versionSchema,
  teamName: z.string().nullable(),
});
export type Staff = z.infer<typeof staffSchema>;

/**
 * The street suggestions of the intake (search as you type): streets of the directory whose name contains the
 * words typed, each with its postal code, district and the house-number ranges of its responsibilities.
 */
export const streetSuggestionQuerySchema = z.object({
  q: z.string().trim().min(2, { error: 'Bitte mindestens zwei Buchstaben eingeben.' }).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const streetSuggestionSchema = z.object({
  id: idSchema,
  name: z.string(),
  postalCode: z.string(),
  district: z.object({ id: idSchema, name: z.string() }),
  /** Whole street (houseFrom and houseTo null) or a range of house numbers, each with its team. */
  ranges: z.array(
    z.object({
      houseFrom: z.int().nullable(),
      houseTo: z.int().nullable(),
      team: z.object({ id: idSchema, name: z.string() }),
    }),
  ),
});
export type StreetSuggestion = z.infer<typeof streetSuggestionSchema>;

/**
 * The intake's address check (step 1): the street of the directory and the house number. The answer names the
 * district and the responsible team, or no team: then the case goes to the team leads' allocation list.
 */
export const addressCheckQuerySchema = z.object({
  streetId: idSchema,
  houseNumber: z
    .string()
    .trim()
    .regex(/^\d{1,4}\s?[a-zA-Z]?$/, { error: 'Hausnummer wie 12 oder 12a.' }),
});
export const addressCheckResultSchema = z.object({
  street: z.object({ id: idSchema, name: z.string(), postalCode: z.string() }),
  district: z.object({ id: idSchema, name: z.string() }),
  team: z.object({ id: idSchema, name: z.string() }).nullable(),
});
export type AddressCheckResult = z.infer<typeof addressCheckResultSchema>;
