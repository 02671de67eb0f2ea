import {
  cpDangerSources,
  cpEndangermentTypes,
  cpParentAgeGroups,
  cpReporterKinds,
  cpResidences,
  cpResults,
  cpServiceKinds,
  cpStatisticsFields,
  cpYesNoUnknown,
  genders,
  parseCsv,
} from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckSpec, openStatisticsFamily, recordCheck } from '../../../test/cpStatistics.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

/**
 * The § 8a statistic (§ 99 Abs. 6 SGB VIII) of a hand-built year: thirteen assessments completed in 2025 that
 * between them use every category of every field, one more lacking a field, and assessments of other years.
 * Every column of every exported record is compared with the record it was built from.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const YEAR = 2025;
const v = <T extends string>(values: readonly T[], i: number) => values[i % values.length] as T;
const ages = ['unter_18', 'von_18_bis_26', 'ab_27'] as const;

/** Check i of the year: reporter i, residence i, result i, and so on, so that thirteen cover every category. */
function specFor(i: number, childId: string): CheckSpec {
  const result = v(cpResults.values, i);
  const endangering = result === 'akut' || result === 'latent';
  const k = Math.floor(i / 4) * 2 + (result === 'latent' ? 1 : 0);
  const servicesInUse = i % 3 !== 0;
  const month = String((i % 11) + 1).padStart(2, '0');
  return {
    childId,
    receivedOn: `${YEAR}-${month}-03`,
    completedOn: `${YEAR}-${month}-${String(8 + (i % 3)).padStart(2, '0')}`,
    reporterKind: v(cpReporterKinds.values, i),
    result,
    residence: v(cpResidences.values, i),
    motherAgeGroup: v(ages, i),
    fatherAgeGroup: v(ages, i + 1),
    parentForeignOrigin: v(cpYesNoUnknown.values, i),
    germanAtHome: v(cpYesNoUnknown.values, i + 1),
    servicesInUse,
    serviceKinds: servicesInUse ? [v(cpServiceKinds.values, i), v(cpServiceKinds.values, i + 1)] : [],
    endangermentTypes: endangering
      ? [v(cpEndangermentTypes.values, k), v(cpEndangermentTypes.values, k + 2)]
      : [],
    dangerSources: endangering ? [v(cpDangerSources.values, k), v(cpDangerSources.values, k + 1)] : [],
    visit: i === 2 ? 'not_seen' : i === 6 ? 'not_needed' : 'seen',
    consequences: [
      ...(i < cpServiceKinds.values.length
        ? [{ kind: 'hilfeangebot' as const, offerKind: v(cpServiceKinds.values, i) }]
        : []),
      ...(i % 5 === 0 ? [{ kind: 'familiengericht' as const }] : []),
      ...(i === 3 || i === 8 ? [{ kind: 'inobhutnahme' as const }] : []),
    ],
  };
}

type Child = { id: string; birthDate: string; gender: string };
const yesNo = (b: boolean) => (b ? 'ja' : 'nein');
const boxes = <V extends string>(
  labels: Record<V, string>,
  values: readonly V[],
  chosen: string[],
  asked = true,
) => Object.fromEntries(values.map((x) => [labels[x], asked ? yesNo(chosen.includes(x)) : '']));

/** The record the export must hold for a spec, by column name. */
function expected(id: string, s: CheckSpec, child: Child, repeated: boolean, missing: string[] = []) {
  const endangering = s.result === 'akut' || s.result === 'latent';
  const prefixed = (prefix: string, o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([key, value]) => [`${prefix}${key}`, value]));
  const offered = s.consequences.flatMap((c) => (c.offerKind ? [c.offerKind] : []));
  const age = (g: string) => (g === 'unbekannt' ? '' : cpParentAgeGroups.labels[g as 'ab_27']);
  return {
    Kennung: id,
    Geschlecht: genders.labels[child.gender as 'weiblich'],
    Geburtsmonat: child.birthDate.slice(5, 7),
    Geburtsjahr: child.birthDate.slice(0, 4),
    'Abschluss Monat': s.completedOn.slice(5, 7),
    'Abschluss Jahr': s.completedOn.slice(0, 4),
    'Bekanntwerden durch': cpReporterKinds.labels[s.reporterKind as 'schule'],
    'Wiederholte Meldung im Jahr': yesNo(repeated),
    'Aufenthaltsort des Kindes': cpResidences.labels[s.residence as 'eltern'],
    'Alter der Mutter': age(s.motherAgeGroup),
    'Alter des Vaters': age(s.fatherAgeGroup),
    'Ausländische Herkunft mindestens eines Elternteils':
      cpYesNoUnknown.labels[s.parentForeignOrigin as 'ja'],
    'In der Familie vorrangig Deutsch gesprochen': cpYesNoUnknown.labels[s.germanAtHome as 'ja'],
    'Leistung in Anspruch genommen': yesNo(s.servicesInUse),
    ...prefixed('Leistung: ', boxes(cpServiceKinds.labels, cpServiceKinds.values, s.serviceKinds)),
    Ergebnis: cpResults.labels[s.result as 'akut'],
    ...prefixed(
      'Gefährdung: ',
      boxes(cpEndangermentTypes.labels, cpEndangermentTypes.values, s.endangermentTypes, endangering),
    ),
    ...prefixed(
      'Gefährdung durch: ',
      boxes(cpDangerSources.labels, cpDangerSources.values, s.dangerSources, endangering),
    ),
    ...prefixed('Neue Hilfe: ', boxes(cpServiceKinds.labels, cpServiceKinds.values, offered)),
    'Anrufung des Familiengerichts': yesNo(s.consequences.some((c) => c.kind === 'familiengericht')),
    'Inobhutnahme (§ 42)': yesNo(s.consequences.some((c) => c.kind === 'inobhutnahme')),
    'Kind in Augenschein genommen': yesNo(s.visit === 'seen'),
    'Einschätzung durch mehrere Fachkräfte': 'ja',
    'Fehlende Angaben': missing.join('; '),
  };
}

async function buildYear() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const assessors = [tenant.users.caseManagerA.id, tenant.users.colleagueA.id];
  const first = await openStatisticsFamily(cm, 'Nordmann', '2024-01-10', 2012);
  const second = await openStatisticsFamily(cm, 'Südmann', '2024-01-10', 2013);
  const children: Child[] = [...first.children, ...second.children];
  const caseOf = (child: number) => (child < 4 ? first.caseId : second.caseId);
  const records: { id: string; spec: CheckSpec; child: Child }[] = [];
  for (let i = 0; i < 13; i++) {
    const c = i % 6;
    const spec = specFor(i, (children[c] as Child).id);
    records.push({
      id: await recordCheck(cm, caseOf(c), assessors, spec),
      spec,
      child: children[c] as Child,
    });
  }
  // The father's age left "unbekannt": the questionnaire asks for an estimate, so the record lacks it.
  const unknownFather = { ...specFor(1, (children[7] as Child).id), fatherAgeGroup: 'unbekannt' };
  const incompleteId = await recordCheck(cm, second.caseId, assessors, unknownFather);
  // Other years: completed in 2024, and reported in 2025 but completed in 2026; and one still without a result.
  const earlier = {
    ...specFor(0, (children[0] as Child).id),
    receivedOn: '2024-06-03',
    completedOn: '2024-06-08',
  };
  const later = {
    ...specFor(4, (children[1] as Child).id),
    receivedOn: '2025-12-20',
    completedOn: '2026-01-05',
  };
  const otherYears = [
    await recordCheck(cm, first.caseId, assessors, earlier),
    await recordCheck(cm, first.caseId, assessors, later),
  ];
  const caseNumbers = await Promise.all(
    [first.caseId, second.caseId].map(
      async (id) => (await cm.get(`/cases/${id}`)).json().caseNumber as string,
    ),
  );
  return {
    db,
    tenant,
    first,
    second,
    caseNumbers,
    children,
    records,
    incompleteId,
    unknownFather,
    otherYears,
  };
}

const rowsOf = (csv: string) => {
  const [header, ...rows] = parseCsv(csv).map((r) => r.cells);
  return rows.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? ''])));
};

describe('the § 8a statistics export', () => {
  it('exports one record per assessment completed in the year, each column as its record says', async () => {
    const { tenant, caseNumbers, children, records, incompleteId, unknownFather, otherYears } =
      await buildYear();
    const finance = await Client.as(app, tenant, 'finance');
    const res = await finance.get(`/child-protection/statistics?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`statistik-8a-${YEAR}.csv`);
    const rows = rowsOf(res.body);

    // Repeated: the child had an assessment completed earlier in the year (by completion day, then report).
    const all = [...records, { id: incompleteId, spec: unknownFather, child: children[7] as Child }];
    const order = [...all].sort((a, b) => a.spec.completedOn.localeCompare(b.spec.completedOn));
    const repeated = (r: (typeof all)[number]) =>
      order.slice(0, order.indexOf(r)).some((o) => o.child.id === r.child.id);
    const want = all.map((r) =>
      expected(
        r.id,
        r.spec,
        r.child,
        repeated(r),
        r.id === incompleteId ? [cpStatisticsFields.labels.fatherAgeGroup] : [],
      ),
    );
    expect(rows).toHaveLength(14);
    for (const w of want) {
      const row = rows.find((r) => r.Kennung === w.Kennung);
      expect(row, w.Kennung).toBeDefined();
      expect(Object.keys(row ?? {})).toEqual(Object.keys(w));
      expect(row).toEqual(w);
    }
    // Ordered by the day the assessment ended; other years and open checks are not there.
    const days = rows.map((r) => `${r['Abschluss Jahr']}-${r['Abschluss Monat']}`);
    expect(days).toEqual([...days].sort());
    for (const id of otherYears) expect(rows.some((r) => r.Kennung === id)).toBe(false);
    // Every category of every field occurs in the year.
    const column = (name: string) => new Set(rows.map((r) => r[name]));
    expect(column('Bekanntwerden durch').size).toBe(cpReporterKinds.values.length);
    expect(column('Aufenthaltsort des Kindes').size).toBe(cpResidences.values.length);
    expect(column('Ergebnis').size).toBe(cpResults.values.length);
    expect(column('Geschlecht').size).toBe(genders.values.length);
    for (const label of [
      ...cpEndangermentTypes.values.map((t) => `Gefährdung: ${cpEndangermentTypes.labels[t]}`),
      ...cpDangerSources.values.map((s) => `Gefährdung durch: ${cpDangerSources.labels[s]}`),
      ...cpServiceKinds.values.map((k) => `Leistung: ${cpServiceKinds.labels[k]}`),
      ...cpServiceKinds.values.map((k) => `Neue Hilfe: ${cpServiceKinds.labels[k]}`),
      'Wiederholte Meldung im Jahr',
      'Inobhutnahme (§ 42)',
      'Anrufung des Familiengerichts',
      'Kind in Augenschein genommen',
    ])
      expect(column(label), label).toContain('ja');
    // The file names no person and no case.
    expect(res.body).not.toMatch(/Nordmann|Südmann|Anna|Petra/);
    for (const caseNumber of caseNumbers) expect(res.body).not.toContain(caseNumber);
  });

  it('lists the records lacking a required field before the export, by case number and check id', async () => {
    const { db, tenant, first, second, caseNumbers, records, incompleteId } = await buildYear();
    // A record taken over without fields (as from the old software): language and services unknown.
    const legacy = records[0]?.id as string;
    await db
      .updateTable('child_protection_check')
      .set({ german_at_home: null, services_in_use: null })
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', legacy)
      .execute();
    const finance = await Client.as(app, tenant, 'finance');
    const res = await finance.get(`/child-protection/statistics/check?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json();
    expect(check).toEqual({
      year: YEAR,
      records: 14,
      incomplete: [
        {
          checkId: legacy,
          caseId: first.caseId,
          caseNumber: caseNumbers[0],
          completedOn: records[0]?.spec.completedOn,
          missing: ['germanAtHome', 'servicesInUse'],
        },
        {
          checkId: incompleteId,
          caseId: second.caseId,
          caseNumber: caseNumbers[1],
          completedOn: `${YEAR}-02-09`,
          missing: ['fatherAgeGroup'],
        },
      ],
    });
    expect(JSON.stringify(check)).not.toMatch(/Nordmann|Südmann|Anna/);
    // The export marks the legacy record instead of refusing: empty cells and the missing fields named.
    const rows = rowsOf((await finance.get(`/child-protection/statistics?year=${YEAR}`)).body);
    const row = rows.find((r) => r.Kennung === legacy);
    expect(row?.['In der Familie vorrangig Deutsch gesprochen']).toBe('');
    expect(row?.['Leistung in Anspruch genommen']).toBe('');
    expect(row?.[`Leistung: ${cpServiceKinds.labels.hze_ambulant}`]).toBe('');
    expect(row?.['Fehlende Angaben']).toBe(
      `${cpStatisticsFields.labels.germanAtHome}; ${cpStatisticsFields.labels.servicesInUse}`,
    );
    // A year without assessments: no records, nothing to complete.
    expect((await finance.get('/child-protection/statistics/check?year=2023')).json()).toEqual({
      year: 2023,
      records: 0,
      incomplete: [],
    });
  });

  it('lists a young person without a date of birth (data taken over) as missing it, and exports the record with empty cells', async () => {
    const { db, tenant, second, children, incompleteId } = await buildYear();
    // The intake refuses a child without a date of birth; a record taken over from the old software may lack it.
    await db
      .updateTable('person')
      .set({ birth_date: null })
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', (children[7] as Child).id)
      .execute();
    const finance = await Client.as(app, tenant, 'finance');
    const check = await finance.get(`/child-protection/statistics/check?year=${YEAR}`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().incomplete).toContainEqual(
      expect.objectContaining({
        checkId: incompleteId,
        caseId: second.caseId,
        missing: ['birthDate', 'fatherAgeGroup'],
      }),
    );
    const exported = await finance.get(`/child-protection/statistics?year=${YEAR}`);
    expect(exported.statusCode).toBe(200);
    const row = rowsOf(exported.body).find((r) => r.Kennung === incompleteId);
    expect(row?.Geburtsmonat).toBe('');
    expect(row?.Geburtsjahr).toBe('');
    expect(row?.['Fehlende Angaben']).toContain(cpStatisticsFields.labels.birthDate);
  });

  it('is for the Wirtschaftliche Jugendhilfe: case manager and controlling are refused, each use is audited', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const urls = [
      `/child-protection/statistics?year=${YEAR}`,
      `/child-protection/statistics/check?year=${YEAR}`,
    ];
    for (const role of ['caseManagerA', 'controller', 'teamLeadA'] as const) {
      const client = await Client.as(app, tenant, role);
      for (const url of urls) expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(403);
    }
    const refusals = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(refusals).toHaveLength(6);
    expect(
      refusals.every((r) => (r.details as { permission?: string }).permission === 'finance:manage'),
    ).toBe(true);
    const finance = await Client.as(app, tenant, 'finance');
    for (const url of urls) expect((await finance.get(url)).statusCode).toBe(200);
    expect((await finance.get('/child-protection/statistics?year=1999')).statusCode).toBe(400);
    const uses = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('actor_id', '=', tenant.users.finance.id)
      .where('entity_type', '=', 'child_protection_statistics')
      .orderBy('pending_id')
      .execute();
    expect(uses).toEqual([
      {
        action: 'export',
        entity_type: 'child_protection_statistics',
        details: { year: YEAR, rows: 0, incomplete: 0 },
      },
      {
        action: 'read',
        entity_type: 'child_protection_statistics',
        details: { year: YEAR, records: 0, incomplete: 0 },
      },
    ]);
  });
});
