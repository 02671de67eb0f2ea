import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { handBuilt, insertMeasure } from '../../../test/controlling.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, pdfProblems } from '../../../test/pdf-layout.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const lines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

/**
 * The hand-built city (test/controlling.ts: Nordhafen with one running ambulant help at the end of 2025) and a
 * family in Südhafen (no young inhabitants) with six running ambulant helps since January 2025: the city has 7,
 * Nordhafen 1 ("<5"), so Südhafen's 6 would give Nordhafen's count back as 7 - 6.
 */
async function twoDistricts() {
  const built = await handBuilt(app);
  const cmB = await Client.as(app, built.tenant, 'caseManagerB');
  const south = await openTestCase(cmB, {
    street: 'Bojenstraße',
    openedOn: '2025-01-10',
    childFirstName: 'Sina',
  });
  for (let i = 0; i < 6; i++) {
    await insertMeasure(
      built.db,
      built.tenant,
      south.caseId,
      built.spfh,
      built.offer,
      '2025-01-15',
      null,
      'bewilligt',
    );
  }
  return { ...built, controller: await Client.as(app, built.tenant, 'controller') };
}

describe('publication of the city and its Stadtteile together', () => {
  it('withholds a second Stadtteil beside a "<5" so that the city minus the others gives nothing back', async () => {
    const { controller } = await twoDistricts();
    const res = await controller.get('/controlling/export?region=alle&from=2025&to=2025');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('kennzahlen-alle-2025-2025.csv');
    const all = lines(res.body);
    // Header, then four quarters of the city, Nordhafen and Südhafen (every case has a Stadtteil: no further row).
    expect(all).toHaveLength(13);
    expect(all.filter((l) => l.includes('2025-Q4'))).toEqual([
      // 7 ambulant helps of 1,000 young inhabitants; Kostenfälle and Beratungsfälle 1 to 4.
      'Stadt (gesamt);2025-Q4;7;7;0;<5;<5;0',
      // Nordhafen's 1 is "<5", its density withheld (rule 2).
      'Nordhafen;2025-Q4;gesperrt;<5;0;<5;<5;0',
      // Südhafen's 6 is withheld as the complement: 7 = x + y with x 1-4 and y 5 or more leaves x = 1 or 2.
      'Südhafen;2025-Q4;nicht verfügbar;gesperrt;0;<5;0;0',
    ]);
  });

  it('gives the city and a single Stadtteil exactly their rows of the set, so separate files fit together', async () => {
    const { controller } = await twoDistricts();
    const all = lines((await controller.get('/controlling/export?region=alle&from=2025&to=2025')).body);
    for (const [region, name] of [
      ['stadt', 'Stadt (gesamt)'],
      ['SH', 'Südhafen'],
      ['Nordhafen', 'Nordhafen'],
    ] as const) {
      const res = await controller.get(
        `/controlling/export?region=${encodeURIComponent(region)}&from=2025&to=2025`,
      );
      expect(res.statusCode).toBe(200);
      const [header, ...rows] = lines(res.body);
      expect(header).toBe(all[0]);
      expect(rows).toEqual(all.filter((l) => l.startsWith(`${name};`)));
    }
  });

  it('suppresses a Sozialzentrum per file as before, and audits the set export with its row count', async () => {
    const { controller, tenant, db } = await twoDistricts();
    const centre = await db
      .selectFrom('social_centre')
      .select('code')
      .where('tenant_id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    const res = await controller.get(
      `/controlling/export?region=${encodeURIComponent(centre.code)}&from=2025&to=2025`,
    );
    expect(res.statusCode).toBe(200);
    // The centre covers both teams: the same counts as the city, decided on its own (no complement needed).
    expect(lines(res.body).at(-1)).toMatch(/;2025-Q4;7;7;0;<5;<5;0$/);
    expect((await controller.get('/controlling/export?region=alle&from=2025&to=2025')).statusCode).toBe(200);
    const audit = await db
      .selectFrom('audit_log')
      .select(['entity_type', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'export')
      .orderBy('pending_id')
      .execute();
    expect(audit.map((a) => a.details)).toEqual([
      { region: centre.code, from: 2025, to: 2025, format: 'csv', rows: 4 },
      { region: 'alle', from: 2025, to: 2025, format: 'csv', rows: 12 },
    ]);
    expect(audit.every((a) => a.entity_type === 'controlling_publication')).toBe(true);
  });

  it('refuses the set to a role without controlling', async () => {
    const { tenant } = await twoDistricts();
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.get('/controlling/export?region=alle&from=2025&to=2025')).statusCode).toBe(403);
  });

  it('withholds in the committee report a density the set withholds, though its own count is 5 or more', async () => {
    const { controller, db, tenant } = await twoDistricts();
    // Südhafen gets 1,000 young inhabitants: 6 helps, density 6,0, not small on its own; but its ambulant count is
    // the complement of Nordhafen's, and its density would give it back.
    await db
      .insertInto('population')
      .values({
        tenant_id: tenant.id,
        district_id: tenant.districts.b,
        year: 2025,
        age_band: '0-5',
        residents: 1000,
      })
      .execute();
    const pdf = async (region: string) => {
      const res = await controller.get(`/controlling/report?region=${region}&from=2025&to=2025`);
      expect(res.statusCode).toBe(200);
      return inspectPdf(res.rawPayload);
    };
    const south = await pdf('SH');
    expect(
      pdfProblems(south, { texts: ['Hilfedichte gesperrt laufende Hilfen je 1.000 JEW am 31.12.2025'] }),
    ).toEqual([]);
    // The city: 7 helps of 2,000 young inhabitants, shown; Nordhafen's 1 of 1,000 withheld beside it.
    const north = await pdf('NH');
    expect(
      pdfProblems(north, {
        texts: [
          'Hilfedichte gesperrt laufende Hilfen',
          'Hilfedichte am Jahresende Jahr Nordhafen Stadt (gesamt) 2025 gesperrt 3,5',
        ],
      }),
    ).toEqual([]);
  });
});
