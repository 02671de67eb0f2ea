import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/http.ts';
import { setupMeasures } from '../../../test/measures.ts';
import { expectFieldProblem } from '../../../test/pages.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

/** The case of setupMeasures was opened on 2026-01-12; its child Muharem was born on 2013-05-17. */
const setup = () => setupMeasures(app);

async function countMeasures(s: Awaited<ReturnType<typeof setup>>) {
  return (await s.cm.get(`/cases/${s.caseId}/measures`)).json().length as number;
}

describe('plausible measures', () => {
  it('refuses a help that begins before the young person was born, naming beginOn, and writes nothing', async () => {
    const s = await setup();
    const res = await s.cm.post(
      `/cases/${s.caseId}/measures`,
      s.measure({ beginOn: '2013-05-01', beginReason: 'Übernahme aus Hamburg' }),
    );
    expectFieldProblem(res, 'beginOn');
    expect(res.json().errors[0].message).toContain('vor der Geburt');
    expect(await countMeasures(s)).toBe(0);
  });

  it('needs a reason for a begin before the case was opened, and keeps it with the measure', async () => {
    const s = await setup();
    const early = s.measure({ beginOn: '2025-11-01' });
    expectFieldProblem(await s.cm.post(`/cases/${s.caseId}/measures`, early), 'beginReason');
    expectFieldProblem(
      await s.cm.post(`/cases/${s.caseId}/measures`, { ...early, beginReason: '  ' }),
      'beginReason',
    );
    expect(await countMeasures(s)).toBe(0);
    const reason = 'Übernahme vom Jugendamt Hamburg-Nord, Hilfe lief dort weiter';
    const ok = await s.cm.post(`/cases/${s.caseId}/measures`, { ...early, beginReason: reason });
    expect(ok.statusCode, ok.body).toBe(201);
    // A begin on or after the opening needs none, and a reason sent anyway is not kept.
    const later = await s.cm.post(
      `/cases/${s.caseId}/measures`,
      s.measure({ beginOn: '2026-01-12', beginReason: 'überflüssig' }),
    );
    expect(later.statusCode).toBe(201);
    const listed = (await s.cm.get(`/cases/${s.caseId}/measures`)).json() as {
      id: string;
      beginReason: string | null;
    }[];
    expect(listed.map((m) => [m.id, m.beginReason])).toEqual([
      [ok.json().id, reason],
      [later.json().id, null],
    ]);
  });

  it('refuses a second stationary help of the same young person on a day of the first, not after its end', async () => {
    const s = await setup();
    const heim = (over: Record<string, unknown>) =>
      s.measure({ helpTypeId: s.type('34'), offerId: s.heim, hoursPerWeek: null, ...over });
    const first = await s.cm.post(`/cases/${s.caseId}/measures`, heim({ beginOn: '2026-03-01' }));
    expect(first.statusCode).toBe(201);
    // Planned (above the threshold) counts: the young person would be in two homes on the same day.
    const same = await s.cm.post(`/cases/${s.caseId}/measures`, heim({ beginOn: '2026-05-01' }));
    expectFieldProblem(same, 'beginOn');
    expect(same.json().errors[0].message).toContain('schon in einer stationären Hilfe');
    // Ambulant help beside it is fine; another person's stationary help too.
    expect((await s.cm.post(`/cases/${s.caseId}/measures`, s.measure({}))).statusCode).toBe(201);
    expect((await s.cm.post(`/cases/${s.caseId}/measures`, heim({ personId: s.mother }))).statusCode).toBe(
      201,
    );
    // Withdrawn, the first no longer blocks; nor does one that ended before the begin.
    const firstId = first.json().id as string;
    await s.cm.post(`/measures/${firstId}/withdraw`, { version: 1, reason: 'Familie zieht um' });
    expect((await s.cm.post(`/cases/${s.caseId}/measures`, heim({ beginOn: '2026-05-01' }))).statusCode).toBe(
      201,
    );
  });

  it('lets only one of two stationary plans for the same young person through when they arrive together', async () => {
    const s = await setup();
    const heim = (beginOn: string) =>
      s.measure({ helpTypeId: s.type('34'), offerId: s.heim, hoursPerWeek: null, beginOn });
    const answers = await Promise.all([
      s.cm.post(`/cases/${s.caseId}/measures`, heim('2026-03-01')),
      s.cm.post(`/cases/${s.caseId}/measures`, heim('2026-04-01')),
      s.cm.post(`/cases/${s.caseId}/measures`, heim('2026-05-01')),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400]);
    expect(await countMeasures(s)).toBe(1);
  });

  it('flags an approved help that runs past its planned end, and no other', async () => {
    const s = await setup();
    const add = async (over: Record<string, unknown>) =>
      (await s.cm.post(`/cases/${s.caseId}/measures`, s.measure(over))).json().id as string;
    const overdue = await add({ beginOn: '2026-02-01', plannedEndOn: '2026-02-28' });
    const onTime = await add({ beginOn: '2026-02-01', plannedEndOn: '2199-12-31' });
    const ended = await add({ beginOn: '2026-02-01', plannedEndOn: '2026-02-28' });
    const end = await s.cm.post(`/measures/${ended}/end`, {
      endOn: '2026-03-15',
      endReason: 'planmaessig',
      version: 1,
    });
    expect(end.statusCode).toBe(204);
    const listed = (await s.cm.get(`/cases/${s.caseId}/measures`)).json() as {
      id: string;
      overrun: boolean;
    }[];
    const flag = new Map(listed.map((m) => [m.id, m.overrun]));
    expect([flag.get(overdue), flag.get(onTime), flag.get(ended)]).toEqual([true, false, false]);
  });
});
