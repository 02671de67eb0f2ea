import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, testApp } from '../../../test/http.ts';
import { setupMeasures } from '../../../test/measures.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe('withdrawing a planned measure', () => {
  it('keeps the measure as withdrawn, takes it off the approvals, refuses approving it, and audits the change', async () => {
    const s = await setupMeasures(app);
    const planned = await s.cm.post(
      `/cases/${s.caseId}/measures`,
      s.measure({ helpTypeId: s.type('34'), offerId: s.heim, hoursPerWeek: null }),
    );
    expect(planned.json().status).toBe('geplant');
    const id = planned.json().id as string;
    const lead = await Client.as(app, s.tenant, 'teamLeadA');

    expect(
      (await s.cm.post(`/measures/${id}/withdraw`, { version: 1, reason: 'Familie lehnt ab' })).statusCode,
    ).toBe(204);
    const listed = (await s.cm.get(`/cases/${s.caseId}/measures`)).json() as { id: string }[];
    expect(listed.find((m) => m.id === id)).toMatchObject({
      status: 'zurueckgezogen',
      endOn: null,
      version: 2,
    });
    expect((await lead.get('/measures/approvals')).json().items).toEqual([]);
    const approve = await lead.post(`/measures/${id}/approve`, { version: 2 });
    expect(approve.statusCode).toBe(409);
    expect(approve.json().detail).toContain('zurückgezogen');
    expect(
      (await s.cm.post(`/measures/${id}/withdraw`, { version: 2, reason: 'Familie lehnt ab' })).statusCode,
    ).toBe(409);
    // It never ran: no costs, and no end.
    expect((await s.fin.get('/finance/costs?month=2026-03')).json().rows).toEqual([]);
    const ended = await s.cm.post(`/measures/${id}/end`, {
      endOn: '2026-06-30',
      endReason: 'abbruch',
      version: 2,
    });
    expect(ended.statusCode).toBe(409);

    const entries = await s.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('tenant_id', '=', s.tenant.id)
      .where('entity_type', '=', 'measure')
      .where('entity_id', '=', id)
      .where('action', '=', 'update')
      .execute();
    expect(entries).toEqual([
      {
        action: 'update',
        actor_id: s.tenant.users.caseManagerA.id,
        details: { caseId: s.caseId, fields: ['status'], status: 'zurueckgezogen' },
      },
    ]);
  });

  it('is refused, and audited, for a user without access to the case', async () => {
    const s = await setupMeasures(app);
    const id = (
      await s.cm.post(
        `/cases/${s.caseId}/measures`,
        s.measure({ helpTypeId: s.type('34'), offerId: s.heim, hoursPerWeek: null }),
      )
    ).json().id as string;
    const stranger = await Client.as(app, s.tenant, 'caseManagerB');
    expect(
      (await stranger.post(`/measures/${id}/withdraw`, { version: 1, reason: 'Familie lehnt ab' }))
        .statusCode,
    ).toBe(403);
    const denied = await s.db
      .selectFrom('audit_log')
      .select(['entity_type', 'entity_id'])
      .where('tenant_id', '=', s.tenant.id)
      .where('actor_id', '=', s.tenant.users.caseManagerB.id)
      .where('action', '=', 'access_denied')
      .execute();
    expect(denied).toEqual([{ entity_type: 'case', entity_id: s.caseId }]);
    const listed = (await s.cm.get(`/cases/${s.caseId}/measures`)).json() as { status: string }[];
    expect(listed.map((m) => m.status)).toEqual(['geplant']);
  });
});
