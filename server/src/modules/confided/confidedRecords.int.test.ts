import { CONFIDED_PLACEHOLDER } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, writeNote } from '../../../test/caseNotes.ts';
import { classify, openTestCase } from '../../../test/cases.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { handoverPackageText, transferToMusterstadt } from '../../../test/handovers.ts';
import { Client, testApp } from '../../../test/http.ts';
import { inspectPdf, runningText } from '../../../test/pdf-layout.ts';
import { mark, releaseAll } from '../../../test/planRecords.ts';

/**
 * § 65 SGB VIII on the records of the case file (docs/data-protection.md): Wille und Ziele and an Auftrag marked as
 * confided are read through the same rule as a note; who sees the placeholder cannot save over them; a mark is
 * removed only by its author or confidant; the § 86c handover package leaves them out until a release.
 */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const NOTE = 'Entzugsklinik';
const WILL = 'Rückkehrwunsch';
const GOAL = 'Wohnungssicherung';
const MANDATE = 'Suchtberatungsstelle';

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const cm = await Client.as(app, tenant, 'caseManagerA');
  const lead = await Client.as(app, tenant, 'teamLeadA');
  const { caseId } = await openTestCase(cm);
  await classify(cm, caseId, 'grau', [tenant.users.caseManagerA.id, tenant.users.colleagueA.id]);
  const will = await cm.put(`/cases/${caseId}/will-and-goals`, {
    will: `Die Mutter äußert einen ${WILL}.`,
    directionGoal: `Ziel ist die ${GOAL}.`,
    actionGoals: [],
    version: 0,
  });
  expect(will.statusCode, will.body).toBe(204);
  const mandate = await cm.post(`/cases/${caseId}/mandates`, {
    kind: 'auftrag',
    purpose: 'klaerung',
    text: `Termin bei der ${MANDATE} wahrnehmen.`,
    addressee: 'Mutter',
    dueOn: '2026-07-01',
    checkMethod: 'Bescheinigung',
    reviewOn: '2026-07-15',
    consequence: null,
  });
  expect(mandate.statusCode, mandate.body).toBe(201);
  const mandateId = mandate.json().id as string;
  const noteId = await writeNote(cm, caseId, { text: `Die Mutter war in einer ${NOTE}.`, confided: true });
  return { db, tenant, cm, lead, caseId, mandateId, noteId };
}

async function markIds(s: Awaited<ReturnType<typeof setup>>) {
  const rows = await s.db
    .selectFrom('confided_mark')
    .select(['id', 'item_type'])
    .where('tenant_id', '=', s.tenant.id)
    .where('case_id', '=', s.caseId)
    .execute();
  return new Map(rows.map((r) => [r.item_type, r.id]));
}

describe('§ 65 on Wille und Ziele and Aufträge', () => {
  it('lets the author mark them, shows the placeholder to the team lead, and refuses the lead’s save over it (audited)', async () => {
    const s = await setup();
    const { cm, lead, caseId, mandateId, tenant, db } = s;
    expect((await cm.get(`/cases/${caseId}`)).json().confidedMarkable).toEqual(
      expect.arrayContaining([caseId, mandateId]),
    );
    expect((await lead.get(`/cases/${caseId}`)).json().confidedMarkable).toEqual([]);
    expect((await mark(lead, caseId, 'will_and_goals', caseId)).statusCode).toBe(403);
    expect((await mark(cm, caseId, 'will_and_goals', caseId)).statusCode).toBe(201);
    expect((await mark(cm, caseId, 'mandate', mandateId)).statusCode).toBe(201);

    const seen = (await lead.get(`/cases/${caseId}`)).json();
    expect(seen.willAndGoals).toMatchObject({
      will: CONFIDED_PLACEHOLDER,
      directionGoal: CONFIDED_PLACEHOLDER,
      confided: { withheld: true, mayManage: false },
    });
    expect(seen.mandates[0]).toMatchObject({ text: CONFIDED_PLACEHOLDER, confided: { withheld: true } });
    for (const secret of [WILL, GOAL, MANDATE]) expect(JSON.stringify(seen)).not.toContain(secret);
    const own = (await cm.get(`/cases/${caseId}`)).json();
    expect(own.willAndGoals.will).toContain(WILL);
    expect(own.mandates[0].text).toContain(MANDATE);

    // The edit rule: whoever sees the placeholder cannot write it (or anything) over the content.
    const overwrite = await lead.put(`/cases/${caseId}/will-and-goals`, {
      will: seen.willAndGoals.will,
      directionGoal: seen.willAndGoals.directionGoal,
      actionGoals: [],
      version: seen.willAndGoals.version,
    });
    expect(overwrite.statusCode).toBe(403);
    expect(overwrite.json().detail ?? overwrite.body).toContain('anvertraute Angabe');
    const result = await lead.put(`/cases/${caseId}/mandates/${mandateId}`, {
      result: 'erfuellt',
      consequence: null,
      version: seen.mandates[0].version,
    });
    expect(result.statusCode).toBe(403);
    const stored = await db
      .selectFrom('will_and_goals')
      .select(['will', 'updated_by'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      will: `Die Mutter äußert einen ${WILL}.`,
      updated_by: tenant.users.caseManagerA.id,
    });
    const denied = (await auditEntries(db, tenant.id, 'confided_mark')).filter(
      (e) => e.action === 'access_denied',
    );
    expect(denied.map((e) => [e.actor_id, (e.details as { purpose: string }).purpose])).toEqual([
      [tenant.users.teamLeadA.id, 'mark'],
      [tenant.users.teamLeadA.id, 'edit'],
      [tenant.users.teamLeadA.id, 'edit'],
    ]);
    // The confidant edits normally.
    const again = await cm.put(`/cases/${caseId}/will-and-goals`, {
      will: `Die Mutter äußert weiter einen ${WILL}.`,
      directionGoal: own.willAndGoals.directionGoal,
      actionGoals: [],
      version: own.willAndGoals.version,
    });
    expect(again.statusCode, again.body).toBe(204);
  });

  it('removes a mark only for its author or confidant, audited, and the content is read by all again', async () => {
    const s = await setup();
    const { cm, lead, caseId, tenant, db } = s;
    expect((await mark(cm, caseId, 'will_and_goals', caseId)).statusCode).toBe(201);
    const markId = (await markIds(s)).get('will_and_goals') as string;
    await cm.post(`/cases/${caseId}/confided/${markId}/shares`, { userId: tenant.users.colleagueA.id });
    expect((await lead.delete(`/cases/${caseId}/confided/${markId}`)).statusCode).toBe(403);
    expect((await lead.get(`/cases/${caseId}`)).json().willAndGoals.will).toBe(CONFIDED_PLACEHOLDER);
    expect((await cm.delete(`/cases/${caseId}/confided/${markId}`)).statusCode).toBe(204);
    expect((await cm.delete(`/cases/${caseId}/confided/${markId}`)).statusCode).toBe(404);
    const seen = (await lead.get(`/cases/${caseId}`)).json().willAndGoals;
    expect(seen).toMatchObject({ confided: null });
    expect(seen.will).toContain(WILL);
    expect(
      await db.selectFrom('confided_share').select('id').where('mark_id', '=', markId).execute(),
    ).toEqual([]);
    const entries = await auditEntries(db, tenant.id, 'confided_mark');
    expect(entries.filter((e) => e.entity_id === markId).map((e) => [e.action, e.actor_id])).toEqual([
      ['create', tenant.users.caseManagerA.id],
      ['access_denied', tenant.users.teamLeadA.id],
      ['delete', tenant.users.caseManagerA.id],
    ]);
    expect(entries.at(-1)?.details).toEqual({ caseId, itemType: 'will_and_goals', itemId: caseId });
  });
});

describe('§ 86c handover package and § 65', () => {
  it('leaves out a confided note, Wille und Ziele and an Auftrag without release, and includes them with one when the confidant produces it', async () => {
    const s = await setup();
    const { cm, lead, caseId, mandateId } = s;
    expect((await mark(cm, caseId, 'will_and_goals', caseId)).statusCode).toBe(201);
    expect((await mark(cm, caseId, 'mandate', mandateId)).statusCode).toBe(201);
    await transferToMusterstadt(cm, caseId);
    const packageText = (client: Client) => handoverPackageText(client, caseId);
    const before = await packageText(cm);
    for (const secret of [NOTE, WILL, GOAL, MANDATE]) expect(before).not.toContain(secret);
    expect(before).toContain('Anvertraute Angabe');

    await releaseAll(s);
    const after = await packageText(cm);
    for (const secret of [NOTE, WILL, GOAL, MANDATE]) expect(after).toContain(secret);
    // A release does not open it to everyone: the team lead's package still leaves it out.
    const byLead = await packageText(lead);
    for (const secret of [NOTE, WILL, GOAL, MANDATE]) expect(byLead).not.toContain(secret);
  });
});

describe('Auskunft and § 65 on records', () => {
  it('lists a confided note, Wille und Ziele and an Auftrag as withheld, by kind and reason, never by content', async () => {
    const s = await setup();
    const { cm, lead, caseId, mandateId } = s;
    expect((await mark(cm, caseId, 'will_and_goals', caseId)).statusCode).toBe(201);
    expect((await mark(cm, caseId, 'mandate', mandateId)).statusCode).toBe(201);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    const personId = detail.household.members[0].person.id as string;
    const res = await lead.get(`/persons/${personId}/disclosure`);
    expect(res.statusCode, res.body).toBe(200);
    const disclosure = res.json();
    for (const secret of [NOTE, WILL, GOAL, MANDATE]) expect(res.body).not.toContain(secret);
    expect(disclosure.cases[0]).toMatchObject({ willAndGoals: null, mandates: [] });
    const confided = disclosure.withheld.filter((w: { reason: string }) => w.reason.startsWith('§ 65'));
    expect(confided.map((w: { kind: string }) => w.kind).sort()).toEqual([
      'Aktenvermerk',
      'Auftrag oder Auflage',
      'Wille und Ziele',
    ]);
    expect(confided.every((w: { caseNumber: string }) => w.caseNumber === detail.caseNumber)).toBe(true);

    // Without a mark the record is given out in full.
    const markId = (await markIds(s)).get('mandate') as string;
    expect((await cm.delete(`/cases/${caseId}/confided/${markId}`)).statusCode).toBe(204);
    const after = (await lead.get(`/persons/${personId}/disclosure`)).json();
    expect(after.cases[0].mandates).toEqual([
      expect.objectContaining({ kind: 'Auftrag', text: `Termin bei der ${MANDATE} wahrnehmen.` }),
    ]);
    const pdf = await lead.get(`/persons/${personId}/disclosure.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = runningText(await inspectPdf(pdf.rawPayload));
    expect(text).toContain(MANDATE);
    expect(text).not.toContain(WILL);
  });
});
