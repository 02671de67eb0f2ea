import {
  caseDetailSchema,
  caseSummarySchema,
  dashboardSchema,
  idSchema,
  kpisSchema,
  pageSchema,
  regionEntrySchema,
  z,
} from '@leuchtturm/shared';
import type { Answer } from './client.ts';

/**
 * What a request of the load test must get back to count as answered: the expected status, a body of the route's
 * response schema (the one the server itself declares), and the fields that say it answered this request (the
 * case asked for, the region and years asked for). An error page, an empty body or someone else's case is an
 * error, not a fast success.
 */
export type Expectation =
  | { type: 'my_cases' | 'search_person' }
  | { type: 'open_case'; caseId: string }
  | { type: 'write_note' }
  | { type: 'dashboard'; region: string; from: number; to: number }
  | { type: 'key_figures'; region: string; year: number };

const casePage = pageSchema(caseSummarySchema);
const created = z.object({ id: idSchema });
export const regionList = z.array(regionEntrySchema);

/**
 * Null when `answer` is a right answer to the request of `expected`, else why not (the status and the server's
 * message, or the schema's complaint by field path: ids and field names only, never the data itself).
 */
export function checkAnswer(expected: Expectation, answer: Answer): string | null {
  const status = expected.type === 'write_note' ? 201 : 200;
  if (answer.status !== status) {
    return `Status ${answer.status} statt ${status}: ${JSON.stringify(answer.body).slice(0, 200)}`;
  }
  switch (expected.type) {
    case 'my_cases':
    case 'search_person':
      return shape(casePage, answer.body);
    case 'open_case': {
      const id = (answer.body as { id?: unknown } | null)?.id;
      if (id !== expected.caseId) return `Fall ${String(id)} statt ${expected.caseId}`;
      return shape(caseDetailSchema, answer.body);
    }
    case 'write_note':
      return shape(created, answer.body);
    case 'dashboard': {
      const wrong = shape(dashboardSchema, answer.body);
      if (wrong) return wrong;
      const body = answer.body as z.infer<typeof dashboardSchema>;
      if (body.region.key !== expected.region) return `Region ${body.region.key} statt ${expected.region}`;
      if (body.fromYear !== expected.from || body.toYear !== expected.to) {
        return `Jahre ${body.fromYear}-${body.toYear} statt ${expected.from}-${expected.to}`;
      }
      const years = body.years.map((y) => y.year).join(',');
      const wanted = Array.from(
        { length: expected.to - expected.from + 1 },
        (_, i) => expected.from + i,
      ).join(',');
      return years === wanted
        ? null
        : `Kostenjahre ${years || 'keine'} statt ${expected.from}-${expected.to}`;
    }
    case 'key_figures': {
      const wrong = shape(kpisSchema, answer.body);
      if (wrong) return wrong;
      const body = answer.body as z.infer<typeof kpisSchema>;
      if (body.region.key !== expected.region) return `Region ${body.region.key} statt ${expected.region}`;
      return body.year === expected.year ? null : `Jahr ${body.year} statt ${expected.year}`;
    }
  }
}

function shape(schema: z.ZodType, body: unknown): string | null {
  const parsed = schema.safeParse(body);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `Antwort passt nicht zum Schema (${parsed.error.issues.length} Abweichungen), zuerst bei „${issue?.path.join('.') || '(Wurzel)'}“: ${issue?.code}`;
}
