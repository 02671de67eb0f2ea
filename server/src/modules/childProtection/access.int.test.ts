import { todayIso } from '@leuchtturm/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkWithResult,
  consequenceBody,
  hoursAgo,
  reportBody,
  setupChildProtection,
} from '../../../test/childProtection.ts';
import { Client, testApp } from '../../../test/http.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const s = await setupChildProtection(app);
  const checkId = await checkWithResult(s.cm, s.caseId, s.lina, s.assessors, 'akut');
  return { ...s, checkId };
}

/** Every route of the module under the case, with a body that would pass validation. */
function routes(caseId: string, checkId: string, childId: string, userId: string) {
  const base = `/cases/${caseId}/child-protection`;
  const measure = consequenceBody('hilfeangebot', { offerKind: 'hze_ambulant' });
  return [
    ['GET', base, undefined],
    ['POST', base, reportBody(childId, userId)],
    ['GET', `${base}/${checkId}`, undefined],
    [
      'PUT',
      `${base}/${checkId}/urgency`,
      { urgency: 'sofort', decidedAt: hoursAgo(1), reason: null, version: 5 },
    ],
    [
      'PUT',
      `${base}/${checkId}/assessment`,
      {
        heldAt: hoursAgo(1),
        participantIds: [userId, userId],
        facts: 'x',
        riskFactors: 'x',
        protectiveFactors: 'x',
        version: 5,
      },
    ],
    [
      'PUT',
      `${base}/${checkId}/visit`,
      {
        status: 'nicht_erforderlich',
        at: null,
        kind: null,
        childSeen: null,
        findings: null,
        reason: 'x',
        version: 5,
      },
    ],
    ['POST', `${base}/${checkId}/measures`, measure],
    ['PUT', `${base}/${checkId}/measures/${checkId}`, { ...measure, version: 1 }],
    [
      'POST',
      `${base}/escalations`,
      {
        mandateId: checkId,
        version: 1,
        heldOn: '2026-01-20',
        participantIds: [userId, userId],
        facts: 'x',
        nextSteps: 'x',
        auflage: {
          text: 'x',
          addressee: 'x',
          dueOn: '2026-02-01',
          checkMethod: 'x',
          consequence: null,
          reviewOn: '2026-02-02',
        },
      },
    ],
  ] as const;
}

describe('who sees a case’s § 8a checks', () => {
  it('refuses a case manager of another team on every route, shows nothing, writes nothing, audits each refusal', async () => {
    const { db, tenant, caseId, checkId, lina } = await setup();
    const other = await Client.as(app, tenant, 'caseManagerB');
    const before = await db
      .selectFrom('child_protection_check')
      .select(['id', 'version'])
      .where('tenant_id', '=', tenant.id)
      .execute();
    const list = routes(caseId, checkId, lina, tenant.users.caseManagerB.id);
    for (const [method, url, body] of list) {
      const res = await other.request(method, url, body);
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
      expect(res.body).not.toContain('Lina');
      expect(res.body).not.toContain('blaue Flecken');
    }
    const after = await db
      .selectFrom('child_protection_check')
      .select(['id', 'version'])
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(after).toEqual(before);
    const refusals = await db
      .selectFrom('audit_log')
      .select(['entity_type', 'entity_id'])
      .where('tenant_id', '=', tenant.id)
      .where('actor_id', '=', tenant.users.caseManagerB.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(refusals).toHaveLength(list.length);
    expect(refusals.every((r) => r.entity_type === 'case' && r.entity_id === caseId)).toBe(true);
  });

  it('refuses the controlling role on every case route at the role check, and audits it', async () => {
    const { db, tenant, caseId, checkId, lina } = await setup();
    const controller = await Client.as(app, tenant, 'controller');
    const list = routes(caseId, checkId, lina, tenant.users.controller.id);
    for (const [method, url, body] of list) {
      expect((await controller.request(method, url, body)).statusCode).toBe(403);
    }
    const refusals = await db
      .selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', tenant.id)
      .where('actor_id', '=', tenant.users.controller.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(refusals).toHaveLength(list.length);
    expect(refusals.every((r) => (r.details as { permission?: string }).permission === 'case:work')).toBe(
      true,
    );
  });

  it('gives controlling counts only: results of the year, open reports and Inobhutnahmen; not to case managers', async () => {
    const { tenant, cm, caseId, timo, assessors } = await setup();
    await checkWithResult(cm, caseId, timo, assessors, 'hilfebedarf');
    await cm.post(`/cases/${caseId}/child-protection`, reportBody(timo, assessors[0], hoursAgo(0.01)));
    const year = Number(todayIso().slice(0, 4));
    const controller = await Client.as(app, tenant, 'controller');
    const res = await controller.get(`/child-protection/counts?year=${year}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      year,
      byResult: [
        { result: 'akut', count: 1 },
        { result: 'latent', count: 0 },
        { result: 'hilfebedarf', count: 1 },
        { result: 'kein_bedarf', count: 0 },
      ],
      open: 1,
      takenIntoCare: 0,
    });
    expect((await controller.get(`/child-protection/counts?year=${year - 1}`)).json().byResult[0].count).toBe(
      0,
    );
    expect((await cm.get(`/child-protection/counts?year=${year}`)).statusCode).toBe(403);
  });

  it('audits every read of the list and of a check, with ids only', async () => {
    const { db, tenant, cm, caseId, checkId } = await setup();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect((await lead.get(`/cases/${caseId}/child-protection`)).statusCode).toBe(200);
    expect((await lead.get(`/cases/${caseId}/child-protection/${checkId}`)).statusCode).toBe(200);
    expect((await cm.get(`/cases/${caseId}/child-protection/${checkId}`)).statusCode).toBe(200);
    const reads = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_type', 'entity_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('action', '=', 'read')
      .where('entity_type', 'in', ['child_protection_list', 'child_protection_check'])
      .orderBy('pending_id')
      .execute();
    expect(reads.map((r) => [r.actor_id, r.entity_type, r.entity_id])).toEqual([
      [tenant.users.teamLeadA.id, 'child_protection_list', caseId],
      [tenant.users.teamLeadA.id, 'child_protection_check', checkId],
      [tenant.users.caseManagerA.id, 'child_protection_check', checkId],
    ]);
    expect(JSON.stringify(reads.map((r) => r.details))).not.toContain('Lina');
  });
});
