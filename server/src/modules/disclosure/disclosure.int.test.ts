import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, writeNote } from '../../../test/caseNotes.ts';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, pdfProblems, runningText } from '../../../test/pdf-layout.ts';

/**
 * The Auskunft (Art. 15 DSGVO, § 83 SGB X; docs/data-protection.md): everything about a person across her cases,
 * with who read it, as JSON and PDF; a § 65 note and third parties' data withheld and listed by kind and reason.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const SECRET = 'Muharem erzählte vertraulich von einem Streit zu Hause.';
const PLAIN = 'Gespräch in der Schule, Muharem kommt wieder regelmäßig.';

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const lead = await Client.as(app, tenant, 'teamLeadA');
  const opened = await openTestCase(cm);
  await writeNote(cm, opened.caseId, { text: PLAIN, others: [] });
  const secretId = await writeNote(cm, opened.caseId, { text: SECRET, confided: true, others: [] });
  const child = await db
    .selectFrom('household_member')
    .select('person_id')
    .where('tenant_id', '=', tenant.id)
    .where('household_id', '=', opened.householdId)
    .where('role', '=', 'kind')
    .executeTakeFirstOrThrow();
  await cm.get(`/cases/${opened.caseId}`);
  return { db, tenant, cm, lead, secretId, childId: child.person_id, ...opened };
}

describe('Auskunft', () => {
  it('gives the person, household, case, notes, files and reads, and lists the § 65 note and third parties as withheld', async () => {
    const { db, tenant, lead, caseNumber, childId } = await setup();
    const res = await lead.get(`/persons/${childId}/disclosure`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.person).toMatchObject({ firstName: 'Muharem', lastName: 'Beispiel', birthDate: '2013-05-17' });
    expect(d.households).toEqual([expect.objectContaining({ name: 'Familie Beispiel', role: 'Kind' })]);
    expect(d.cases).toHaveLength(1);
    expect(d.cases[0]).toMatchObject({ caseNumber, status: 'offen' });
    expect(d.cases[0].notes.map((n: { text: string }) => n.text)).toEqual([PLAIN]);
    expect(res.body).not.toContain('Streit');
    expect(d.withheld).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'Aktenvermerk',
          caseNumber,
          reason: expect.stringContaining('§ 65 SGB VIII'),
        }),
        expect.objectContaining({
          kind: expect.stringContaining('1 weiteren Mitgliedern'),
          reason: expect.stringContaining('Rechte Dritter'),
        }),
        expect.objectContaining({ kind: 'Angaben zur meldenden Person oder Stelle', caseNumber }),
      ]),
    );
    expect(res.body).not.toContain('Grundschule am Deich');
    expect(res.body).not.toContain('Mara');
    // The case manager's read of the case is in the audit of who read the data.
    expect(d.reads).toEqual(
      expect.arrayContaining([
        { at: expect.any(String), by: 'Test caseManagerA', action: 'gelesen', what: 'Fall' },
      ]),
    );
    expect(await auditEntries(db, tenant.id, 'person_disclosure')).toEqual([
      {
        action: 'export',
        actor_id: tenant.users.teamLeadA.id,
        entity_id: childId,
        details: { format: 'json', cases: 1, withheld: d.withheld.length },
      },
    ]);
  });

  it('renders the PDF without layout problems, with the withheld parts and without the confided text', async () => {
    const { lead, caseNumber, childId } = await setup();
    const res = await lead.get(`/persons/${childId}/disclosure.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const doc = await inspectPdf(res.rawPayload);
    const texts = [
      'Auskunft nach Art. 15 DSGVO und § 83 SGB X',
      'Muharem Beispiel',
      `Fall ${caseNumber}`,
      PLAIN,
      'Nicht mitgeteilte Angaben',
      'Angaben zur meldenden Person oder Stelle',
      'Wer die Daten gelesen hat',
    ];
    expect(pdfProblems(doc, { texts })).toEqual([]);
    expect(runningText(doc)).not.toContain('Streit');
  });

  it('gives a confided note only once a release is recorded and the reader is one it was shared with', async () => {
    const { cm, lead, tenant, caseId, secretId, childId, db } = await setup();
    const [mark] = await db
      .selectFrom('confided_mark')
      .select('id')
      .where('item_id', '=', secretId)
      .execute();
    const markId = mark?.id as string;
    await cm.post(`/cases/${caseId}/confided/${markId}/shares`, { userId: tenant.users.teamLeadA.id });
    // Shared but not released: on screen yes, in the Auskunft no.
    expect((await lead.get(`/persons/${childId}/disclosure`)).body).not.toContain('Streit');
    const release = await cm.put(`/cases/${caseId}/confided/${markId}/release`, {
      basis: 'einwilligung',
      note: 'Muharem ist einverstanden, dass seine Mutter es erfährt.',
    });
    expect(release.statusCode).toBe(204);
    const d = (await lead.get(`/persons/${childId}/disclosure`)).json();
    expect(d.cases[0].notes.map((n: { text: string }) => n.text)).toContain(SECRET);
    expect(d.withheld.filter((w: { kind: string }) => w.kind === 'Aktenvermerk')).toEqual([]);
  });

  it('refuses case managers (audited) and answers 404 for an unknown person', async () => {
    const { db, tenant, cm, lead, childId } = await setup();
    expect((await cm.get(`/persons/${childId}/disclosure`)).statusCode).toBe(403);
    expect((await cm.get(`/persons/${childId}/disclosure.pdf`)).statusCode).toBe(403);
    const denied = (await auditEntries(db, tenant.id, 'person')).filter((e) => e.action === 'access_denied');
    expect(denied).toHaveLength(2);
    expect(denied[0]).toMatchObject({
      actor_id: tenant.users.caseManagerA.id,
      entity_id: childId,
      details: { permission: 'person:disclose' },
    });
    expect(await auditEntries(db, tenant.id, 'person_disclosure')).toEqual([]);
    expect((await lead.get('/persons/00000000-0000-4000-8000-000000000000/disclosure')).statusCode).toBe(404);
  });
});
