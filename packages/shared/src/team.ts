import { labelled } from './catalogues.ts';
import { idSchema, intSchema, lineSchema, nameSchema, textSchema, versionSchema } from './common.ts';
import { dateSchema } from './dates.ts';
import { specialisations } from './organisation.ts';
import { z } from './zod.ts';

/**
 * The team (docs/conference-and-team.md): who is the expert for what (the staff's specialisations, organisation.ts),
 * the training modules 1-9 of the JuWe training per person, and the knowledge base (Arbeitshilfen, quality handbook
 * pages in Markdown).
 */

/** The training modules of the JuWe report (2016), 1-9. */
export const trainingModules: Record<number, string> = {
  1: 'Grundlagen und Falleinordnung',
  2: 'Grau- und Gefährdungsbereich',
  3: 'Wille und Ziele',
  4: 'Ressourcen erkunden',
  5: 'Kollegiale Beratung',
  6: 'Datenschutz',
  7: 'Fallunabhängige Arbeit',
  8: 'Vertiefung',
  9: 'Training on the Job',
};
export const TRAINING_MODULES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export const expertiseInputSchema = z.object({
  topics: z.array(z.enum(specialisations, { error: 'Unbekanntes Fachgebiet.' })).max(20),
});

export const expertiseEntrySchema = z.object({
  topic: z.enum(specialisations),
  people: z.array(z.object({ id: idSchema, name: z.string(), team: z.string().nullable() })),
});
export type ExpertiseEntry = z.infer<typeof expertiseEntrySchema>;

export const trainingInputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), doneOn: dateSchema }),
  z.object({ status: z.literal('planned'), plannedYear: intSchema({ min: 2000, max: 2100 }) }),
  z.object({ status: z.literal('open') }),
]);
export type TrainingInput = z.infer<typeof trainingInputSchema>;

export const trainingCellSchema = z.object({
  module: z.int(),
  status: z.enum(['done', 'planned', 'open']),
  doneOn: z.string().nullable(),
  plannedYear: z.int().nullable(),
});
export type TrainingCell = z.infer<typeof trainingCellSchema>;

export const trainingOverviewSchema = z.object({
  team: z.object({ id: idSchema, name: z.string() }),
  people: z.array(z.object({ id: idSchema, name: z.string(), modules: z.array(trainingCellSchema) })),
  /** Per module: how many of the team have done it, planned it, have it open. */
  totals: z.array(z.object({ module: z.int(), done: z.int(), planned: z.int(), open: z.int() })),
  mayManage: z.boolean(),
});
export type TrainingOverview = z.infer<typeof trainingOverviewSchema>;

export const knowledgeKinds = labelled({
  arbeitshilfe: 'Arbeitshilfe',
  qualitaetshandbuch: 'Qualitätshandbuch',
});

export const knowledgeInputSchema = z.object({
  kind: z.enum(knowledgeKinds.values, { error: 'Bitte eine Art wählen.' }),
  title: nameSchema(200),
  body: textSchema(50000),
});
export type KnowledgeInput = z.infer<typeof knowledgeInputSchema>;
export const knowledgeUpdateSchema = knowledgeInputSchema.extend({ version: versionSchema });

export const knowledgeSummarySchema = z.object({
  id: idSchema,
  kind: z.enum(knowledgeKinds.values),
  title: z.string(),
  updatedAt: z.string(),
  /** A line of the text around the search term (or its beginning). */
  excerpt: z.string(),
});
export type KnowledgeSummary = z.infer<typeof knowledgeSummarySchema>;

export const knowledgePageSchema = knowledgeSummarySchema.omit({ excerpt: true }).extend({
  body: z.string(),
  version: z.int(),
  mayManage: z.boolean(),
});
export type KnowledgePage = z.infer<typeof knowledgePageSchema>;

export const knowledgeSearchSchema = z.object({ q: lineSchema(100).optional() });
