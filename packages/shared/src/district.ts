import { ageCohorts, labelled } from './catalogues.ts';
import { idSchema, intSchema, lineSchema, nameSchema, optionalTextSchema, versionSchema } from './common.ts';
import { dateSchema } from './dates.ts';
import { moneySchema } from './measures.ts';
import { compareMoney } from './money.ts';
import { z } from './zod.ts';

/**
 * Work in the district (docs/district-work.md): needs (Bedarfe) as a workflow, preventive micro-projects and their
 * budget. Nothing here is personal data: a need is a district, an age cohort and a text; a project's referrals are
 * counted, never named.
 */

/** Where a need was named: the sources of the method (docs/domain.md, section 4). */
export const needSources = labelled({
  kollegiale_beratung: 'Schlussfrage der kollegialen Beratung',
  bedarfsrunde: 'Bedarfsrunde der Wochenkonferenz',
  erkundung: 'Sozialraumerkundung (10-Minuten-Gespräch)',
  gespraech: 'Fallunabhängiges Gespräch',
  besuch: 'Institutionenbesuch',
  netzwerk: 'Netzwerk',
});
export type NeedSource = (typeof needSources.values)[number];

export const needStatuses = labelled({ offen: 'offen', in_arbeit: 'in Arbeit', erledigt: 'erledigt' });
export type NeedStatus = (typeof needStatuses.values)[number];

/** A need recorded by hand (a Bedarfsrunde, an exploration, a visit, a network meeting). */
export const needInputSchema = z.object({
  districtId: idSchema,
  ageCohort: z.enum(ageCohorts.values, { error: 'Bitte eine Altersgruppe wählen.' }),
  text: nameSchema(300),
  source: z.enum(needSources.values, { error: 'Bitte eine Quelle wählen.' }),
  mentionedOn: dateSchema,
});
export type NeedInput = z.infer<typeof needInputSchema>;

export const needMergeSchema = z.object({ needId: idSchema, version: versionSchema });
export const needSplitSchema = z.object({ needId: idSchema, version: versionSchema });
/** The status a person sets; "in Arbeit" comes from linking the need to a micro-project. */
export const needStatusInputSchema = z.object({
  status: z.enum(['offen', 'erledigt'], { error: 'Bitte „offen“ oder „erledigt“ wählen.' }),
  version: versionSchema,
});

const ref = z.object({ id: idSchema, name: z.string() });

export const needDetailSchema = z.object({
  id: idSchema,
  version: z.int(),
  district: ref,
  ageCohort: z.enum(ageCohorts.values),
  text: z.string(),
  mentions: z.int(),
  status: z.enum(needStatuses.values),
  createdOn: z.string(),
  /** Mentions of this need and the needs merged into it, by source. */
  sources: z.array(z.object({ source: z.enum(needSources.values), mentions: z.int() })),
  /** Needs merged into this one; each can be split off again. */
  merged: z.array(z.object({ id: idSchema, text: z.string(), mentions: z.int(), version: z.int() })),
  mergedInto: z.object({ id: idSchema, text: z.string() }).nullable(),
  microProjects: z.array(ref),
});
export type NeedDetail = z.infer<typeof needDetailSchema>;

/** What a district and age cohort asks for most, quarter by quarter (mentions by the day they were made). */
export const needTrendQuerySchema = z.object({
  districtId: idSchema.optional(),
  ageCohort: z.enum(ageCohorts.values).optional(),
  from: dateSchema,
  to: dateSchema,
});
export const needTrendSchema = z.object({
  quarters: z.array(z.string()),
  needs: z.array(
    z.object({
      id: idSchema,
      text: z.string(),
      district: z.string(),
      total: z.int(),
      perQuarter: z.array(z.int()),
    }),
  ),
});
export type NeedTrend = z.infer<typeof needTrendSchema>;

// Micro-projects

export const microProjectCategories = labelled({
  falluebergreifend: 'Fallübergreifendes professionelles Angebot',
  regelstruktur: 'Angebot angebunden an Regelstrukturen',
  methodisch: 'Spezieller methodischer Ansatz',
  semiprofessionell: 'Semiprofessionelles Angebot unter fachlicher Begleitung',
});
export const microProjectStatuses = labelled({
  geplant: 'geplant',
  laufend: 'laufend',
  verstetigt: 'verstetigt',
  beendet: 'beendet',
});
export const referralRoutes = labelled({
  case_management: 'über das Case Management',
  andere: 'über andere Akteure',
});
export const reviewKinds = labelled({
  qualitaetszirkel: 'Amtsinterner Qualitätszirkel',
  gemeinsame_auswertung: 'Gemeinsame Auswertung mit dem Träger',
});

export const budgetYearSchema = intSchema({ min: 2000, max: 2200 });
const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, { error: 'Quartal wie 2026-Q1 angeben.' });

export const microProjectInputSchema = z
  .object({
    name: nameSchema(200),
    category: z.enum(microProjectCategories.values, { error: 'Bitte eine Kategorie wählen.' }),
    districtIds: z.array(idSchema).min(1, { error: 'Bitte mindestens einen Stadtteil wählen.' }).max(20),
    provider: nameSchema(200),
    targetGroup: nameSchema(300),
    description: optionalTextSchema(4000),
    startsOn: dateSchema,
    endsOn: dateSchema.nullable(),
    status: z.enum(microProjectStatuses.values, { error: 'Bitte einen Status wählen.' }),
    needIds: z.array(idSchema).max(50),
  })
  .refine((p) => p.endsOn === null || p.endsOn >= p.startsOn, {
    error: 'Das Ende liegt vor dem Beginn.',
    path: ['endsOn'],
  });
export type MicroProjectInput = z.infer<typeof microProjectInputSchema>;
export const microProjectUpdateSchema = microProjectInputSchema.safeExtend({ version: versionSchema });

/** A project's budget in one year and district: committed (bewilligt) and spent (ausgegeben). */
export const commitmentInputSchema = z
  .object({ year: budgetYearSchema, districtId: idSchema, committed: moneySchema, spent: moneySchema })
  .refine((c) => compareMoney(c.spent, c.committed) <= 0, {
    error: 'Die Ausgaben dürfen die bewilligte Summe nicht übersteigen.',
    path: ['spent'],
    // Only once both amounts are amounts: compareMoney throws on other text (a 500 the fuzzer found).
    when: (payload) => payload.issues.length === 0,
  });
export const referralInputSchema = z.object({
  referredOn: dateSchema,
  districtId: idSchema,
  route: z.enum(referralRoutes.values, { error: 'Bitte den Zugang wählen.' }),
  /** Through case management: the case it came from (optional, checked against the case-access rule). */
  caseId: idSchema.nullable(),
  /** Through other actors: who (an institution, not a person). */
  actor: lineSchema(200),
});
export const participantsInputSchema = z.object({
  quarter: quarterSchema,
  participants: intSchema({ min: 0 }),
});
export const reviewInputSchema = z.object({
  kind: z.enum(reviewKinds.values, { error: 'Bitte die Art der Auswertung wählen.' }),
  heldOn: dateSchema,
  summary: nameSchema(2000),
});

export const budgetFrameInputSchema = z.object({ amount: moneySchema });
export const budgetAllocationInputSchema = z.object({ districtId: idSchema, amount: moneySchema });

export const microProjectSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  category: z.enum(microProjectCategories.values),
  status: z.enum(microProjectStatuses.values),
  provider: z.string(),
  districts: z.array(ref),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  /** Committed in the year asked for (all its districts), exact decimal. */
  committed: z.string(),
});
export type MicroProjectSummary = z.infer<typeof microProjectSummarySchema>;

export const microProjectDetailSchema = microProjectSummarySchema.extend({
  version: z.int(),
  targetGroup: z.string(),
  description: z.string(),
  needs: z.array(
    z.object({ id: idSchema, text: z.string(), mentions: z.int(), status: z.enum(needStatuses.values) }),
  ),
  budget: z.array(z.object({ year: z.int(), district: ref, committed: z.string(), spent: z.string() })),
  referrals: z.array(
    z.object({
      id: idSchema,
      referredOn: z.string(),
      district: ref,
      route: z.enum(referralRoutes.values),
      linkedToCase: z.boolean(),
      actor: z.string(),
    }),
  ),
  participants: z.array(z.object({ quarter: z.string(), participants: z.int() })),
  reviews: z.array(
    z.object({ id: idSchema, kind: z.enum(reviewKinds.values), heldOn: z.string(), summary: z.string() }),
  ),
  /** Whether the reader may change it (team leads and coordinators of one of its districts). */
  mayManage: z.boolean(),
});
export type MicroProjectDetail = z.infer<typeof microProjectDetailSchema>;

export const budgetOverviewSchema = z.object({
  year: z.int(),
  /** null: no frame set for the year yet. */
  frame: z.string().nullable(),
  allocated: z.string(),
  committed: z.string(),
  spent: z.string(),
  districts: z.array(
    z.object({
      district: ref,
      allocated: z.string(),
      committed: z.string(),
      spent: z.string(),
      remaining: z.string(),
    }),
  ),
  projects: z.array(z.object({ project: ref, district: ref, committed: z.string(), spent: z.string() })),
});
export type BudgetOverview = z.infer<typeof budgetOverviewSchema>;

/** Controlling: the share of referrals into micro-projects that came through case management. */
export const accessShareSchema = z.array(
  z.object({
    year: z.int(),
    district: ref,
    referrals: z.int(),
    throughCaseManagement: z.int(),
    /** Percent with one decimal as a decimal string ("62.5"); null without referrals. */
    share: z.string().nullable(),
  }),
);
export type AccessShare = z.infer<typeof accessShareSchema>;
