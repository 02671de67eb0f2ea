import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import { Client, testApp } from '../../../test/http.ts';
import { countingStatements } from '../../../test/statements.ts';
import { notify, notifyMany } from './service.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

async function setup() {
  const { db } = await testDatabase();
  const tenant = await createTestTenant(db);
  const send = (userIds: string[], title: string, dedupeKey: string | null = null) =>
    notify(db, { tenantId: tenant.id, userIds, kind: 'hinweis', title, link: '/faelle', dedupeKey });
  return { db, tenant, send };
}

describe('notifications', () => {
  it('shows a user their own notifications, newest first, with the unread count', async () => {
    const { tenant, send } = await setup();
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const colleague = await Client.as(app, tenant, 'colleagueA');
    await send([tenant.users.caseManagerA.id], 'Erste');
    await send([tenant.users.caseManagerA.id, tenant.users.colleagueA.id], 'Zweite');

    const mine = await cm.get('/notifications');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((n: { title: string }) => n.title)).toEqual(['Zweite', 'Erste']);
    expect(mine.json().items[0]).toMatchObject({ kind: 'hinweis', link: '/faelle', readAt: null });
    expect(mine.json().nextCursor).toBeNull();
    expect((await cm.get('/notifications/unread-count')).json()).toEqual({ unread: 2 });
    expect(
      (await colleague.get('/notifications')).json().items.map((n: { title: string }) => n.title),
    ).toEqual(['Zweite']);
  });

  it('notifies a user once per dedupe key, and skips inactive users', async () => {
    const { db, tenant, send } = await setup();
    await db
      .updateTable('app_user')
      .set({ active: false })
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', tenant.users.deputyA.id)
      .execute();
    const users = [tenant.users.caseManagerA.id, tenant.users.deputyA.id];
    expect(await send(users, 'Frist überfällig', 'frist:1')).toEqual([tenant.users.caseManagerA.id]);
    expect(await send(users, 'Frist überfällig', 'frist:1')).toEqual([]);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.get('/notifications/unread-count')).json()).toEqual({ unread: 1 });
  });

  it('writes a batch in one statement, answering per notification whom it notified, first of a dedupe key wins', async () => {
    const { db, tenant } = await setup();
    const { caseManagerA, colleagueA, deputyA } = tenant.users;
    await db.updateTable('app_user').set({ active: false }).where('id', '=', deputyA.id).execute();
    const item = (
      userIds: string[],
      title: string,
      dedupeKey: string | null,
      link: string | null = null,
    ) => ({
      tenantId: tenant.id,
      userIds,
      kind: 'hinweis' as const,
      title,
      link,
      dedupeKey,
    });
    const odd = 'Akte "2026-0001" {a,b} \\ NULL';
    const counted = countingStatements(db);
    const notified = await notifyMany(counted.db, [
      item([caseManagerA.id, deputyA.id, caseManagerA.id], odd, 'k:1', '/faelle'),
      item([caseManagerA.id, colleagueA.id], 'Zweite mit k:1', 'k:1'),
      item([], 'Niemand', 'k:2'),
      item([caseManagerA.id], odd, null, '/faelle'),
    ]);
    expect(notified).toEqual([[caseManagerA.id], [colleagueA.id], [], [caseManagerA.id]]);
    expect(counted.sent()).toBe(1);
    const rows = await sql<{
      user_id: string;
      title: string;
      link: string | null;
      dedupe_key: string | null;
    }>`
      select user_id, title, link, dedupe_key from notification where tenant_id = ${tenant.id}
      order by title, dedupe_key`.execute(db);
    expect(rows.rows).toEqual([
      { user_id: caseManagerA.id, title: odd, link: '/faelle', dedupe_key: 'k:1' },
      { user_id: caseManagerA.id, title: odd, link: '/faelle', dedupe_key: null },
      { user_id: colleagueA.id, title: 'Zweite mit k:1', link: null, dedupe_key: 'k:1' },
    ]);
    // Again: the keyed ones are there; only the unkeyed one is new.
    expect(
      await notifyMany(db, [
        item([caseManagerA.id], 'Zweite mit k:1', 'k:1'),
        item([colleagueA.id], 'x', null),
      ]),
    ).toEqual([[], [colleagueA.id]]);
    // One bad input refuses the whole batch before anything is written.
    await expect(
      notifyMany(db, [item([colleagueA.id], 'Gut', 'k:3'), item([colleagueA.id], 'Zeile\nZwei', null)]),
    ).rejects.toThrow(/title/);
    const written = await sql<{ n: number }>`select count(*)::int as n from notification
      where tenant_id = ${tenant.id}`.execute(db);
    expect(written.rows[0]?.n).toBe(4);
  });

  it('marks one and then all as read, and refuses to touch another user’s notification', async () => {
    const { tenant, send } = await setup();
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const colleague = await Client.as(app, tenant, 'colleagueA');
    await send([tenant.users.caseManagerA.id], 'Eins');
    await send([tenant.users.caseManagerA.id], 'Zwei');
    await send([tenant.users.caseManagerA.id], 'Drei');
    const [first] = (await cm.get('/notifications')).json().items;

    expect((await colleague.post(`/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await cm.get('/notifications/unread-count')).json()).toEqual({ unread: 3 });

    expect((await cm.post(`/notifications/${first.id}/read`)).statusCode).toBe(204);
    expect((await cm.get('/notifications/unread-count')).json()).toEqual({ unread: 2 });
    const readAt = (await cm.get('/notifications')).json().items[0].readAt;
    expect(readAt).not.toBeNull();
    // Reading it again keeps the first time it was read.
    await cm.post(`/notifications/${first.id}/read`);
    expect((await cm.get('/notifications')).json().items[0].readAt).toBe(readAt);

    expect((await cm.post('/notifications/read-all')).json()).toEqual({ marked: 2 });
    expect((await cm.get('/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('pages through the inbox without repeating or skipping, also within one transaction’s timestamp', async () => {
    const { db, tenant } = await setup();
    // Five in one transaction share created_at (now() is the transaction's start): the id breaks the tie.
    await db.transaction().execute(async (trx) => {
      for (let i = 1; i <= 5; i++)
        await notify(trx, {
          tenantId: tenant.id,
          userIds: [tenant.users.caseManagerA.id],
          kind: 'hinweis',
          title: `Nr. ${i}`,
          link: null,
          dedupeKey: null,
        });
    });
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await cm.get(`/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((n: { title: string }) => n.title));
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual(['Nr. 1', 'Nr. 2', 'Nr. 3', 'Nr. 4', 'Nr. 5']);
  });

  it('answers a forged cursor with 400 on the field cursor, and an anonymous request with 401', async () => {
    const { tenant } = await setup();
    const cm = await Client.as(app, tenant, 'caseManagerA');
    const forged = Buffer.from(JSON.stringify({ at: "2026-01-01'; drop table job; --", id: 'x' })).toString(
      'base64url',
    );
    const res = await cm.get(`/notifications?cursor=${forged}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('cursor');
    const anonymous = new Client(app, tenant);
    expect((await anonymous.get('/notifications/unread-count')).statusCode).toBe(401);
  });

  it('refuses a title with a line break or a link outside the app before anything is written', async () => {
    const { tenant, send, db } = await setup();
    await expect(send([tenant.users.caseManagerA.id], 'Zeile\nZwei')).rejects.toThrow(/title/);
    await expect(
      notify(db, {
        tenantId: tenant.id,
        userIds: [tenant.users.caseManagerA.id],
        kind: 'hinweis',
        title: 'Extern',
        link: '//example.org/x',
        dedupeKey: null,
      }),
    ).rejects.toThrow(/link/);
    const cm = await Client.as(app, tenant, 'caseManagerA');
    expect((await cm.get('/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });
});
