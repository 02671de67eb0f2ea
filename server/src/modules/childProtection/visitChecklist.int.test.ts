import { cpChecklistAreas } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoursAgo, reportBody, setupChildProtection, urgencyBody } from '../../../test/childProtection.ts';
import { Client, testApp } from '../../../test/http.ts';

/** The Einschätzungshilfe of the Hausbesuchsmappe, entered back as the record of a § 8a check's visit. */

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const s = await setupChildProtection(app);
  const created = await s.cm.post(s.base, reportBody(s.lina, s.tenant.users.caseManagerA.id));
  const check = `${s.base}/${created.json().id}`;
  expect((await s.cm.put(`${check}/urgency`, urgencyBody(1))).statusCode).toBe(204);
  return { ...s, check };
}

const visit = (version: number) => ({
  status: 'durchgefuehrt',
  at: hoursAgo(50),
  kind: 'hausbesuch',
  childSeen: true,
  findings: null,
  reason: null,
  version,
});

// Given in another order than the areas': the record comes back in theirs.
const answers = [
  { area: 'gesundheit', rating: 'auffaellig', note: 'Hämatom am linken Oberarm, etwa 3 cm.' },
  { area: 'wohnsituation', rating: 'unauffaellig', note: null },
  { area: 'versorgung', rating: 'unauffaellig', note: '  ' },
  { area: 'aufsicht', rating: 'nicht_beurteilbar', note: 'Partner war nicht da.' },
  { area: 'entwicklung', rating: 'unauffaellig', note: null },
];

const fieldsOf = (res: { json: () => { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field);

describe('the Einschätzungshilfe of a visit', () => {
  it('is recorded after a visit took place, returned in the order of the areas, and audited', async () => {
    const { db, tenant, cm, check } = await setup();
    const before = await cm.put(`${check}/visit/checklist`, { areas: answers, version: 2 });
    expect(before.statusCode).toBe(400);
    expect(fieldsOf(before)).toEqual(['visit']);
    expect((await cm.put(`${check}/visit`, visit(2))).statusCode).toBe(204);
    expect((await cm.put(`${check}/visit/checklist`, { areas: answers, version: 3 })).statusCode).toBe(204);

    const read = (await cm.get(check)).json();
    expect(read.version).toBe(4);
    expect(read.visitChecklist).toEqual({
      recordedAt: expect.any(String),
      recordedBy: 'Test caseManagerA',
      areas: [
        { area: 'wohnsituation', rating: 'unauffaellig', note: null },
        { area: 'versorgung', rating: 'unauffaellig', note: null },
        { area: 'aufsicht', rating: 'nicht_beurteilbar', note: 'Partner war nicht da.' },
        { area: 'gesundheit', rating: 'auffaellig', note: 'Hämatom am linken Oberarm, etwa 3 cm.' },
        { area: 'entwicklung', rating: 'unauffaellig', note: null },
      ],
    });
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'update')
      .where('entity_type', '=', 'child_protection_check')
      .orderBy('pending_id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ step: 'einschaetzungshilfe', areas: answers.map((a) => a.area) });
    expect(JSON.stringify(audit.details)).not.toContain('Hämatom');

    // Saved again at the old version: 409, the record stays.
    const stale = await cm.put(`${check}/visit/checklist`, { areas: answers.slice().reverse(), version: 3 });
    expect(stale.statusCode).toBe(409);
    // The visit becomes "not needed": there is no Einschätzungshilfe of a visit any more.
    const notNeeded = { ...visit(4), status: 'nicht_erforderlich', at: null, kind: null, childSeen: null };
    expect(
      (await cm.put(`${check}/visit`, { ...notNeeded, reason: 'Kind im Krankenhaus gesehen.' })).statusCode,
    ).toBe(204);
    expect((await cm.get(check)).json().visitChecklist).toBeNull();
  });

  it('refuses an incomplete or doubled set of areas, and an auffällig area without a note, naming the field', async () => {
    const { db, tenant, cm, check } = await setup();
    expect((await cm.put(`${check}/visit`, visit(2))).statusCode).toBe(204);
    const put = (areas: object[]) => cm.put(`${check}/visit/checklist`, { areas, version: 3 });
    const noNote = await put(answers.map((a) => (a.area === 'gesundheit' ? { ...a, note: ' ' } : a)));
    expect(noNote.statusCode).toBe(400);
    expect(fieldsOf(noNote)).toEqual(['areas.0.note']);
    const four = await put(answers.slice(1));
    expect(four.statusCode).toBe(400);
    expect(fieldsOf(four)).toEqual(['areas']);
    expect(four.body).toContain(cpChecklistAreas.labels.gesundheit);
    const doubled = await put([...answers.slice(0, 4), { ...answers[1], rating: 'auffaellig', note: 'x' }]);
    expect(doubled.statusCode).toBe(400);
    expect(fieldsOf(doubled)).toContain('areas.4.area');
    const rows = await db
      .selectFrom('visit_checklist_entry')
      .select('area')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('is refused to someone who may not open the case, and the refusal audited', async () => {
    const { db, tenant, cm, check, caseId } = await setup();
    expect((await cm.put(`${check}/visit`, visit(2))).statusCode).toBe(204);
    const other = await Client.as(app, tenant, 'caseManagerB');
    expect((await other.put(`${check}/visit/checklist`, { areas: answers, version: 3 })).statusCode).toBe(
      403,
    );
    const refusal = await db
      .selectFrom('audit_log')
      .select(['entity_type', 'entity_id'])
      .where('tenant_id', '=', tenant.id)
      .where('actor_id', '=', tenant.users.caseManagerB.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(refusal).toEqual([{ entity_type: 'case', entity_id: caseId }]);
  });
});
