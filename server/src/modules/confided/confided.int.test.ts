import { CONFIDED_PLACEHOLDER, type ContentUse } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, writeNote } from '../../../test/caseNotes.ts';
import { classify, openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';
import type { Actor } from '../../shared/actor.ts';
import { inTransaction } from '../../shared/context.ts';
import { readCase } from '../cases/service.ts';

/**
 * § 65 SGB VIII (docs/data-protection.md): a confided note is shown to its author, its confidant and whom they
 * shared it with, to nobody else (the placeholder instead), and in no PDF, export or Auskunft without a release.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const SECRET = 'Die Mutter erzählte vertraulich von ihrer früheren Abhängigkeit.';

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const lead = await Client.as(app, tenant, 'teamLeadA');
  const opened = await openTestCase(cm);
  const noteId = await writeNote(cm, opened.caseId, { text: SECRET, confided: true });
  const [mark] = await db
    .selectFrom('confided_mark')
    .select(['id', 'confided_by', 'confided_to'])
    .where('tenant_id', '=', tenant.id)
    .where('item_id', '=', noteId)
    .execute();
  if (!mark) throw new Error('no mark');
  return { db, tenant, cm, lead, noteId, markId: mark.id, mark, ...opened };
}

async function noteText(client: Client, caseId: string, noteId: string) {
  const res = await client.get(`/cases/${caseId}/notes/${noteId}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { text: string; confided: { withheld: boolean; mayManage: boolean } | null };
}

function uploadAs(client: Client, caseId: string, fileName: string, content: string) {
  const boundary = '----leuchtturm-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/documents`,
    payload: body,
    headers: {
      cookie: client.cookie as string,
      'x-csrf-token': client.csrfToken as string,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}

describe('§ 65 anvertraute Daten', () => {
  it('shows a confided note to its author and the placeholder to the team lead, in the list, the Verlauf and the search', async () => {
    const { tenant, cm, lead, caseId, noteId, mark } = await setup();
    expect(mark).toMatchObject({
      confided_by: tenant.users.caseManagerA.id,
      confided_to: tenant.users.caseManagerA.id,
    });
    const own = await noteText(cm, caseId, noteId);
    expect(own.text).toBe(SECRET);
    expect(own.confided).toMatchObject({ withheld: false, mayManage: true });

    const other = await noteText(lead, caseId, noteId);
    expect(other.text).toBe(CONFIDED_PLACEHOLDER);
    expect(other.confided).toMatchObject({ withheld: true, mayManage: false, sharedWith: [] });
    const detail = (await lead.get(`/cases/${caseId}`)).json();
    const entry = detail.timeline.find((t: { note?: { id: string } }) => t.note?.id === noteId);
    expect(entry.text).toContain(CONFIDED_PLACEHOLDER);
    expect(entry.note.confided).toEqual({ withheld: true });
    expect(JSON.stringify(detail)).not.toContain('Abhängigkeit');
    // The search does not look into what the reader may not see, so it cannot reveal it either.
    expect((await lead.get(`/cases/${caseId}/notes?q=abhängigkeit`)).json().items).toEqual([]);
    expect((await cm.get(`/cases/${caseId}/notes?q=abhängigkeit`)).json().items).toHaveLength(1);
  });

  it('shares a confided note deliberately, audited, and a revoked share shows the placeholder again', async () => {
    const { db, tenant, cm, lead, caseId, noteId, markId } = await setup();
    const lead_ = tenant.users.teamLeadA.id;
    expect((await cm.post(`/cases/${caseId}/confided/${markId}/shares`, { userId: lead_ })).statusCode).toBe(
      204,
    );
    expect((await noteText(lead, caseId, noteId)).text).toBe(SECRET);
    expect((await noteText(cm, caseId, noteId)).confided).toMatchObject({
      sharedWith: [{ id: lead_, name: 'Test teamLeadA' }],
    });
    expect((await cm.delete(`/cases/${caseId}/confided/${markId}/shares/${lead_}`)).statusCode).toBe(204);
    expect((await noteText(lead, caseId, noteId)).text).toBe(CONFIDED_PLACEHOLDER);
    expect((await cm.delete(`/cases/${caseId}/confided/${markId}/shares/${lead_}`)).statusCode).toBe(404);
    expect(await auditEntries(db, tenant.id, 'confided_share')).toEqual([
      {
        action: 'create',
        actor_id: tenant.users.caseManagerA.id,
        entity_id: markId,
        details: { caseId, userId: lead_ },
      },
      {
        action: 'delete',
        actor_id: tenant.users.caseManagerA.id,
        entity_id: markId,
        details: { caseId, userId: lead_ },
      },
    ]);
  });

  it('refuses sharing by someone else (audited) and with someone who may not open the case (400 on userId)', async () => {
    const { db, tenant, cm, lead, caseId, markId } = await setup();
    const refused = await lead.post(`/cases/${caseId}/confided/${markId}/shares`, {
      userId: tenant.users.colleagueA.id,
    });
    expect(refused.statusCode).toBe(403);
    const outsider = await cm.post(`/cases/${caseId}/confided/${markId}/shares`, {
      userId: tenant.users.caseManagerB.id,
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0].field).toBe('userId');
    const denied = (await auditEntries(db, tenant.id, 'confided_mark')).filter(
      (e) => e.action === 'access_denied',
    );
    expect(denied).toEqual([
      {
        action: 'access_denied',
        actor_id: tenant.users.teamLeadA.id,
        entity_id: markId,
        details: { caseId, purpose: 'share' },
      },
    ]);
    expect(
      await db.selectFrom('confided_share').select('id').where('tenant_id', '=', tenant.id).execute(),
    ).toEqual([]);
  });

  it('lets only the author mark a note later (audited) and refuses a second mark', async () => {
    const { db, tenant, cm, lead, caseId } = await setup();
    const plain = await writeNote(cm, caseId, { text: 'Ein gewöhnlicher Vermerk.' });
    const byLead = await lead.post(`/cases/${caseId}/confided`, {
      itemType: 'case_note',
      itemId: plain,
      confidedTo: null,
    });
    expect(byLead.statusCode).toBe(403);
    const marked = await cm.post(`/cases/${caseId}/confided`, {
      itemType: 'case_note',
      itemId: plain,
      confidedTo: null,
    });
    expect(marked.statusCode).toBe(201);
    expect((await noteText(lead, caseId, plain)).text).toBe(CONFIDED_PLACEHOLDER);
    const again = await cm.post(`/cases/${caseId}/confided`, {
      itemType: 'case_note',
      itemId: plain,
      confidedTo: null,
    });
    expect(again.statusCode).toBe(409);
    const entries = await auditEntries(db, tenant.id, 'confided_mark');
    expect(entries.map((e) => [e.action, e.actor_id])).toEqual([
      ['create', tenant.users.caseManagerA.id],
      ['access_denied', tenant.users.teamLeadA.id],
      ['create', tenant.users.caseManagerA.id],
    ]);
  });

  it('hides a confided file: placeholder name in the case file, the download refused (audited), open to its author', async () => {
    const { db, tenant, cm, lead, caseId } = await setup();
    const up = await uploadAs(cm, caseId, 'arztbrief.txt', 'Diagnose: vertraulich');
    expect(up.statusCode).toBe(201);
    const fileId = up.json().id as string;
    expect(
      (
        await cm.post(`/cases/${caseId}/confided`, {
          itemType: 'case_document',
          itemId: fileId,
          confidedTo: null,
        })
      ).statusCode,
    ).toBe(201);
    const seen = (await lead.get(`/cases/${caseId}`)).json().documents;
    expect(seen).toEqual([expect.objectContaining({ id: fileId, fileName: CONFIDED_PLACEHOLDER })]);
    expect(seen[0].confided).toMatchObject({ withheld: true });
    expect((await lead.get(`/cases/${caseId}/documents/${fileId}`)).statusCode).toBe(403);
    const own = await cm.get(`/cases/${caseId}/documents/${fileId}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toBe('Diagnose: vertraulich');
    const denied = (await auditEntries(db, tenant.id, 'case_document')).filter(
      (e) => e.action === 'access_denied',
    );
    expect(denied).toEqual([
      {
        action: 'access_denied',
        actor_id: tenant.users.teamLeadA.id,
        entity_id: fileId,
        details: { caseId, purpose: 'confided' },
      },
    ]);
  });

  it('leaves a confided note out of the case file read for a PDF, an export or handover, also for its author, until a release', async () => {
    const { db, tenant, cm, caseId, markId } = await setup();
    const res = await cm.get(`/cases/${caseId}/forms/falleingang`);
    expect(res.statusCode).toBe(200);
    expect(runningText(await inspectPdf(res.rawPayload))).not.toContain('Abhängigkeit');
    const actorOf = (key: 'caseManagerA' | 'teamLeadA'): Actor => ({
      tenantId: tenant.id,
      userId: tenant.users[key].id,
      roles: [key === 'teamLeadA' ? 'team_lead' : 'case_manager'],
      teamId: tenant.teams.a,
      deputyFor: [],
    });
    const verlauf = async (key: 'caseManagerA' | 'teamLeadA', use: ContentUse) => {
      const detail = await inTransaction(db, actorOf(key), (ctx) => readCase(ctx, caseId, use));
      return detail.timeline.filter((t) => t.note).map((t) => t.text);
    };
    expect((await verlauf('caseManagerA', 'view'))[0]).toContain('Abhängigkeit');
    for (const use of ['pdf', 'export', 'disclose'] as const)
      expect((await verlauf('caseManagerA', use))[0], use).toContain(CONFIDED_PLACEHOLDER);
    await cm.put(`/cases/${caseId}/confided/${markId}/release`, {
      basis: 'gesetzliche_befugnis',
      note: 'Übergabe an das zuständige Jugendamt nach § 65 Abs. 1 Nr. 3.',
    });
    expect((await verlauf('caseManagerA', 'export'))[0]).toContain('Abhängigkeit');
    // A release does not open it to everyone: the team lead it was not shared with still gets the placeholder.
    expect((await verlauf('teamLeadA', 'export'))[0]).toContain(CONFIDED_PLACEHOLDER);
  });

  it('withholds a confided Kurzberatung: marked by a participant, placeholder for the team lead, not in its PDF', async () => {
    const { tenant, cm, lead, caseId } = await setup();
    await classify(cm, caseId, 'grau', [tenant.users.caseManagerA.id, tenant.users.colleagueA.id]);
    const [consultation] = (await cm.get(`/cases/${caseId}`)).json().classifications;
    const byLead = await lead.post(`/cases/${caseId}/confided`, {
      itemType: 'risk_consultation',
      itemId: consultation.id,
      confidedTo: null,
    });
    expect(byLead.statusCode).toBe(403);
    const marked = await cm.post(`/cases/${caseId}/confided`, {
      itemType: 'risk_consultation',
      itemId: consultation.id,
      confidedTo: null,
    });
    expect(marked.statusCode).toBe(201);
    const own = (await cm.get(`/cases/${caseId}`)).json().classifications[0];
    expect(own).toMatchObject({
      facts: 'Schule meldet Fehlzeiten; Mutter kooperativ.',
      confided: { withheld: false },
    });
    const other = (await lead.get(`/cases/${caseId}`)).json().classifications[0];
    expect(other).toMatchObject({
      facts: CONFIDED_PLACEHOLDER,
      nextSteps: CONFIDED_PLACEHOLDER,
      confided: { withheld: true },
    });
    const pdf = await cm.get(`/cases/${caseId}/forms/kurzberatung?item=${consultation.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(runningText(await inspectPdf(pdf.rawPayload))).not.toContain('Fehlzeiten');
  });
});
