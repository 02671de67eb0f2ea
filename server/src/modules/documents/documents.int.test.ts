import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const opened = await openTestCase(cm, { childFirstName: 'Muharem' });
  return { db, tenant, cm, ...opened };
}

function multipart(fileName: string, type: string, content: Buffer) {
  const boundary = '----leuchtturm-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('forms as PDF', () => {
  it('produces the Falleingang naming family and concern, and audits the export', async () => {
    const { db, tenant, cm, caseId, caseNumber } = await setup();
    const res = await cm.get(`/cases/${caseId}/forms/falleingang`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = runningText(await inspectPdf(res.rawPayload));
    expect(text).toContain('Falleingang');
    expect(text).toContain('Muharem Beispiel');
    expect(text).toContain(`Aktenzeichen: ${caseNumber}`);
    expect(text).toContain('Meldung durch Dritte: Schule');
    const exports = await db
      .selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'export')
      .execute();
    expect(exports.map((e) => e.details)).toEqual([{ form: 'falleingang' }]);
  });

  it('produces the Hilfeplan of a version, naming the child, its goals and signature lines', async () => {
    const { tenant, cm, caseId } = await setup();
    await classify(cm, caseId, 'leistung', [tenant.users.caseManagerA.id, tenant.users.colleagueA.id]);
    await cm.put(`/cases/${caseId}/will-and-goals`, {
      will: 'Wir wollen, dass Muharem auf seiner Schule bleibt.',
      directionGoal: 'Muharem kann auf seiner jetzigen Schule bleiben.',
      actionGoals: [
        {
          id: null,
          text: 'Hausaufgaben sind täglich bis 18.00 Uhr gemacht.',
          dueOn: '2026-06-30',
          steps: [],
        },
      ],
      version: 0,
    });
    const plan = await cm.post(`/cases/${caseId}/help-plans`, {
      applicationOn: '2026-01-20',
      applicant: 'Mara Beispiel',
      meetingOn: '2026-02-01',
      participants: ['Mara Beispiel', 'Muharem Beispiel'],
      childParticipated: true,
      agreedMeasures: 'Hausaufgabenhilfe',
      reviewOn: '2026-07-01',
      attainment: [],
      supersedesId: null,
    });
    const res = await cm.get(`/cases/${caseId}/forms/hilfeplan?item=${plan.json().id}`);
    expect(res.statusCode).toBe(200);
    const text = runningText(await inspectPdf(res.rawPayload));
    expect(text).toContain('Hilfeplan nach § 36 SGB VIII, Fassung 1');
    expect(text).toContain('Muharem Beispiel (geb. 17.05.2013)');
    expect(text).toContain('Hausaufgaben sind täglich bis 18.00 Uhr gemacht.');
    expect(text).toContain('Ort, Datum, Unterschrift Personensorgeberechtigte');
    const antrag = runningText(
      await inspectPdf((await cm.get(`/cases/${caseId}/forms/antrag?item=${plan.json().id}`)).rawPayload),
    );
    expect(antrag).toContain('Antrag auf Hilfe zur Erziehung');
    expect((await cm.get(`/cases/${caseId}/forms/hilfeplan?item=${caseId}`)).statusCode).toBe(404);
  });

  it('refuses the form to someone without access to the case', async () => {
    const { tenant, caseId } = await setup();
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.get(`/cases/${caseId}/forms/falleingang`)).statusCode).toBe(403);
  });
});

/** Posts a file to the case's documents as the client would (multipart/form-data). */
function uploadAs(client: Client, caseId: string) {
  return (name: string, type: string, content: Buffer, contentType?: string) => {
    const form = multipart(name, type, content);
    return app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/documents`,
      payload: form.body,
      headers: {
        cookie: client.cookie ?? '',
        'x-csrf-token': client.csrfToken ?? '',
        'content-type': contentType ?? form.contentType,
      },
    });
  };
}

describe('uploads', () => {
  it('stores an allowed file and gives it back; refuses other types', async () => {
    const { cm, caseId } = await setup();
    const upload = uploadAs(cm, caseId);
    const bad = await upload('skript.exe', 'application/x-msdownload', Buffer.from('MZ'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('file');
    const ok = await upload('Schulbericht.txt', 'text/plain', Buffer.from('Bericht der Schule'));
    expect(ok.statusCode).toBe(201);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail.documents).toEqual([
      expect.objectContaining({ fileName: 'Schulbericht.txt', size: 18, contentType: 'text/plain' }),
    ]);
    const back = await cm.get(`/cases/${caseId}/documents/${ok.json().id}`);
    expect(back.body).toBe('Bericht der Schule');
  });

  it("refuses an upload to another team's case before reading the file: 403, audited, nothing stored", async () => {
    const { db, tenant, caseId } = await setup();
    const other = await Client.as(app, tenant, 'caseManagerB');
    const upload = uploadAs(other, caseId);
    const refused = await upload('Bericht.txt', 'text/plain', Buffer.from('Bericht'));
    expect(refused.statusCode).toBe(403);
    // The file is not even looked at: one too large, or no valid form at all, is refused for the access alone.
    const tooLarge = await upload('gross.pdf', 'application/pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    expect(tooLarge.statusCode).toBe(403);
    const garbled = await upload('x.txt', 'text/plain', Buffer.from('x'), 'multipart/form-data');
    expect(garbled.statusCode).toBe(403);

    const denied = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_type', 'entity_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(denied).toEqual(
      Array(3).fill({
        actor_id: tenant.users.caseManagerB.id,
        entity_type: 'case',
        entity_id: caseId,
        details: { purpose: 'write' },
      }),
    );
    const stored = await db
      .selectFrom('case_document')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(stored).toEqual([]);
  });
});
