import { describe, expect, it } from 'vitest';
import { assessmentDueAt, cpResultAreas, cpResults, mostSeriousArea } from './childProtection.ts';
import {
  cpMeasureInputSchema,
  cpReportInputSchema,
  cpResultInputSchema,
  cpVisitInputSchema,
} from './childProtectionSchemas.ts';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('the deadline of the assessment', () => {
  const received = new Date('2026-03-28T21:30:00Z');
  it('is due on receipt when urgent, after 24 and 72 elapsed hours, and two weeks for the regular case', () => {
    expect(assessmentDueAt(received, 'sofort').toISOString()).toBe('2026-03-28T21:30:00.000Z');
    // 24 elapsed hours across the switch to summer time (29 March 2026): 23:30 in Berlin becomes 00:30.
    expect(assessmentDueAt(received, 'innerhalb_24h').toISOString()).toBe('2026-03-29T21:30:00.000Z');
    expect(assessmentDueAt(received, 'innerhalb_72h').toISOString()).toBe('2026-03-31T21:30:00.000Z');
    expect(assessmentDueAt(received, 'regulaer').toISOString()).toBe('2026-04-11T21:30:00.000Z');
  });
});

describe('the classification a result leads to', () => {
  it('maps acute to danger, latent to grey and no endangerment to the service area', () => {
    expect(cpResults.values.map((r) => cpResultAreas[r])).toEqual([
      'gefaehrdung',
      'grau',
      'leistung',
      'leistung',
    ]);
  });
  it('takes the most serious area of several open checks', () => {
    expect(mostSeriousArea(['leistung', 'gefaehrdung', 'grau'])).toBe('gefaehrdung');
    expect(mostSeriousArea(['leistung', 'grau'])).toBe('grau');
    expect(mostSeriousArea([])).toBeNull();
  });
});

describe('the rules of the forms', () => {
  const report = {
    childId: '00000000-0000-4000-8000-000000000001',
    receivedAt: '2026-03-02T09:15:00.000Z',
    reporterKind: 'anonym',
    reporterName: 'Herr X',
    channel: 'telefonisch',
    reportText: 'Kind schreit nachts.',
    takenById: '00000000-0000-4000-8000-000000000002',
  };
  it('refuses a name on an anonymous report, and takes one without', () => {
    expect(paths(cpReportInputSchema.safeParse(report))).toEqual(['reporterName']);
    expect(cpReportInputSchema.safeParse({ ...report, reporterName: null }).success).toBe(true);
  });
  it('asks a visit done for when, how and whether the child was seen; a visit not needed for the reason', () => {
    const base = { at: null, kind: null, childSeen: null, findings: null, reason: null, version: 1 };
    expect(paths(cpVisitInputSchema.safeParse({ ...base, status: 'durchgefuehrt' }))).toEqual([
      'at',
      'kind',
      'childSeen',
    ]);
    expect(
      paths(cpVisitInputSchema.safeParse({ ...base, status: 'nicht_erforderlich', reason: ' ' })),
    ).toEqual(['reason']);
  });
  it('asks an endangering result for its types and source, and refuses them without endangerment', () => {
    const result = {
      result: 'akut',
      completedOn: '2026-03-05',
      endangermentTypes: [],
      dangerSources: [],
      residence: 'eltern',
      motherAgeGroup: 'ab_27',
      fatherAgeGroup: 'ab_27',
      parentForeignOrigin: 'nein',
      germanAtHome: 'ja',
      servicesInUse: false,
      serviceKinds: ['hze_ambulant'],
      note: null,
      version: 1,
    };
    expect(paths(cpResultInputSchema.safeParse(result))).toEqual([
      'endangermentTypes',
      'dangerSources',
      'serviceKinds',
    ]);
    expect(
      paths(
        cpResultInputSchema.safeParse({
          ...result,
          result: 'kein_bedarf',
          endangermentTypes: ['psychisch'],
          serviceKinds: [],
        }),
      ),
    ).toEqual(['endangermentTypes']);
  });
  it('refuses an Inobhutnahme that ends before it begins, and a review before the Schutzplan', () => {
    const measure = {
      kind: 'inobhutnahme',
      decidedOn: '2026-03-05',
      description: null,
      mandateIds: [],
      reviewDates: [],
      offerKind: null,
      beginAt: '2026-03-05T18:00:00+01:00',
      place: 'Notaufnahme',
      carersInformedAt: null,
      carersInformedHow: 'telefonisch',
      endAt: '2026-03-05T17:59:00+01:00',
      endReason: 'rueckkehr',
    };
    expect(paths(cpMeasureInputSchema.safeParse(measure))).toEqual(['endAt']);
    expect(cpMeasureInputSchema.safeParse({ ...measure, endAt: '2026-03-05T17:00:00Z' }).success).toBe(true);
    expect(
      paths(
        cpMeasureInputSchema.safeParse({
          ...measure,
          kind: 'schutzplan',
          description: 'Vereinbarung',
          reviewDates: ['2026-03-04'],
        }),
      ),
    ).toEqual(['reviewDates.0']);
  });
});
