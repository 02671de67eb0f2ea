import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase, testDatabaseUrl } from '../../../test/db.ts';
import { type DatabaseHandle, openDatabase } from '../../db/database.ts';
import { jobsOfKind } from './queries.ts';
import { type JobContext, JobRegistry } from './registry.ts';
import { JobRunner, type Timers } from './runner.ts';
import { schedule } from './schedule.ts';

/** A clock the test moves by hand. */
function clock(start = new Date('2026-03-02T08:00:00Z')) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** Timers that never fire by themselves: the test sees how many a runner has pending. */
function manualTimers() {
  const pending = new Set<unknown>();
  const timers: Timers = {
    set: () => {
      const handle = Symbol('timer');
      pending.add(handle);
      return handle;
    },
    clear: (handle) => void pending.delete(handle),
  };
  return { timers, pending };
}

// The job table is global and the PostgreSQL test database is shared by all workers: each test uses kinds of its own.
const uniqueKind = (name: string) => `test.${name}.${randomUUID()}`;

const extraHandles: DatabaseHandle[] = [];
afterAll(async () => {
  for (const handle of extraHandles) await handle.close();
});

describe('the durable job runner', () => {
  it('runs a job that fell due while no runner ran exactly once, at start', async () => {
    const { db } = await testDatabase();
    const kind = uniqueKind('catch-up');
    const time = clock();
    // Scheduled an hour ago, while "the server was down".
    await schedule(db, kind, new Date(time.now().getTime() - 3_600_000), {
      payload: { caseId: randomUUID() },
    });
    const ran: string[] = [];
    const registry = new JobRegistry().on(kind, async ({ job }) => {
      ran.push(job.id);
    });
    const { timers } = manualTimers();
    const runner = new JobRunner({ db, registry, now: time.now, timers });
    await runner.start();
    expect(ran).toHaveLength(1);
    // Further passes, and a second runner started later, find nothing to do.
    expect(await runner.runDue()).toBe(0);
    const later = new JobRunner({ db, registry, now: time.now, timers });
    await later.start();
    await Promise.all([runner.stop(), later.stop()]);
    expect(ran).toHaveLength(1);
    const [row] = await jobsOfKind(db, kind);
    expect(row).toMatchObject({ state: 'erledigt', attempts: 1 });
  });

  it('leaves a job alone until its time comes', async () => {
    const { db } = await testDatabase();
    const kind = uniqueKind('future');
    const time = clock();
    await schedule(db, kind, new Date(time.now().getTime() + 60_000));
    let ran = 0;
    const runner = new JobRunner({
      db,
      registry: new JobRegistry().on(kind, async () => {
        ran++;
      }),
      now: time.now,
    });
    expect(await runner.runDue()).toBe(0);
    time.advance(60_000);
    expect(await runner.runDue()).toBe(1);
    expect(ran).toBe(1);
  });

  it('schedules a job once per dedupe key, also after it ran', async () => {
    const { db } = await testDatabase();
    const kind = uniqueKind('dedupe');
    const time = clock();
    expect(await schedule(db, kind, time.now(), { dedupeKey: 'frist-1' })).not.toBeNull();
    expect(await schedule(db, kind, time.now(), { dedupeKey: 'frist-1' })).toBeNull();
    await new JobRunner({ db, registry: new JobRegistry().on(kind, async () => {}), now: time.now }).runDue();
    expect(await schedule(db, kind, time.now(), { dedupeKey: 'frist-1' })).toBeNull();
    expect(await jobsOfKind(db, kind)).toHaveLength(1);
  });

  it('never runs one job twice when two runners on two connections work the same table', async () => {
    const { db } = await testDatabase();
    // On PostgreSQL the second runner has a pool of its own (another client of the server); the embedded
    // database has one connection, so there the two runners share it.
    const url = testDatabaseUrl();
    const other = url ? await openDatabase({ url }) : null;
    if (other) extraHandles.push(other);
    const kind = uniqueKind('race');
    const time = clock();
    for (let i = 0; i < 30; i++) await schedule(db, kind, time.now(), { payload: { n: i } });
    const runs = new Map<string, number>();
    const handler = async ({ job, db: trx }: JobContext) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      // Keep the row locked a moment, so that the other runner reaches it while it is held.
      await trx.selectNoFrom((eb) => eb.fn('pg_sleep', [eb.val(0.005)]).as('slept')).execute();
    };
    const first = new JobRunner({ db, registry: new JobRegistry().on(kind, handler), now: time.now });
    const second = new JobRunner({
      db: other?.db ?? db,
      registry: new JobRegistry().on(kind, handler),
      now: time.now,
    });
    const [a, b] = await Promise.all([first.runDue(), second.runDue()]);
    expect(a + b).toBe(30);
    expect(runs.size).toBe(30);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const rows = await jobsOfKind(db, kind);
    expect(rows.every((r) => r.state === 'erledigt' && r.attempts === 1)).toBe(true);
  });

  it('retries a failing job later, undoes its writes, and marks it failed after the last attempt without losing it', async () => {
    const { db } = await testDatabase();
    const kind = uniqueKind('failing');
    const marker = uniqueKind('marker');
    const time = clock();
    await schedule(db, kind, time.now());
    let calls = 0;
    const registry = new JobRegistry().on(
      kind,
      async ({ db: trx }) => {
        calls++;
        // A write before the failure must not survive it.
        await schedule(trx, marker, time.now());
        throw new Error('Familie Beispiel nicht erreichbar');
      },
      { maxAttempts: 3 },
    );
    const errors: unknown[] = [];
    const runner = new JobRunner({ db, registry, now: time.now, onError: (e) => errors.push(e) });

    expect(await runner.runDue()).toBe(1);
    let [row] = await jobsOfKind(db, kind);
    expect(row).toMatchObject({ state: 'wartend', attempts: 1, last_error: 'Error' });
    expect(row?.run_at.getTime()).toBe(time.now().getTime() + 30_000);
    // Not before the back-off has passed.
    expect(await runner.runDue()).toBe(0);
    time.advance(30_000);
    expect(await runner.runDue()).toBe(1);
    [row] = await jobsOfKind(db, kind);
    expect(row).toMatchObject({ state: 'wartend', attempts: 2 });
    expect(row?.run_at.getTime()).toBe(time.now().getTime() + 60_000);
    time.advance(60_000);
    expect(await runner.runDue()).toBe(1);
    [row] = await jobsOfKind(db, kind);
    expect(row).toMatchObject({ state: 'fehlgeschlagen', attempts: 3, last_error: 'Error' });
    // Given up: it stays in the table and is not tried again.
    time.advance(24 * 3_600_000);
    expect(await runner.runDue()).toBe(0);
    expect(calls).toBe(3);
    expect(errors).toHaveLength(3);
    expect(await jobsOfKind(db, marker)).toEqual([]);
  });

  it('runs a sweep every interval, once after a long downtime, and keeps it going after a failure', async () => {
    const { db } = await testDatabase();
    const kind = uniqueKind('sweep');
    const time = clock();
    let runs = 0;
    let fail = false;
    const registry = new JobRegistry().every(kind, 60_000, async () => {
      runs++;
      if (fail) throw new Error('kaputt');
    });
    const { timers } = manualTimers();
    const runner = new JobRunner({ db, registry, now: time.now, timers });
    await runner.start();
    expect(runs).toBe(1);
    time.advance(30_000);
    expect(await runner.runDue()).toBe(0);
    time.advance(30_000);
    expect(await runner.runDue()).toBe(1);
    // Ten minutes down: one run, not ten.
    time.advance(10 * 60_000);
    expect(await runner.runDue()).toBe(1);
    expect(runs).toBe(3);
    fail = true;
    time.advance(60_000);
    expect(await runner.runDue()).toBe(1);
    const [row] = await jobsOfKind(db, kind);
    expect(row).toMatchObject({ state: 'wartend', attempts: 1, last_error: 'Error' });
    expect(row?.run_at.getTime()).toBe(time.now().getTime() + 30_000);
    fail = false;
    time.advance(30_000);
    expect(await runner.runDue()).toBe(1);
    const rows = await jobsOfKind(db, kind);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'wartend', attempts: 0, last_error: null });
    await runner.stop();
  });

  it('stops cleanly: the job in hand finishes and commits, and no timer is left', async () => {
    const { db } = await testDatabase();
    const kind = uniqueKind('stop');
    const time = clock();
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await schedule(db, kind, time.now());
    await schedule(db, kind, time.now());
    let finished = 0;
    const registry = new JobRegistry().on(kind, async () => {
      entered();
      await gate;
      finished++;
    });
    const { timers, pending } = manualTimers();
    const runner = new JobRunner({ db, registry, now: time.now, timers });
    const started = runner.start();
    await inHandler;
    let finishedWhenStopped: number | null = null;
    const stopping = runner.stop().then(() => {
      finishedWhenStopped = finished;
    });
    // Give stop() every chance to return early before the job in hand may finish.
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all([started, stopping]);
    expect(finishedWhenStopped).toBe(1);
    expect(runner.state).toBe('stopped');
    expect(pending.size).toBe(0);
    // The job in hand committed; the second was left for the next start.
    expect(finished).toBe(1);
    const states = (await jobsOfKind(db, kind)).map((r) => r.state).sort();
    expect(states).toEqual(['erledigt', 'wartend']);
  });

  it('keeps a timer for the next look while running, and none after stop', async () => {
    const { db } = await testDatabase();
    const { timers, pending } = manualTimers();
    const runner = new JobRunner({
      db,
      registry: new JobRegistry().on(uniqueKind('idle'), async () => {}),
      timers,
    });
    await runner.start();
    expect(pending.size).toBe(1);
    await runner.stop();
    expect(pending.size).toBe(0);
  });
});
