import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';

/** Young inhabitants per district, year and age band through POST /controlling/population. */
let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const file = [
  'district,year,age_band,residents',
  'NH,2024,0-5,400',
  'NH,2024,6-9,300',
  'NH,2024,10-13,200',
  'NH,2024,14-17,100',
  'NH,2024,18-20,50',
  'Südhafen,2024,0-5,10',
].join('\n');

async function setUp() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  return { tenant, controller: await Client.as(app, tenant, 'controller') };
}

describe('importing young inhabitants', () => {
  it('previews without writing, then imports, and the density uses them', async () => {
    const { controller } = await setUp();
    const preview = await controller.post('/controlling/population?dryRun=true', { csv: file });
    expect(preview.json()).toEqual({
      accepted: 6,
      rejected: [],
      written: false,
      preview: [
        { district: 'NH', year: 2024, u21: 1050, u18: 1000 },
        { district: 'SH', year: 2024, u21: 10, u18: 10 },
      ],
    });
    expect((await controller.get('/controlling/kpis?region=NH&year=2024')).json().jew).toBeNull();
    expect((await controller.post('/controlling/population', { csv: file })).json().written).toBe(true);
    expect((await controller.get('/controlling/kpis?region=NH&year=2024')).json()).toMatchObject({
      jew: 1050,
      jewU18: 1000,
    });
    // A second file for the same district and year replaces its age bands.
    await controller.post('/controlling/population', { csv: 'NH,2024,0-5,7' });
    expect((await controller.get('/controlling/kpis?region=NH&year=2024')).json().jew).toBe(7);
  });

  it("refuses the whole file for another office's district or a bad line, and writes nothing", async () => {
    const { controller } = await setUp();
    const res = await controller.post('/controlling/population', {
      csv: `${file}\nAltona,2024,0-5,5\nNH,2024,0-4,5\nNH,2024,0-5,1`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ written: false, accepted: 6 });
    expect(res.json().rejected.map((r: { line: number }) => r.line)).toEqual([8, 9, 10]);
    expect((await controller.get('/controlling/kpis?region=NH&year=2024')).json().jew).toBeNull();
  });

  it('is for those who may import controlling figures only', async () => {
    const { tenant } = await setUp();
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.post('/controlling/population', { csv: file })).statusCode).toBe(403);
  });
});
