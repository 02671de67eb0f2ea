import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { expectFieldProblem } from '../../../test/pages.ts';
import { inspectPdf, pdfProblems, runningText } from '../../../test/pdf-layout.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** An open case of caseManagerA with a consent of the mother: valid, expired and revoked. */
async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const { caseId } = await openTestCase(cm);
  const detail = (await cm.get(`/cases/${caseId}`)).json();
  const mother = detail.household.members.find((m: { role: string }) => m.role === 'mutter').person.id;
  const consent = async (validFrom: string, validUntil: string | null) => {
    const res = await cm.post(`/cases/${caseId}/consents`, {
      personId: mother,
      recipient: 'Amtsgericht Nordhafen, Familiengericht',
      purpose: 'Bericht zum Sorgerechtsverfahren',
      validFrom,
      validUntil,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const valid = await consent('2026-01-01', null);
  const expired = await consent('2025-01-01', '2025-06-30');
  const revoked = await consent('2026-01-01', null);
  expect((await cm.post(`/cases/${caseId}/consents/${revoked}/revoke`)).statusCode).toBe(204);
  return { db, tenant, cm, caseId, valid, expired, revoked };
}

const report = (basis: Record<string, unknown>) => ({
  recipientKind: 'familiengericht',
  recipient: 'Amtsgericht Nordhafen, Familiengericht',
  purpose: 'Stellungnahme im Verfahren 12 F 345/26',
  ...basis,
});

const transmissions = (db: Awaited<ReturnType<typeof testDatabase>>['db'], caseId: string) =>
  db.selectFrom('case_transmission').selectAll().where('case_id', '=', caseId).execute();

describe('a report for an institution is gated by consent or legal basis', () => {
  it('is refused without either, or on an expired, revoked or foreign consent, naming the field and producing nothing', async () => {
    const { db, cm, caseId, expired, revoked } = await setup();
    expectFieldProblem(await cm.post(`/cases/${caseId}/reports`, report({})), 'legalBasis');
    for (const consentId of [expired, revoked]) {
      expectFieldProblem(await cm.post(`/cases/${caseId}/reports`, report({ consentId })), 'consentId');
    }
    const other = await setup();
    expectFieldProblem(
      await cm.post(`/cases/${caseId}/reports`, report({ consentId: other.valid })),
      'consentId',
    );
    expectFieldProblem(
      await cm.post(`/cases/${caseId}/reports`, report({ consentId: expired, legalBasis: 'sgb8_50' })),
      'consentId',
    );
    expectFieldProblem(
      await cm.post(`/cases/${caseId}/reports`, report({ legalBasis: 'sgb8_50', recipientKind: 'presse' })),
      'recipientKind',
    );
    expect(await transmissions(db, caseId)).toEqual([]);
  });

  it('is produced on a valid consent and on a legal basis, each recorded, listed and audited', async () => {
    const { db, tenant, cm, caseId, valid } = await setup();
    const byConsent = await cm.post(`/cases/${caseId}/reports`, report({ consentId: valid }));
    expect(byConsent.statusCode, byConsent.body.slice(0, 200)).toBe(200);
    expect(byConsent.headers['content-type']).toBe('application/pdf');
    const doc = await inspectPdf(byConsent.rawPayload);
    expect(
      pdfProblems(doc, { texts: ['Bericht an: Amtsgericht Nordhafen, Familiengericht', 'Mara Beispiel'] }),
    ).toEqual([]);
    expect(runningText(doc)).toContain('Schweigepflichtentbindung von Mara Beispiel');
    const byLaw = await cm.post(
      `/cases/${caseId}/reports`,
      report({ legalBasis: 'sgb8_8a_2', recipientKind: 'familiengericht' }),
    );
    expect(byLaw.statusCode).toBe(200);
    expect(runningText(await inspectPdf(byLaw.rawPayload))).toContain('§ 8a Abs. 2 SGB VIII');

    const list = await cm.get(`/cases/${caseId}/transmissions`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject([
      { documentKind: 'bericht', legalBasis: 'sgb8_8a_2', consent: null },
      {
        documentKind: 'bericht',
        recipientKind: 'familiengericht',
        recipient: 'Amtsgericht Nordhafen, Familiengericht',
        legalBasis: null,
        consent: { id: valid, personName: 'Mara Beispiel' },
        transmittedBy: { id: tenant.users.caseManagerA.id },
      },
    ]);
    const audited = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'case_transmission')
      .orderBy('pending_id')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['export', 'export', 'read']);
    expect(JSON.stringify(audited)).not.toContain('Amtsgericht');
    expect(await transmissions(db, caseId)).toHaveLength(2);
  });

  it('refuses another team case manager the report and the list (403, audited)', async () => {
    const { db, tenant, caseId } = await setup();
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.post(`/cases/${caseId}/reports`, report({ legalBasis: 'sgb8_50' }))).statusCode).toBe(
      403,
    );
    expect((await other.get(`/cases/${caseId}/transmissions`)).statusCode).toBe(403);
    const refusals = await db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('tenant_id', '=', tenant.id)
      .where('entity_id', '=', caseId)
      .where('action', '=', 'access_denied')
      .execute();
    expect(refusals).toHaveLength(2);
    expect(await transmissions(db, caseId)).toEqual([]);
  });
});

describe('the handover package (§ 86c)', () => {
  it('passes the PDF layout checks with the file, its notes and the transfer, on a valid consent', async () => {
    const { db, cm, caseId, valid, revoked } = await setup();
    const note = await cm.post(`/cases/${caseId}/notes`, {
      occurredAt: '2026-02-03T09:30:00.000Z',
      kind: 'hausbesuch',
      staffIds: [],
      others: [],
      text: 'Hausbesuch: Die Mutter berichtet vom geplanten Umzug nach Musterstadt.',
      link: null,
      correctsId: null,
    });
    expect(note.statusCode, note.body).toBe(201);
    const version = (await cm.get(`/cases/${caseId}`)).json().version;
    const transfer = await cm.post(`/cases/${caseId}/transfer`, {
      receivingOffice: 'Jugendamt Musterstadt',
      transferredOn: '2026-06-30',
      reason: 'Umzug der Familie nach Musterstadt.',
      outcome: 'teilweise',
      version,
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    expectFieldProblem(await cm.get(`/cases/${caseId}/handover-package?consentId=${revoked}`), 'consentId');
    const pkg = await cm.get(`/cases/${caseId}/handover-package?consentId=${valid}`);
    expect(pkg.statusCode, pkg.body.slice(0, 200)).toBe(200);
    const doc = await inspectPdf(pkg.rawPayload);
    expect(
      pdfProblems(doc, {
        texts: [
          'Übergabe der Fallakte nach § 86c SGB VIII',
          'Jugendamt Musterstadt',
          'Umzug der Familie nach Musterstadt.',
          'Hausbesuch: Die Mutter berichtet vom geplanten Umzug nach Musterstadt.',
          'Muharem fehlt oft in der Schule; die Mutter möchte, dass er dort bleiben kann.',
        ],
      }),
    ).toEqual([]);
    expect(await transmissions(db, caseId)).toMatchObject([
      { document_kind: 'uebergabepaket', consent_id: valid, recipient: 'Jugendamt Musterstadt' },
    ]);
  });
});
