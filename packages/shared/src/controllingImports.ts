import { z } from './zod.ts';

/**
 * Controlling inputs (docs/controlling-imports.md): the young inhabitants (JEW) per district, year and age band, and
 * staffing split into Casemanagement and Referatsleitung.
 */

export const ageBands = ['0-5', '6-9', '10-13', '14-17', '18-20'] as const;

export const populationImportQuerySchema = z.object({ dryRun: z.stringbool().default(false) });
export const populationImportSchema = z.object({
  csv: z.string().max(5_000_000, { error: 'Die Datei ist zu groß (höchstens 5 MB).' }),
});

export const populationImportReportSchema = z.object({
  accepted: z.int(),
  rejected: z.array(z.object({ line: z.int(), reason: z.string() })),
  written: z.boolean(),
  /** What the file holds, per district and year: young inhabitants under 21 (the preview). */
  preview: z.array(z.object({ district: z.string(), year: z.int(), u21: z.int(), u18: z.int() })),
});
export type PopulationImportReport = z.infer<typeof populationImportReportSchema>;

const headcount = z.object({ vze: z.number().nullable(), heads: z.number().nullable() });
const functions = z.object({ casemanagement: headcount, referatsleitung: headcount });

export const staffSplitSchema = z.object({ soll: functions, ist: functions });
export type StaffSplit = z.infer<typeof staffSplitSchema>;
