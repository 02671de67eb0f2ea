import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, pageFooters, pdfProblems } from '../../../test/pdf-layout.ts';
import { winAnsiSafe } from '../documents/winAnsi.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const longBody = (i: number) =>
  `Thema ${i}: Die Beratungsstelle „Weserufer“ verlegt ihre Sprechzeiten; Anmeldung über das Sekretariat, ` +
  `Dolmetscherinnen für Türkisch, Arabisch und Русский auf Anfrage. Überlange Wörter wie ` +
  `Kinder-und-Jugendhilfe-Stärkungsgesetz-Umsetzungsarbeitsgruppe werden umbrochen.`;

describe('Wochenkonferenzmappe', () => {
  it('lays out the folder with every rubric over several pages: nothing overlaps, every text is there, audited', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId, caseNumber } = await openTestCase(cm);
    const reg = await cm.post(`/cases/${caseId}/conference-registration`, {
      rubric: 'kurzberatung',
      question: 'Reicht die Lage für eine Gefährdungseinschätzung?',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const id = reg.json().conferenceId as string;
    const titles = Array.from({ length: 14 }, (_, i) => `Tipp ${i + 1} aus dem Stadtteil`);
    for (const [i, title] of titles.entries()) {
      const res = await lead.post(`/conferences/${id}/items`, {
        rubric: 'tipps_themen',
        title,
        body: longBody(i),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const need = await lead.post(`/conferences/${id}/needs`, {
      districtId: tenant.districts.a,
      ageCohort: '0-3',
      text: 'Krabbelgruppe für Väter',
    });
    expect(need.statusCode).toBe(201);
    const detail = (await lead.get(`/conferences/${id}`)).json();
    await lead.put(`/conferences/${id}`, {
      minutes: 'Protokoll: alle Punkte besprochen.',
      attendeeIds: [tenant.users.caseManagerA.id],
      version: detail.version,
    });

    const res = await lead.get(`/conferences/${id}/folder`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const doc = await inspectPdf(res.rawPayload);
    const texts = [
      'Wochenkonferenz',
      'Team A',
      'Test caseManagerA',
      'Reicht die Lage für eine Gefährdungseinschätzung?',
      `Fall ${caseNumber}`,
      ...titles,
      ...titles.map((_, i) => longBody(i)),
      'Bedarf: Krabbelgruppe für Väter',
      'Tipps aus abgeschlossenen Fällen',
      'Protokoll: alle Punkte besprochen.',
    ].map(winAnsiSafe);
    expect(pdfProblems(doc, { texts })).toEqual([]);
    expect(doc.pages.length).toBeGreaterThanOrEqual(2);
    expect(pageFooters(doc).at(-1)).toContain(`Seite ${doc.pages.length} von ${doc.pages.length}`);
    const exports = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'export')
      .where('entity_type', '=', 'conference')
      .execute();
    expect(exports).toEqual([{ entity_id: id }]);
  });
});
