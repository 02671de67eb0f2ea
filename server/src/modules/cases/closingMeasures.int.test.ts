import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testApp } from '../../../test/http.ts';
import { setupMeasures } from '../../../test/measures.ts';
import { expectFieldProblem } from '../../../test/pages.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** A case with an approved SpFH from March 2026 (running) and a planned Wohngruppe waiting for approval. */
async function setup() {
  const s = await setupMeasures(app);
  const running = await s.cm.post(`/cases/${s.caseId}/measures`, s.measure({}));
  const planned = await s.cm.post(
    `/cases/${s.caseId}/measures`,
    s.measure({ helpTypeId: s.type('34'), offerId: s.heim, hoursPerWeek: null, beginOn: '2026-07-01' }),
  );
  expect([running.json().status, planned.json().status]).toEqual(['bewilligt', 'geplant']);
  return { ...s, running: running.json().id as string, planned: planned.json().id as string };
}

const closing = (measures?: unknown[]) => ({
  closedOn: '2026-06-30',
  reason: 'ziele_erreicht',
  outcome: 'positiv',
  tip: null,
  version: 1,
  ...(measures ? { measures } : {}),
});

async function state(s: Awaited<ReturnType<typeof setup>>) {
  const detail = (await s.cm.get(`/cases/${s.caseId}`)).json();
  const measures = (await s.cm.get(`/cases/${s.caseId}/measures`)).json() as {
    id: string;
    status: string;
    endOn: string | null;
    endReason: string | null;
    withdrawReason: string | null;
  }[];
  return {
    status: detail.status as string,
    measures: measures.map((m) => [m.status, m.endOn, m.endReason, m.withdrawReason]),
  };
}

describe('closing a case with running or planned help', () => {
  it('is refused without a decision for each, naming the measures, and changes nothing', async () => {
    const s = await setup();
    const before = await state(s);
    expectFieldProblem(await s.cm.post(`/cases/${s.caseId}/close`, closing()), 'measures');
    const partly = await s.cm.post(
      `/cases/${s.caseId}/close`,
      closing([{ measureId: s.running, action: 'beenden', endReason: 'planmaessig', version: 1 }]),
    );
    expectFieldProblem(partly, 'measures');
    expect(partly.json().detail).toContain('beenden oder zurückziehen');
    expect(await state(s)).toEqual(before);
    expect(before.status).toBe('offen');
  });

  it('ends the running help on the closing date and withdraws the planned one in the same step', async () => {
    const s = await setup();
    const res = await s.cm.post(
      `/cases/${s.caseId}/close`,
      closing([
        { measureId: s.planned, action: 'zurueckziehen', reason: 'Familie zieht nach Hamburg', version: 1 },
        { measureId: s.running, action: 'beenden', endReason: 'planmaessig', version: 1 },
      ]),
    );
    expect(res.statusCode, res.body).toBe(204);
    expect(await state(s)).toEqual({
      status: 'abgeschlossen',
      measures: [
        ['bewilligt', '2026-06-30', 'planmaessig', null],
        ['zurueckgezogen', null, null, 'Familie zieht nach Hamburg'],
      ],
    });
    // Nothing runs and costs after the closing.
    expect((await s.fin.get('/finance/costs?month=2026-07')).json().rows).toEqual([]);
    const audited = await s.db
      .selectFrom('audit_log')
      .select(['entity_type', 'entity_id'])
      .where('tenant_id', '=', s.tenant.id)
      .where('action', '=', 'update')
      .where('entity_type', 'in', ['measure', 'case'])
      .orderBy('pending_id')
      .execute();
    expect(audited.map((a) => a.entity_id)).toEqual([s.planned, s.running, s.caseId]);
  });

  it('writes nothing when one decision is wrong (a planned help cannot be ended)', async () => {
    const s = await setup();
    const before = await state(s);
    const res = await s.cm.post(
      `/cases/${s.caseId}/close`,
      closing([
        { measureId: s.running, action: 'beenden', endReason: 'planmaessig', version: 1 },
        { measureId: s.planned, action: 'beenden', endReason: 'abbruch', version: 1 },
      ]),
    );
    expectFieldProblem(res, 'measures.1.action');
    expect(await state(s)).toEqual(before);
  });

  it('refuses a withdrawal without a reason, naming the field', async () => {
    const s = await setup();
    const res = await s.cm.post(
      `/cases/${s.caseId}/close`,
      closing([
        { measureId: s.running, action: 'beenden', endReason: 'planmaessig', version: 1 },
        { measureId: s.planned, action: 'zurueckziehen', reason: '', version: 1 },
      ]),
    );
    expectFieldProblem(res, 'measures.1.reason');
    expect((await state(s)).status).toBe('offen');
  });

  it('lets a planned help of a case closed before this rule be withdrawn, but neither approved nor listed for approval', async () => {
    const s = await setup();
    await s.cm.post(`/measures/${s.running}/end`, {
      endOn: '2026-05-31',
      endReason: 'planmaessig',
      version: 1,
    });
    // A case closed before closing decided on its help: its planned measure is still there.
    await s.db
      .updateTable('case_file')
      .set({ status: 'abgeschlossen', closed_on: '2026-06-30' })
      .where('tenant_id', '=', s.tenant.id)
      .where('id', '=', s.caseId)
      .execute();
    const lead = await Client.as(app, s.tenant, 'teamLeadA');
    expect((await lead.get('/measures/approvals')).json().items).toEqual([]);
    expect((await lead.post(`/measures/${s.planned}/approve`, { version: 1 })).statusCode).toBe(409);
    const withdrawn = await s.cm.post(`/measures/${s.planned}/withdraw`, {
      version: 1,
      reason: 'Fall ohne Entscheidung abgeschlossen',
    });
    expect(withdrawn.statusCode).toBe(204);
    expect((await state(s)).measures[1]).toEqual([
      'zurueckgezogen',
      null,
      null,
      'Fall ohne Entscheidung abgeschlossen',
    ]);
  });
});
