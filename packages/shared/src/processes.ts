import { labelled } from './catalogues.ts';
import { idSchema, nameSchema, textSchema, versionSchema } from './common.ts';
import {
  type DeadlinePeriod,
  type DeadlineRule,
  deadlinePeriodSchema,
  deadlineRuleShape,
  formatDeadlinePeriod,
  refineDeadlineMaximum,
  stepKeySchema,
} from './deadlines.ts';
import { roles } from './roles.ts';
import { z } from './zod.ts';

/*
 * Core processes (Kernprozesse) as data (docs/processes.md): a definition is a versioned list of ordered steps; a
 * case runs instances of definitions, and each step of an instance is open, done or skipped.
 */

/** The kinds of record whose saving completes a step (a step's `completedBy`). */
export const processRecordKinds = labelled({
  risk_consultation: 'Kurzberatung zur Risikoeinschätzung gespeichert',
  will_and_goals: 'Wille und Ziele gespeichert',
  peer_consultation: 'Kollegiale Beratung gespeichert',
  help_plan: 'Hilfeplan oder Fortschreibung gespeichert',
  measure_approval: 'Maßnahme bewilligt',
  measure_end: 'Maßnahme beendet',
  case_closing: 'Fall abgeschlossen',
  'child_protection.report': 'Meldung (§ 8a) erfasst',
  'child_protection.initial_assessment': 'Ersteinschätzung (§ 8a) erfasst',
  'child_protection.assessment': 'Gefährdungseinschätzung (§ 8a) erfasst',
  'child_protection.visit': 'Hausbesuch/Inaugenscheinnahme (§ 8a) erfasst',
  'child_protection.result': 'Ergebnis der Gefährdungseinschätzung (§ 8a) erfasst',
  'child_protection.consequence': 'Schutzplan/Konsequenzen (§ 8a) erfasst',
});
export type ProcessRecordKind = (typeof processRecordKinds.values)[number];

/** How urgent a child-protection report is (the Ersteinschätzung decides; deadlines may depend on it). */
export const processUrgencies = labelled({
  sofort: 'sofort',
  innerhalb_24h: 'innerhalb von 24 Stunden',
  innerhalb_72h: 'innerhalb von 72 Stunden',
  regulaer: 'regulär',
});
export type ProcessUrgency = (typeof processUrgencies.values)[number];

export const processStepStates = labelled({
  offen: 'offen',
  erledigt: 'erledigt',
  uebersprungen: 'übersprungen',
});
export const processStatuses = labelled({
  running: 'läuft',
  done: 'abgeschlossen',
  cancelled: 'abgebrochen',
});

const urgencyEnum = z.enum(processUrgencies.values, { error: 'Bitte eine Dringlichkeit wählen.' });

/** A step's deadline: the rule, and optionally other periods for the instance's urgency. */
export const processDeadlineSchema = z
  .object({
    ...deadlineRuleShape,
    byUrgency: z.partialRecord(urgencyEnum, deadlinePeriodSchema).optional(),
  })
  .superRefine(refineDeadlineMaximum);
export type ProcessDeadline = z.infer<typeof processDeadlineSchema>;

export const processStepDefinitionSchema = z.object({
  key: stepKeySchema,
  title: nameSchema(120),
  role: z.enum(roles, { error: 'Bitte eine Rolle wählen.' }),
  /** null: the step has no deadline of its own (the end of a help comes when a review decides it). */
  deadline: processDeadlineSchema.nullable(),
  checklist: z.array(nameSchema(300)).max(30, { error: 'Höchstens 30 Punkte.' }).default([]),
  documents: z.array(nameSchema(200)).max(20, { error: 'Höchstens 20 Dokumente.' }).default([]),
  completedBy: z
    .enum(processRecordKinds.values, { error: 'Bitte eine Art von Eintrag wählen.' })
    .nullable()
    .default(null),
  /** The step comes back this long after it was done or skipped, until a later step is closed. */
  repeatEvery: deadlinePeriodSchema.nullable().default(null),
  /** Closing the step records the urgency (the Ersteinschätzung of child protection). */
  setsUrgency: z.boolean().default(false),
});
export type ProcessStepDefinition = z.infer<typeof processStepDefinitionSchema>;

/**
 * The ordered steps of a definition. Keys are unique; a deadline starts at the process start or at an earlier
 * step (never the step itself or a later one, so deadlines cannot wait for each other in a circle).
 */
export const processStepsSchema = z
  .array(processStepDefinitionSchema)
  .min(1, { error: 'Ein Prozess hat mindestens einen Schritt.' })
  .max(30, { error: 'Höchstens 30 Schritte.' })
  .superRefine((steps, ctx) => {
    const position = new Map<string, number>();
    steps.forEach((step, i) => {
      if (position.has(step.key))
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'Dieser Schlüssel kommt schon vor.' });
      else position.set(step.key, i);
    });
    steps.forEach((step, i) => {
      const from = step.deadline?.from;
      if (from === undefined || from === 'start') return;
      const at = position.get(from.step);
      if (at === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'deadline', 'from', 'step'],
          message: 'Diesen Schritt gibt es in der Definition nicht.',
        });
      else if (at >= i)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'deadline', 'from', 'step'],
          message:
            'Die Frist kann nur an einen früheren Schritt anknüpfen (sonst würden Fristen im Kreis aufeinander warten).',
        });
    });
  });

export const processDefinitionKeySchema = stepKeySchema;

/** A new version of a definition: based on the version the admin edited (a newer one in between is a conflict). */
export const processDefinitionInputSchema = z.object({
  name: nameSchema(120),
  basedOnVersion: versionSchema,
  steps: processStepsSchema,
});
export type ProcessDefinitionInput = z.input<typeof processDefinitionInputSchema>;

export const processDefinitionSchema = z.object({
  id: idSchema,
  key: z.string(),
  version: z.int(),
  name: z.string(),
  steps: z.array(processStepDefinitionSchema),
  latest: z.boolean(),
  /** Instances run or ran on this version (it is immutable either way; a change is a new version). */
  instances: z.int(),
  createdAt: z.string(),
});
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;

export const processStartInputSchema = z.object({
  definitionKey: processDefinitionKeySchema,
  urgency: urgencyEnum.nullable().default(null),
});
export type ProcessStartInput = z.input<typeof processStartInputSchema>;

/** Done (optionally recording the urgency) or skipped with a reason; with the version the user saw. */
export const processStepUpdateSchema = z.discriminatedUnion(
  'state',
  [
    z.object({
      state: z.literal('erledigt'),
      urgency: urgencyEnum.nullable().default(null),
      version: versionSchema,
    }),
    z.object({
      state: z.literal('uebersprungen'),
      reason: textSchema(1000),
      version: versionSchema,
    }),
  ],
  { error: 'Bitte „erledigt“ oder „übersprungen“ angeben.' },
);
export type ProcessStepUpdate = z.input<typeof processStepUpdateSchema>;

export const processCancelInputSchema = z.object({ reason: textSchema(1000), version: versionSchema });
export type ProcessCancelInput = z.infer<typeof processCancelInputSchema>;

const ref = z.object({ id: idSchema, name: z.string() });

export const processStepSchema = z.object({
  id: idSchema,
  key: z.string(),
  /** 1 for the first time; a repeating step (the six-monthly review) counts up. */
  occurrence: z.int(),
  title: z.string(),
  role: z.enum(roles),
  state: z.enum(processStepStates.values),
  skipReason: z.string().nullable(),
  /** null while the deadline waits for the step named in `waitsFor`. */
  dueAt: z.string().nullable(),
  waitsFor: z.string().nullable(),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: ref.nullable(),
  completedByRecord: z.object({ type: z.enum(processRecordKinds.values), id: idSchema }).nullable(),
  completedBy: z.enum(processRecordKinds.values).nullable(),
  setsUrgency: z.boolean(),
  checklist: z.array(z.string()),
  documents: z.array(z.string()),
  version: z.int(),
});
export type ProcessStep = z.infer<typeof processStepSchema>;

export const processInstanceSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  definition: z.object({ id: idSchema, key: z.string(), version: z.int(), name: z.string() }),
  status: z.enum(processStatuses.values),
  urgency: z.enum(processUrgencies.values).nullable(),
  /** The record the instance is about (a child-protection check), when a case runs several of a kind. */
  subject: z.object({ type: z.string(), id: idSchema }).nullable(),
  startedAt: z.string(),
  startedBy: ref.nullable(),
  endedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.int(),
  steps: z.array(processStepSchema),
});
export type ProcessInstance = z.infer<typeof processInstanceSchema>;

/** The period that applies to a step for the instance's urgency (its own, or the rule's). */
export function resolveDeadline(deadline: ProcessDeadline, urgency: ProcessUrgency | null): DeadlinePeriod {
  const special = urgency ? deadline.byUrgency?.[urgency] : undefined;
  return special ?? { unit: deadline.unit, amount: deadline.amount };
}

/** "24 Stunden nach dem Start", "10 Arbeitstage nach „Antrag“", "ohne Frist". */
export function describeDeadline(
  deadline: Pick<DeadlineRule, 'unit' | 'amount' | 'from'> | null,
  steps: readonly Pick<ProcessStepDefinition, 'key' | 'title'>[],
): string {
  if (!deadline) return 'ohne Frist';
  const from = deadline.from;
  const anchor =
    from === 'start' ? 'dem Start' : `„${steps.find((s) => s.key === from.step)?.title ?? from.step}“`;
  return `${formatDeadlinePeriod(deadline)} nach ${anchor}`;
}
