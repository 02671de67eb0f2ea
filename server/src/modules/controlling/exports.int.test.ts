import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handBuilt } from '../../../test/controlling.ts';
import { testDatabase } from '../../../test/db.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function exportsOf(tenantId: string) {
  const { db } = await testDatabase();
  return db
    .selectFrom('audit_log')
    .select(['entity_type', 'entity_id', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('action', '=', 'export')
    .orderBy('pending_id')
    .execute();
}

describe('controlling exports', () => {
  it('audits the publication CSV, the committee report and every table download with their parameters', async () => {
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    expect((await controller.get('/controlling/export?region=Nordhafen&from=2024&to=2025')).statusCode).toBe(
      200,
    );
    expect((await controller.get('/controlling/report?region=NH&from=2024&to=2025')).statusCode).toBe(200);
    const table = await controller.post('/controlling/exports', {
      table: 'kosten',
      format: 'xlsx',
      region: 'NH',
      from: 2024,
      to: 2025,
    });
    expect(table.statusCode).toBe(204);
    expect(await exportsOf(tenant.id)).toEqual([
      {
        entity_type: 'controlling_publication',
        entity_id: null,
        details: { region: 'NH', from: 2024, to: 2025, format: 'csv', rows: 8 },
      },
      {
        entity_type: 'controlling_report',
        entity_id: null,
        details: { region: 'NH', from: 2024, to: 2025, baseline: null, format: 'pdf' },
      },
      {
        entity_type: 'controlling_table',
        entity_id: null,
        details: { table: 'kosten', format: 'xlsx', region: 'NH', from: 2024, to: 2025 },
      },
    ]);
  });

  it('refuses an unknown table or format, naming the field, and records nothing', async () => {
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    const res = await controller.post('/controlling/exports', { table: 'personen', format: 'csv' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'table', message: 'Unbekannte Tabelle.' }]);
    const format = await controller.post('/controlling/exports', { table: 'kosten', format: 'pdf' });
    expect(format.json().errors).toEqual([{ field: 'format', message: 'Bitte CSV oder XLSX angeben.' }]);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.post('/controlling/exports', { table: 'kosten', format: 'csv' })).statusCode).toBe(403);
    expect(await exportsOf(tenant.id)).toEqual([]);
  });

  it('limits the dashboard, the publication CSV and the report alike to 20 years', async () => {
    const { tenant } = await handBuilt(app);
    const controller = await Client.as(app, tenant, 'controller');
    for (const route of ['dashboard', 'export', 'report']) {
      // 2005 to 2025 are 21 calendar years.
      const tooLong = await controller.get(`/controlling/${route}?region=NH&from=2005&to=2025`);
      expect({ route, status: tooLong.statusCode, errors: tooLong.json().errors }).toEqual({
        route,
        status: 400,
        errors: [{ field: 'to', message: 'Höchstens 20 Jahre auf einmal.' }],
      });
      const reversed = await controller.get(`/controlling/${route}?region=NH&from=2025&to=2024`);
      expect(reversed.json().errors).toEqual([{ field: 'to', message: '„Bis“ liegt vor „Von“.' }]);
    }
    // 2006 to 2025 are 20.
    expect((await controller.get('/controlling/dashboard?region=NH&from=2006&to=2025')).statusCode).toBe(200);
    expect(await exportsOf(tenant.id)).toEqual([]);
  });
});
