import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem } from '../../../test/pages.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const ring = (x: number) => [
  [
    [x, 53],
    [x + 0.1, 53],
    [x + 0.1, 53.1],
    [x, 53.1],
    [x, 53],
  ],
];
const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const feature = (code: string, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties: { code },
  geometry: { type, coordinates },
});

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const coordinator = await Client.as(app, tenant, 'coordinatorA');
  const outline = async () =>
    (
      await db
        .selectFrom('district')
        .select(['code', 'outline'])
        .where('tenant_id', '=', tenant.id)
        .orderBy('code')
        .execute()
    ).map((d) => d.outline);
  return { db, tenant, coordinator, outline };
}

const header =
  'Name;Art;Stadtteil;Adresse;Breite;Länge;Altersgruppen;Kontakt;Öffnungszeiten;Niedrigschwellig;Sprachen;Zuletzt geprüft';

describe('GeoJSON import of district outlines', () => {
  it('sets the outlines of the districts named by code', async () => {
    const { coordinator, outline } = await setup();
    const res = await coordinator.put(
      '/atlas/outlines',
      collection([feature('NH', ring(8.7)), feature('sh', ring(8.8))]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().districts).toBe(2);
    expect(await outline()).toEqual([
      { type: 'Polygon', coordinates: ring(8.7) },
      { type: 'Polygon', coordinates: ring(8.8) },
    ]);
  });

  it('refuses a malformed file with the field named, and writes nothing', async () => {
    const { coordinator, outline } = await setup();
    const open = [
      [
        [8.7, 53],
        [8.8, 53],
        [8.8, 53.1],
        [8.7, 53.1],
      ],
    ];
    expectFieldProblem(
      await coordinator.put('/atlas/outlines', collection([feature('NH', ring(8.7)), feature('SH', open)])),
      'features.1.geometry',
    );
    expectFieldProblem(
      await coordinator.put(
        '/atlas/outlines',
        collection([feature('NH', ring(8.7)), feature('XX', ring(8.8))]),
      ),
      'features.1.properties.code',
    );
    expectFieldProblem(
      await coordinator.put('/atlas/outlines', collection([feature('NH', [[8.7, 53]], 'Point')])),
      'features.0.geometry.type',
    );
    expect((await coordinator.put('/atlas/outlines', { type: 'Feature' })).statusCode).toBe(400);
    expect(await outline()).toEqual([null, null]);
  });
});

describe('CSV import of institutions', () => {
  const good = [
    'Kita Ankerweg;Kita;NH;Ankerweg 1;53,05;8,75;0-3|3-10;Tel. 1;Mo-Fr;nein;Deutsch;01.02.2026',
    '"Beratung ""Hafen""";beratung;Südhafen;Bojenstraße 2;53.02;8.85;16+;;;ja;Deutsch, Polnisch;',
  ];

  it('previews and imports every line when all are good', async () => {
    const { db, tenant, coordinator } = await setup();
    await coordinator.put(
      '/atlas/outlines',
      collection([feature('NH', ring(8.7)), feature('SH', ring(8.8))]),
    );
    const csv = [header, ...good].join('\n');
    const preview = (await coordinator.post('/atlas/import/preview', { csv })).json();
    expect(preview).toMatchObject({ accepted: 2, rejected: [] });
    expect(preview.sample.map((s: { name: string }) => s.name)).toEqual([
      'Kita Ankerweg',
      'Beratung "Hafen"',
    ]);
    const res = await coordinator.post('/atlas/import', { csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(2);
    const rows = await db
      .selectFrom('atlas_entry')
      .select(['name', 'low_threshold', 'languages', 'age_cohorts'])
      .where('tenant_id', '=', tenant.id)
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      {
        name: 'Beratung "Hafen"',
        low_threshold: true,
        languages: ['Deutsch', 'Polnisch'],
        age_cohorts: ['16+'],
      },
      { name: 'Kita Ankerweg', low_threshold: false, languages: ['Deutsch'], age_cohorts: ['0-3', '3-10'] },
    ]);
  });

  it('lists every rejected line in the preview and imports nothing while one is left', async () => {
    const { db, tenant, coordinator } = await setup();
    await coordinator.put(
      '/atlas/outlines',
      collection([feature('NH', ring(8.7)), feature('SH', ring(8.8))]),
    );
    const csv = [
      header,
      ...good,
      'Ohne Stadtteil;Kita;Mond;Weg 1;53,05;8,75;;;;nein;;',
      'Draußen;Kita;NH;Weg 2;54,5;8,75;;;;nein;;',
      'Falsche Art;Zoo;NH;Weg 3;53,05;8,75;;;;nein;;',
      'Falsches Datum;Kita;NH;Weg 4;53,05;8,75;;;;nein;;31.02.2026',
    ].join('\n');
    const preview = (await coordinator.post('/atlas/import/preview', { csv })).json();
    expect(preview.accepted).toBe(2);
    expect(preview.rejected.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual([
      [4, 'Stadtteil'],
      [5, 'Breite'],
      [6, 'Art'],
      [7, 'Zuletzt geprüft'],
    ]);
    const res = await coordinator.post('/atlas/import', { csv });
    expectFieldProblem(res, 'csv.5.Breite');
    expect(res.json().errors).toHaveLength(4);
    const rows = await db.selectFrom('atlas_entry').select('id').where('tenant_id', '=', tenant.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('names a missing column', async () => {
    const { coordinator } = await setup();
    const preview = (await coordinator.post('/atlas/import/preview', { csv: 'Name;Art\nKita;kita' })).json();
    expect(preview.rejected.map((r: { field: string }) => r.field)).toContain('Stadtteil');
  });
});
