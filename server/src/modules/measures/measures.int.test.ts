import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCase } from '../../../test/cases.ts';
import { Client, testApp } from '../../../test/http.ts';
import { setupMeasures } from '../../../test/measures.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const setup = () => setupMeasures(app);

describe('measures and approval', () => {
  it('lets a case manager start help below the threshold; above it the team lead approves first', async () => {
    const { tenant, cm, fin, caseId, measure, heim, type } = await setup();
    const small = await cm.post(`/cases/${caseId}/measures`, measure({}));
    expect(small.statusCode).toBe(201);
    // March: 31 × 70 × 5 / 7 = 1550.00, not above the threshold of 2000.00
    expect(small.json().status).toBe('bewilligt');
    const big = await cm.post(
      `/cases/${caseId}/measures`,
      measure({ helpTypeId: type('34'), offerId: heim, hoursPerWeek: null }),
    );
    expect(big.json().status).toBe('geplant');

    // Planned: costs nothing in March
    const before = (await fin.get('/finance/costs?month=2026-03')).json();
    expect(before.rows.map((r: { measureId: string }) => r.measureId)).toEqual([small.json().id]);
    // SpFH: 31 days × 70 × 5 / 7 = 1550.00
    expect(before.total).toBe('1550.00');

    expect((await cm.post(`/measures/${big.json().id}/approve`, { version: 1 })).statusCode).toBe(403);
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const pending = (await lead.get('/measures/approvals')).json().items;
    expect(pending.map((m: { id: string }) => m.id)).toEqual([big.json().id]);
    // The monthly figure is the cost rule's for March, the first full month: 31 × 180.00
    expect(pending[0]).toMatchObject({ monthlyEstimate: '5580.00', status: 'geplant' });
    expect((await lead.post(`/measures/${big.json().id}/approve`, { version: 1 })).statusCode).toBe(204);
    const after = (await fin.get('/finance/costs?month=2026-03')).json();
    // + 31 × 180.00 = 5580.00
    expect(after.total).toBe('7130.00');
  });

  it('refuses a measure for someone outside the family and an individual rate outside § 27 Abs. 2', async () => {
    const { cm, caseId, measure, tenant } = await setup();
    const stranger = await cm.post(`/cases/${caseId}/measures`, measure({ personId: tenant.users.admin.id }));
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].field).toBe('personId');
    const individual = await cm.post(
      `/cases/${caseId}/measures`,
      measure({ offerId: null, individualRate: { amount: '500.00', unit: 'month' } }),
    );
    expect(individual.statusCode).toBe(400);
    expect(individual.json().errors[0].field).toBe('individualRate');
  });

  it('applies a rate change from its date only', async () => {
    const { cm, fin, caseId, measure, spfh } = await setup();
    await cm.post(`/cases/${caseId}/measures`, measure({}));
    expect(
      (await fin.post(`/offers/${spfh}/rates`, { amount: '77.00', validFrom: '2026-04-16' })).statusCode,
    ).toBe(204);
    // April: 15 days at 50.00 per day (70 × 5 / 7) + 15 days at 55.00 (77 × 5 / 7) = 750 + 825
    expect((await fin.get('/finance/costs?month=2026-04')).json().total).toBe('1575.00');
    expect((await fin.get('/finance/costs?month=2026-03')).json().total).toBe('1550.00');
    const early = await fin.post(`/offers/${spfh}/rates`, { amount: '80.00', validFrom: '2026-04-16' });
    expect(early.statusCode).toBe(400);
  });
});

describe('the approval threshold and approving', () => {
  it('compares the threshold with the cost rule for the first full calendar month, not with 30 days', async () => {
    const { fin, cm, tenant, caseId, measure } = await setup();
    await fin.put('/finance/settings', { approvalThreshold: '1500.00' });
    // SpFH at 50.00 a day: 30 days would be 1500.00 (not above) for every begin
    const status = async (beginOn: string) =>
      (await cm.post(`/cases/${caseId}/measures`, measure({ beginOn }))).json() as {
        id: string;
        status: string;
      };
    const april = await status('2026-04-01'); // April: 30 × 50.00 = 1500.00
    const march = await status('2026-03-01'); // March: 31 × 50.00 = 1550.00
    const midFebruary = await status('2026-02-14'); // first full month March: 1550.00
    const february = await status('2026-02-01'); // February: 28 × 50.00 = 1400.00
    expect([april.status, march.status, midFebruary.status, february.status]).toEqual([
      'bewilligt',
      'geplant',
      'geplant',
      'bewilligt',
    ]);
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const pending = (await lead.get('/measures/approvals')).json().items as {
      id: string;
      monthlyEstimate: string;
    }[];
    expect(pending.map((m) => [m.id, m.monthlyEstimate])).toEqual([
      [march.id, '1550.00'],
      [midFebruary.id, '1550.00'],
    ]);
    const listed = (await cm.get(`/cases/${caseId}/measures`)).json() as {
      id: string;
      monthlyEstimate: string;
    }[];
    expect(listed.find((m) => m.id === february.id)?.monthlyEstimate).toBe('1400.00');
  });

  it('answers 409 to a stale version and to a change in the wrong state, and 404 to an unknown measure', async () => {
    const { tenant, cm, caseId, measure, heim, type, mother } = await setup();
    const small = (await cm.post(`/cases/${caseId}/measures`, measure({}))).json().id as string;
    const plan = async (over: Record<string, unknown> = {}) =>
      (
        await cm.post(
          `/cases/${caseId}/measures`,
          measure({ helpTypeId: type('34'), offerId: heim, hoursPerWeek: null, ...over }),
        )
      ).json().id as string;
    const big = await plan();
    // Another young person: one person is in one stationary help at a time.
    const other = await plan({ personId: mother });
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const end = { endOn: '2026-06-30', endReason: 'planmaessig' };
    const conflict = async (res: Promise<{ statusCode: number; json(): { title: string } }>) => {
      const answer = await res;
      return { status: answer.statusCode, title: answer.json().title };
    };
    const stale = { status: 409, title: 'Zwischenzeitlich geändert' };

    // Ending the approved measure moves it to version 2; an end on what one saw before is refused.
    expect((await cm.post(`/measures/${small}/end`, { ...end, version: 1 })).statusCode).toBe(204);
    expect(await conflict(cm.post(`/measures/${small}/end`, { ...end, version: 1 }))).toEqual(stale);
    // A planned measure is withdrawn, not ended; an approved one ended, not withdrawn.
    const planned = await cm.post(`/measures/${big}/end`, { ...end, version: 1 });
    expect(planned.statusCode).toBe(409);
    expect(planned.json().detail).toContain('zurückgezogen, nicht beendet');
    expect(await conflict(lead.post(`/measures/${big}/approve`, { version: 2 }))).toEqual(stale);
    expect((await lead.post(`/measures/${big}/approve`, { version: 1 })).statusCode).toBe(204);
    const approved = await cm.post(`/measures/${big}/withdraw`, { version: 2, reason: 'Familie lehnt ab' });
    expect(approved.statusCode).toBe(409);
    expect(approved.json().detail).toContain('beenden Sie sie');
    expect(
      await conflict(cm.post(`/measures/${other}/withdraw`, { version: 2, reason: 'Familie lehnt ab' })),
    ).toEqual(stale);
    const [unchanged] = (await lead.get('/measures/approvals')).json().items as {
      id: string;
      status: string;
      version: number;
    }[];
    expect(unchanged).toMatchObject({ id: other, status: 'geplant', version: 1 });

    const unknown = '00000000-0000-4000-8000-000000000000';
    const missingApprove = await lead.post(`/measures/${unknown}/approve`, { version: 1 });
    expect(missingApprove.statusCode).toBe(404);
    expect(missingApprove.json().detail).toBe('Die Maßnahme wurde nicht gefunden.');
    expect((await cm.post(`/measures/${unknown}/end`, { ...end, version: 1 })).statusCode).toBe(404);
    expect(
      (await cm.post(`/measures/${unknown}/withdraw`, { version: 1, reason: 'Familie lehnt ab' })).statusCode,
    ).toBe(404);
  });

  it('refuses the approval to a case manager of the case and audits the refusal', async () => {
    const { db, tenant, cm, caseId, measure, heim, type } = await setup();
    const big = (
      await cm.post(
        `/cases/${caseId}/measures`,
        measure({ helpTypeId: type('34'), offerId: heim, hoursPerWeek: null }),
      )
    ).json().id as string;
    expect((await cm.post(`/measures/${big}/approve`, { version: 1 })).statusCode).toBe(403);
    const denied = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'measure')
      .where('entity_id', '=', big)
      .where('action', '=', 'access_denied')
      .execute();
    expect(denied).toEqual([{ actor_id: tenant.users.caseManagerA.id, details: { purpose: 'approve' } }]);
  });

  it('lets a team lead who leads a case of their team start help above the threshold without waiting', async () => {
    const { db, tenant, type, heim } = await setup();
    // A Referatsleitung who also works cases: leads the case it opens
    await db
      .updateTable('app_user')
      .set({ roles: ['team_lead', 'case_manager'] })
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', tenant.users.teamLeadA.id)
      .execute();
    const lead = await Client.as(app, tenant, 'teamLeadA');
    const own = await openTestCase(lead, { childFirstName: 'Ida' });
    const detail = (await lead.get(`/cases/${own.caseId}`)).json();
    // Reached as the lead case manager, not as the team lead: the approval must not hang on that
    expect(detail).toMatchObject({ lead: { id: tenant.users.teamLeadA.id }, access: 'lead' });
    const child = detail.household.members.find((m: { role: string }) => m.role === 'kind').person.id;
    const res = await lead.post(`/cases/${own.caseId}/measures`, {
      personId: child,
      helpTypeId: type('34'),
      offerId: heim,
      individualRate: null,
      category: null,
      underlyingHelpTypeId: null,
      beginOn: '2026-03-01',
      plannedEndOn: null,
      hoursPerWeek: null,
      helpPlanId: null,
      reasons: [],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('bewilligt');
  });
});

describe('payments import', () => {
  it('writes nothing when any line is malformed, and reports each rejected line', async () => {
    const { db, tenant, cm, fin, caseId, measure } = await setup();
    const id = (await cm.post(`/cases/${caseId}/measures`, measure({}))).json().id;
    const csv = `measure,month,amount\n${id},2026-03,1400.00\n${id},2026-13,10.00\nkaputt\n${id},2026-03,1.00\n`;
    const res = await fin.post('/finance/payments?dryRun=false', { csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 1, written: false });
    expect(res.json().rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5]);
    const payments = await db
      .selectFrom('payment')
      .select('amount')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(payments).toEqual([]);
  });

  it('previews without writing, then writes the whole file; a payment replaces the computed month', async () => {
    const { fin, cm, caseId, measure } = await setup();
    const id = (await cm.post(`/cases/${caseId}/measures`, measure({}))).json().id;
    const csv = `Maßnahme;Monat;Betrag\n${id};2026-03;1400,00\n${id};2026-04;1500.50`;
    const preview = (await fin.post('/finance/payments', { csv })).json();
    expect(preview).toEqual({ accepted: 2, rejected: [], written: false, total: '2900.50' });
    expect((await fin.get('/finance/costs?month=2026-03')).json().total).toBe('1550.00');
    const written = (await fin.post('/finance/payments?dryRun=false', { csv })).json();
    expect(written.written).toBe(true);
    const march = (await fin.get('/finance/costs?month=2026-03')).json();
    expect(march.total).toBe('1400.00');
    expect(march.rows[0].paid).toBe(true);
  });

  it('is refused to case managers', async () => {
    const { cm } = await setup();
    expect((await cm.post('/finance/payments', { csv: 'x' })).statusCode).toBe(403);
    expect((await cm.get('/finance/costs?month=2026-03')).statusCode).toBe(403);
  });
});
