import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { caseWithReport } from '../../../test/worklist.ts';
import type { Database } from '../../db/database.ts';
import { serverJobs } from '../jobs/handlers.ts';
import { JobRegistry } from '../jobs/registry.ts';
import { JobRunner, type Timers } from '../jobs/runner.ts';
import {
  ESCALATION_EVERY_MS,
  ESCALATION_JOB,
  escalateChildProtectionDeadlines,
  escalateTenant,
} from './escalation.ts';
import { claimPassedDeadlines } from './queries/escalation.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** Timers that never fire: each test runs the runner's passes itself. */
const timers: Timers = { set: () => Symbol('timer'), clear: () => {} };

/**
 * The sweep as the server registers it, but under a kind of its own and for the test's tenant only: the job table
 * and (on PostgreSQL) the database are shared with the other test files, whose tenants are not this test's business.
 */
function sweepOf(tenant: TestTenant) {
  return new JobRegistry().every(
    `test.${ESCALATION_JOB}.${randomUUID()}`,
    ESCALATION_EVERY_MS,
    async (ctx) => {
      await escalateTenant(ctx.db, tenant.id, ctx.now);
    },
  );
}

async function kinderschutzNotifications(db: Database, tenant: TestTenant) {
  return db
    .selectFrom('notification')
    .select(['user_id', 'title', 'link', 'dedupe_key'])
    .where('tenant_id', '=', tenant.id)
    .where('kind', '=', 'kinderschutz_frist')
    .orderBy('user_id')
    .orderBy('dedupe_key')
    .execute();
}

describe('escalation of passed child-protection deadlines', () => {
  it('is the server sweep kinderschutz.fristen, every minute', () => {
    const definition = serverJobs().get(ESCALATION_JOB);
    expect(definition).toMatchObject({ everyMs: 60_000 });
    expect(definition?.handler).toBe(escalateChildProtectionDeadlines);
  });

  it('escalates a deadline that passed while the server was down after it starts again, once', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    // The team lead is deputised by a colleague who may not open the case: she is not told.
    await db
      .insertInto('deputy')
      .values({
        tenant_id: tenant.id,
        user_id: tenant.users.teamLeadA.id,
        deputy_user_id: tenant.users.colleagueA.id,
      })
      .execute();
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await caseWithReport(cm, tenant);
    const registry = sweepOf(tenant);
    let now = new Date();

    // Running before the deadline: nothing to escalate.
    const before = new JobRunner({ db, registry, now: () => now, timers });
    await before.start();
    await before.stop();
    expect(await kinderschutzNotifications(db, tenant)).toEqual([]);

    // The server is down while the 24 hours pass; then it starts again.
    now = new Date(now.getTime() + 25 * 3_600_000);
    const after = new JobRunner({ db, registry, now: () => now, timers });
    await after.start();
    await after.stop();
    const notified = await kinderschutzNotifications(db, tenant);
    const caseNumber = (await cm.get(`/cases/${caseId}`)).json().caseNumber as string;
    // The assessment and the home visit: one notification each for the team lead and the lead case manager.
    expect(notified.map((n) => [n.user_id, n.title])).toEqual(
      [
        [
          tenant.users.caseManagerA.id,
          `Kinderschutzfrist überschritten: Gefährdungseinschätzung (Fall ${caseNumber})`,
        ],
        [
          tenant.users.caseManagerA.id,
          `Kinderschutzfrist überschritten: Inaugenscheinnahme / Hausbesuch (Fall ${caseNumber})`,
        ],
        [
          tenant.users.teamLeadA.id,
          `Kinderschutzfrist überschritten: Gefährdungseinschätzung (Fall ${caseNumber})`,
        ],
        [
          tenant.users.teamLeadA.id,
          `Kinderschutzfrist überschritten: Inaugenscheinnahme / Hausbesuch (Fall ${caseNumber})`,
        ],
      ].sort(
        (a, b) =>
          (a[0] as string).localeCompare(b[0] as string) || (a[1] as string).localeCompare(b[1] as string),
      ),
    );
    expect(new Set(notified.map((n) => n.link))).toEqual(new Set([`/faelle/${caseId}?bereich=kinderschutz`]));
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect((await lead.get('/notifications/unread-count')).json()).toEqual({ unread: 2 });

    // A second start, a minute later: nothing new.
    now = new Date(now.getTime() + 60_000);
    const again = new JobRunner({ db, registry, now: () => now, timers });
    await again.start();
    expect(await again.runDue()).toBe(0);
    await again.stop();
    expect(await kinderschutzNotifications(db, tenant)).toHaveLength(4);

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('tenant_id', '=', tenant.id)
      .where('entity_type', '=', 'deadline_escalation')
      .execute();
    expect(audit).toHaveLength(2);
    for (const entry of audit) {
      expect(entry).toMatchObject({
        action: 'create',
        actor_id: null,
        details: { caseId, teamLeadNotified: true },
      });
      expect((entry.details as { notifiedUserIds: string[] }).notifiedUserIds.sort()).toEqual(
        [tenant.users.caseManagerA.id, tenant.users.teamLeadA.id].sort(),
      );
    }
  });

  it("tells the team lead's deputy once the case-access rule lets her open the case", async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    await db
      .insertInto('deputy')
      .values({
        tenant_id: tenant.id,
        user_id: tenant.users.teamLeadA.id,
        deputy_user_id: tenant.users.colleagueA.id,
      })
      .execute();
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId } = await caseWithReport(cm, tenant);
    const lead = await Client.as(app, tenant, 'teamLeadA');
    expect(
      (await lead.put(`/cases/${caseId}/access-grants/${tenant.users.colleagueA.id}`, {})).statusCode,
    ).toBe(204);
    expect(await escalateTenant(db, tenant.id, new Date(Date.now() + 25 * 3_600_000))).toBe(2);
    const users = new Set((await kinderschutzNotifications(db, tenant)).map((n) => n.user_id));
    expect(users).toEqual(
      new Set([tenant.users.teamLeadA.id, tenant.users.colleagueA.id, tenant.users.caseManagerA.id]),
    );
    // Case managers of another team are never told.
    expect(users.has(tenant.users.caseManagerB.id)).toBe(false);
  });

  it('leaves deadlines that have not passed and assessments already held alone', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const { caseId, checkId } = await caseWithReport(cm, tenant);
    expect(await escalateTenant(db, tenant.id, new Date(Date.now() + 22 * 3_600_000))).toBe(0);
    const assessed = await cm.put(`/cases/${caseId}/child-protection/${checkId}/assessment`, {
      heldAt: new Date().toISOString(),
      participantIds: [tenant.users.caseManagerA.id, tenant.users.colleagueA.id],
      facts: 'Gespräch mit der Kita.',
      riskFactors: 'Verletzungen.',
      protectiveFactors: 'Mutter sucht Hilfe.',
      version: 2,
    });
    expect(assessed.statusCode).toBe(204);
    // Only the home visit is still open once its day has passed.
    expect(await escalateTenant(db, tenant.id, new Date(Date.now() + 25 * 3_600_000))).toBe(1);
    const rows = await db
      .selectFrom('deadline_escalation')
      .select(['source_type'])
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(rows).toEqual([{ source_type: 'process_step' }]);
  });

  it('works off a backlog oldest first, a bounded number each run, each deadline once', async () => {
    const { db } = await testDatabase();
    const tenant = await createTestTenant(db);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    await caseWithReport(cm, tenant);
    const later = new Date(Date.now() + 25 * 3_600_000);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push((await claimPassedDeadlines(db, tenant.id, later, 1)).length);
    expect(runs).toEqual([1, 1, 0]);
  });
});
