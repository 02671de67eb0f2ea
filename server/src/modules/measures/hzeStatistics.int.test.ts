import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testApp } from '../../../test/http.ts';
import { setupMeasures } from '../../../test/measures.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const office = { land: '04', kreis: '04011', jugendamt: '401' };
const family = { parentForeignOrigin: '1', germanAtHome: '2', familySituation: '2', transferBenefits: '1' };
/** Complete statistics of an SpFH (§ 31) in the family. */
const spfhStats = {
  subType: null,
  placeOfHelp: '1',
  residenceBefore: '1',
  mainGround: '4',
  furtherGrounds: ['6', '9'],
  hoursPerWeek: 5,
  initiator: '3',
  familyCourt: '0',
  endReason: null,
  residenceAfter: '1',
};
const wohngruppeStats = {
  ...spfhStats,
  subType: '2',
  placeOfHelp: '5',
  mainGround: '3',
  furtherGrounds: [],
  hoursPerWeek: null,
  initiator: '4',
  familyCourt: '1',
  residenceAfter: null,
};

const records = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(';'));

async function setup() {
  const s = await setupMeasures(app);
  const create = async (over: Record<string, unknown>) => {
    const res = await s.cm.post(`/cases/${s.caseId}/measures`, s.measure(over));
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as string;
  };
  return { ...s, create };
}

describe('HzE statistics: the export of a hand-built year', () => {
  it('writes each help in the official record layout, field by field', async () => {
    const { tenant, cm, fin, caseId, create, heim, type } = await setup();
    const spfh = await create({});
    expect(
      (await cm.post(`/measures/${spfh}/end`, { endOn: '2026-09-30', endReason: 'planmaessig', version: 1 }))
        .statusCode,
    ).toBe(204);
    const heimId = await create({
      helpTypeId: type('34'),
      offerId: heim,
      hoursPerWeek: null,
      beginOn: '2026-10-01',
    });
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect((await lead.post(`/measures/${heimId}/approve`, { version: 1 })).statusCode).toBe(204);
    expect((await cm.put(`/measures/${spfh}/statistics`, spfhStats)).statusCode).toBe(204);
    expect((await cm.put(`/measures/${heimId}/statistics`, wohngruppeStats)).statusCode).toBe(204);
    expect((await cm.put(`/cases/${caseId}/family-statistics`, family)).statusCode).toBe(204);
    expect((await fin.put('/finance/statistics/hze/office', office)).statusCode).toBe(204);

    const check = (await fin.get('/finance/statistics/hze/check?year=2026')).json();
    expect(check).toEqual({ year: 2026, records: 2, problems: [] });

    const res = await fin.get('/finance/statistics/hze?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('hze-statistik-2026.csv');
    const [header, first, second, extra] = records(res.body);
    expect(header).toHaveLength(32);
    expect(extra).toBeUndefined();
    const field = (row: string[] | undefined, column: string) => row?.[header?.indexOf(column) ?? -1];
    // Year and office, the help (§ 31: code 05, no sub-type, not § 41), its times, the young person (male, 05/2013)
    expect(first?.slice(0, 17)).toEqual([
      '2026',
      '04',
      '04011',
      '401',
      spfh,
      '2',
      '05',
      '',
      '2',
      '03',
      '2026',
      '09',
      '2026',
      '1',
      '1',
      '05',
      '2013',
    ]);
    // The family, the situation before, who prompted it, the court, no § 8a assessment, the grounds, place, hours,
    // the reason for ending (planmäßig → 1) and where the young person lives afterwards
    expect(first?.slice(17)).toEqual([
      '1',
      '2',
      '2',
      '1',
      '1',
      '3',
      '0',
      '2',
      '4',
      '6',
      '9',
      '1',
      '5',
      '1',
      '1',
    ]);
    // The Wohngruppe (§ 34: 08, sub-type 2), continuing on 31 Dec (Stand 2, no end, no reason, no residence after)
    expect(second?.slice(4, 15)).toEqual([heimId, '2', '08', '2', '2', '10', '2026', '', '', '2', '1']);
    expect(field(second, 'Familiengerichtliche Entscheidung')).toBe('1');
    expect(field(second, 'Hauptgrund')).toBe('3');
    expect(field(second, 'Weiterer Grund 1')).toBe('');
    expect(field(second, 'Ort der Hilfe')).toBe('5');
    expect(field(second, 'Stunden pro Woche')).toBe('');
    expect(field(second, 'Grund der Beendigung')).toBe('');
    expect(field(second, 'Aufenthalt nach der Hilfe')).toBe('');
    // A year without helps: the header only
    expect(records((await fin.get('/finance/statistics/hze?year=2024')).body)).toHaveLength(1);
  });

  it('counts a help for a young adult (§ 41) as its underlying help with the § 41 flag', async () => {
    const { cm, fin, caseId, create, type } = await setup();
    // The child was born on 17 May 2013: 18 on 1 June 2031
    const id = await create({
      helpTypeId: type('41'),
      underlyingHelpTypeId: type('31'),
      beginOn: '2031-06-01',
      plannedEndOn: '2031-12-31',
    });
    await cm.put(`/measures/${id}/statistics`, spfhStats);
    await cm.put(`/cases/${caseId}/family-statistics`, family);
    await fin.put('/finance/statistics/hze/office', office);
    expect((await cm.get(`/measures/${id}/statistics`)).json()).toMatchObject({
      helpTypeCode: '31',
      youngAdult: true,
    });
    const [header, row] = records((await fin.get('/finance/statistics/hze?year=2031')).body);
    expect(row?.[header?.indexOf('Art der Hilfe') ?? -1]).toBe('05');
    expect(row?.[header?.indexOf('Hilfe für junge Volljährige (§ 41)') ?? -1]).toBe('1');
    expect((await fin.get('/finance/statistics/hze/check?year=2031')).json().problems).toEqual([]);
  });
});

describe('HzE statistics: the plausibility check', () => {
  it('lists every record that would be rejected, with case number, field and reason', async () => {
    const { cm, fin, caseId, caseNumber, create, heim, type, mother, tenant } = await setup();
    const none = await create({});
    const noHours = await create({ beginOn: '2026-04-01' });
    await cm.put(`/measures/${noHours}/statistics`, {
      ...spfhStats,
      hoursPerWeek: null,
      furtherGrounds: ['6', '6'],
    });
    const aborted = await create({ beginOn: '2026-02-01' });
    await cm.post(`/measures/${aborted}/end`, { endOn: '2026-05-31', endReason: 'abbruch', version: 1 });
    await cm.put(`/measures/${aborted}/statistics`, { ...spfhStats, residenceAfter: null });
    const heimId = await create({ helpTypeId: type('34'), offerId: heim, hoursPerWeek: null });
    await Client.as(app, tenant, 'teamLeadA').then((l) =>
      l.post(`/measures/${heimId}/approve`, { version: 1 }),
    );
    await cm.put(`/measures/${heimId}/statistics`, { ...wohngruppeStats, subType: null, placeOfHelp: '1' });
    const adult = await create({ personId: mother, beginOn: '2026-05-01' });
    await cm.put(`/measures/${adult}/statistics`, spfhStats);
    const minor41 = await create({
      helpTypeId: type('41'),
      underlyingHelpTypeId: type('31'),
      beginOn: '2026-06-01',
    });
    await cm.put(`/measures/${minor41}/statistics`, spfhStats);

    const check = (await fin.get('/finance/statistics/hze/check?year=2026')).json();
    expect(check.records).toBe(6);
    const found = check.problems.map((p: { measureId: string | null; field: string }) => [
      p.measureId,
      p.field,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        [null, 'office'],
        [none, 'statistics'],
        [noHours, 'hoursPerWeek'],
        [noHours, 'furtherGrounds'],
        [aborted, 'endReason'],
        [aborted, 'residenceAfter'],
        [heimId, 'subType'],
        [heimId, 'placeOfHelp'],
        [adult, 'birthDate'],
        [minor41, 'helpType'],
      ]),
    );
    // No family statistics yet: every record says so
    expect(found.filter(([, f]: string[]) => f === 'familyStatistics')).toHaveLength(6);
    expect(found).toHaveLength(10 + 6);
    const line = check.problems.find((p: { field: string }) => p.field === 'hoursPerWeek');
    expect(line).toMatchObject({ caseId, caseNumber, reason: 'Bitte die Stunden pro Woche angeben.' });

    // Completed, the same records pass one by one
    await cm.put(`/cases/${caseId}/family-statistics`, family);
    await fin.put('/finance/statistics/hze/office', office);
    await cm.put(`/measures/${aborted}/statistics`, { ...spfhStats, endReason: '2', residenceAfter: '3' });
    const after = (await fin.get('/finance/statistics/hze/check?year=2026')).json();
    const left = after.problems.map((p: { measureId: string; field: string }) => p.measureId);
    expect(left).not.toContain(aborted);
    expect(left).not.toContain(null);
  });

  it('is for the Wirtschaftliche Jugendhilfe: a case manager is refused the check and the export', async () => {
    const { cm } = await setup();
    expect((await cm.get('/finance/statistics/hze/check?year=2026')).statusCode).toBe(403);
    expect((await cm.get('/finance/statistics/hze?year=2026')).statusCode).toBe(403);
  });
});

describe('HzE statistics: recording the coded fields', () => {
  it('refuses a code outside the lists with 400 naming the field, and writes nothing', async () => {
    const { cm, fin, caseId, create } = await setup();
    const id = await create({});
    await cm.put(`/measures/${id}/statistics`, spfhStats);
    const refused = async (body: object, field: string) => {
      const res = await cm.put(`/measures/${id}/statistics`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await refused({ ...spfhStats, placeOfHelp: '42' }, 'placeOfHelp');
    await refused({ ...spfhStats, mainGround: 'Schulprobleme' }, 'mainGround');
    await refused({ ...spfhStats, initiator: '0' }, 'initiator');
    await refused({ ...spfhStats, subType: '2' }, 'subType');
    await refused({ ...spfhStats, furtherGrounds: ['4'] }, 'furtherGrounds');
    await refused({ ...spfhStats, hoursPerWeek: 200 }, 'hoursPerWeek');
    expect((await cm.get(`/measures/${id}/statistics`)).json().statistics).toEqual(spfhStats);

    const bad = await cm.put(`/cases/${caseId}/family-statistics`, { ...family, germanAtHome: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('germanAtHome');
    expect((await cm.get(`/cases/${caseId}/family-statistics`)).json()).toEqual({ statistics: null });
    const kreis = await fin.put('/finance/statistics/hze/office', { ...office, kreis: '401' });
    expect(kreis.statusCode).toBe(400);
    expect(kreis.json().errors[0].field).toBe('kreis');
  });

  it('keeps the fields to those with access to the case, and audits reads and changes', async () => {
    const { tenant, cm, caseId, create, db } = await setup();
    const id = await create({});
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect([403, 404]).toContain((await other.put(`/measures/${id}/statistics`, spfhStats)).statusCode);
    expect([403, 404]).toContain((await other.get(`/cases/${caseId}/family-statistics`)).statusCode);
    await cm.put(`/measures/${id}/statistics`, spfhStats);
    await cm.get(`/cases/${caseId}/family-statistics`);
    const entries = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', 'in', ['measure_statistics', 'family_statistics'])
      .execute();
    expect(entries).toEqual(
      expect.arrayContaining([
        { action: 'update', entity_type: 'measure_statistics' },
        { action: 'read', entity_type: 'family_statistics' },
      ]),
    );
  });
});
