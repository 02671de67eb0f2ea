import { todayIso } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkWithResult,
  consequenceBody,
  hoursAgo,
  openFamilyCase,
  reportBody,
  resultBody,
  setupChildProtection,
  urgencyBody,
} from '../../../test/childProtection.ts';
import { testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const setup = () => setupChildProtection(app);

const fieldOf = (res: { json: () => { errors?: { field: string }[] } }) => res.json().errors?.[0]?.field;

describe('the § 8a process', () => {
  it('runs a report through urgency, assessment, visit and an acute result to an Inobhutnahme and its closing', async () => {
    const { db, tenant, cm, assessors, caseId, lina, base } = await setup();
    const receivedAt = hoursAgo(72);
    const created = await cm.post(base, reportBody(lina, tenant.users.colleagueA.id, receivedAt));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const check = `${base}/${id}`;
    expect((await cm.get(base)).json()).toEqual([
      expect.objectContaining({
        id,
        child: { id: lina, name: 'Lina Kinderschutz' },
        urgency: null,
        nextStep: 'ersteinschaetzung',
      }),
    ]);

    // Ersteinschätzung: within 24 hours of the receipt, which lies 72 hours back: the assessment is overdue.
    expect((await cm.put(`${check}/urgency`, urgencyBody(1))).statusCode).toBe(204);
    const [listed] = (await cm.get(base)).json();
    expect(listed).toMatchObject({
      urgency: 'innerhalb_24h',
      overdue: true,
      nextStep: 'gefaehrdungseinschaetzung',
    });
    expect(Date.parse(listed.assessmentDueAt) - Date.parse(receivedAt)).toBe(24 * 3_600_000);

    // One assessor is refused on participantIds and nothing is written; two are accepted.
    const assessment = {
      heldAt: hoursAgo(60),
      facts: 'Gespräch mit Kita und Mutter; Verletzungen am Oberarm.',
      riskFactors: 'Wiederholte Verletzungen, neuer Partner im Haushalt.',
      protectiveFactors: 'Mutter sucht Hilfe.',
      version: 2,
    };
    const alone = await cm.put(`${check}/assessment`, { ...assessment, participantIds: [assessors[0]] });
    expect(alone.statusCode).toBe(400);
    expect(fieldOf(alone)).toBe('participantIds');
    const twice = await cm.put(`${check}/assessment`, {
      ...assessment,
      participantIds: [assessors[0], assessors[0]],
    });
    expect(twice.statusCode).toBe(400);
    expect(fieldOf(twice)).toBe('participantIds');
    const row = await db
      .selectFrom('child_protection_check')
      .select(['assessment_held_at', 'version'])
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ assessment_held_at: null, version: 2 });
    expect(
      (await cm.put(`${check}/assessment`, { ...assessment, participantIds: assessors })).statusCode,
    ).toBe(204);
    expect((await cm.get(base)).json()[0]).toMatchObject({ overdue: false, nextStep: 'inaugenscheinnahme' });

    const visit = {
      status: 'durchgefuehrt',
      at: hoursAgo(50),
      kind: 'hausbesuch',
      childSeen: true,
      findings: null,
    };
    expect((await cm.put(`${check}/visit`, { ...visit, reason: null, version: 3 })).statusCode).toBe(204);

    // The acute result moves the case into the danger area through a new Kurzberatung.
    expect((await cm.get(`/cases/${caseId}`)).json().area).toBeNull();
    expect((await cm.put(`${check}/result`, resultBody('akut', 4))).statusCode).toBe(204);
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail.area).toBe('gefaehrdung');
    expect(detail.classifications.at(-1)).toMatchObject({
      area: 'gefaehrdung',
      participants: ['Test caseManagerA', 'Test colleagueA'],
    });
    const afterResult = (await cm.get(check)).json();
    expect(afterResult.outcome).toMatchObject({
      result: 'akut',
      endangermentTypes: ['koerperlich'],
      dangerSources: ['stiefelternteil'],
      classification: { id: detail.classifications.at(-1).id, area: 'gefaehrdung' },
    });
    expect(afterResult.visit).toMatchObject({ status: 'durchgefuehrt', kind: 'hausbesuch', childSeen: true });
    expect(afterResult.assessment.participants.map((p: { name: string }) => p.name)).toEqual([
      'Test caseManagerA',
      'Test colleagueA',
    ]);

    // Inobhutnahme: an end before its begin is refused on endAt, nothing written; then a valid one, ended later.
    const care = consequenceBody('inobhutnahme', {
      decidedOn: detail.classifications.at(-1).decidedOn,
      beginAt: hoursAgo(40),
      place: 'Kinder- und Jugendnotdienst',
      carersInformedAt: hoursAgo(39),
      carersInformedHow: 'Mutter persönlich beim Hausbesuch informiert',
      endAt: hoursAgo(41),
      endReason: 'rueckkehr',
    });
    const backwards = await cm.post(`${check}/measures`, care);
    expect(backwards.statusCode).toBe(400);
    expect(fieldOf(backwards)).toBe('endAt');
    const none = await db
      .selectFrom('protection_measure')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(none).toEqual([]);
    const begun = await cm.post(`${check}/measures`, { ...care, endAt: null, endReason: null });
    expect(begun.statusCode).toBe(201);
    const careUrl = `${check}/measures/${begun.json().id}`;
    const endEarly = await cm.put(careUrl, { ...care, version: 1 });
    expect(endEarly.statusCode).toBe(400);
    expect(fieldOf(endEarly)).toBe('endAt');
    expect((await cm.put(careUrl, { ...care, endAt: hoursAgo(2), version: 1 })).statusCode).toBe(204);

    // Closing: the check is closed and takes no further step.
    const closing = consequenceBody('abschluss', { decidedOn: care.decidedOn });
    expect((await cm.post(`${check}/measures`, closing)).statusCode).toBe(201);
    const closed = (await cm.get(check)).json();
    expect(closed).toMatchObject({
      status: 'abgeschlossen',
      nextStep: null,
      closedBy: { name: 'Test caseManagerA' },
    });
    expect(
      closed.measures.map((m: { kind: string; endReason: string | null }) => [m.kind, m.endReason]),
    ).toEqual([
      ['inobhutnahme', 'rueckkehr'],
      ['abschluss', null],
    ]);
    expect(
      (await cm.put(`${check}/visit`, { ...visit, reason: null, version: closed.version })).statusCode,
    ).toBe(409);
  });

  it('refuses a consequence before the result, naming the field, and writes nothing', async () => {
    const { db, tenant, cm, lina, base } = await setup();
    const id = (await cm.post(base, reportBody(lina, tenant.users.caseManagerA.id))).json().id;
    const res = await cm.post(
      `${base}/${id}/measures`,
      consequenceBody('hilfeangebot', { description: 'SpFH angeboten', offerKind: 'hze_ambulant' }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res)).toBe('result');
    expect(
      await db.selectFrom('protection_measure').select('id').where('tenant_id', '=', tenant.id).execute(),
    ).toEqual([]);
  });

  it('refuses a result without the assessment of two professionals, and an assessment before the urgency', async () => {
    const { cm, tenant, lina, base } = await setup();
    const id = (await cm.post(base, reportBody(lina, tenant.users.caseManagerA.id))).json().id;
    const early = await cm.put(`${base}/${id}/assessment`, {
      heldAt: hoursAgo(1),
      participantIds: [tenant.users.caseManagerA.id, tenant.users.colleagueA.id],
      facts: 'x',
      riskFactors: 'x',
      protectiveFactors: 'x',
      version: 1,
    });
    expect(early.statusCode).toBe(400);
    expect(fieldOf(early)).toBe('urgency');
    await cm.put(`${base}/${id}/urgency`, { ...urgencyBody(1, hoursAgo(1)), urgency: 'regulaer' });
    const result = await cm.put(`${base}/${id}/result`, resultBody('kein_bedarf', 2));
    expect(result.statusCode).toBe(400);
    expect(fieldOf(result)).toBe('participantIds');
  });

  it('refuses a child who is not in the case household, an adult of it, and a report from the future', async () => {
    const { db, tenant, cm, mother, lina, base } = await setup();
    const other = await openFamilyCase(cm);
    for (const childId of [other.lina, mother]) {
      const res = await cm.post(base, reportBody(childId, tenant.users.caseManagerA.id));
      expect(res.statusCode).toBe(400);
      expect(fieldOf(res)).toBe('childId');
    }
    const future = await cm.post(base, reportBody(lina, tenant.users.caseManagerA.id, hoursAgo(-2)));
    expect(fieldOf(future)).toBe('receivedAt');
    const anonymousWithName = await cm.post(base, {
      ...reportBody(lina, tenant.users.caseManagerA.id),
      reporterKind: 'anonym',
    });
    expect(fieldOf(anonymousWithName)).toBe('reporterName');
    const rows = await db
      .selectFrom('child_protection_check')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('keeps several checks on one case, one per child; a sibling’s lighter result keeps the danger area', async () => {
    const { cm, caseId, lina, timo, assessors, base } = await setup();
    const first = await checkWithResult(cm, caseId, lina, assessors, 'akut');
    const second = await checkWithResult(cm, caseId, timo, assessors, 'hilfebedarf');
    const third = (await cm.post(base, reportBody(lina, assessors[1], hoursAgo(5)))).json().id;
    const list = (await cm.get(base)).json();
    // Newest report first (the second check's report arrived a moment after the first's).
    expect(
      list.map((c: { id: string; child: { name: string }; result: string | null }) => [
        c.child.name,
        c.result,
      ]),
    ).toEqual([
      ['Lina Kinderschutz', null],
      ['Timo Kinderschutz', 'hilfebedarf'],
      ['Lina Kinderschutz', 'akut'],
    ]);
    expect(list.map((c: { id: string }) => c.id)).toEqual([third, second, first]);
    // Timo's result wrote a Kurzberatung too, but Lina's open acute check keeps the case in the danger area.
    const detail = (await cm.get(`/cases/${caseId}`)).json();
    expect(detail.classifications.map((c: { area: string }) => c.area)).toEqual([
      'gefaehrdung',
      'gefaehrdung',
    ]);
    expect(detail.area).toBe('gefaehrdung');
  });

  it('closes an acute endangerment only after a protective consequence', async () => {
    const { cm, caseId, lina, assessors, base } = await setup();
    const id = await checkWithResult(cm, caseId, lina, assessors, 'latent');
    const today = todayIso();
    const measure = (kind: string) =>
      consequenceBody(kind, {
        description: 'Schutzvereinbarung: Partner verlässt die Wohnung bis zur Klärung.',
        reviewDates: kind === 'schutzplan' ? [today] : [],
      });
    const tooSoon = await cm.post(`${base}/${id}/measures`, measure('abschluss'));
    expect(tooSoon.statusCode).toBe(400);
    expect(fieldOf(tooSoon)).toBe('kind');
    expect((await cm.post(`${base}/${id}/measures`, measure('schutzplan'))).statusCode).toBe(201);
    expect((await cm.post(`${base}/${id}/measures`, measure('abschluss'))).statusCode).toBe(201);
    const closed = (await cm.get(`${base}/${id}`)).json();
    expect(closed.status).toBe('abgeschlossen');
    // date[] comes back as dates ('YYYY-MM-DD') on both engines.
    expect(closed.measures[0]).toMatchObject({ kind: 'schutzplan', reviewDates: [today] });
  });
});
