import { describe, expect, it } from 'vitest';
import { errorCount, Recorder } from './stats.ts';
import { type Account, assignAccounts } from './users.ts';

describe('load test recorder', () => {
  it('gives p50, p95, p99 by nearest rank and counts only requests started in the window', () => {
    const r = new Recorder();
    for (let ms = 1; ms <= 100; ms++) r.record('open_case', ms, ms !== 7, `${ms}`, true);
    r.record('open_case', 5000, true, '', false);
    const [open, all] = r.summarise(10, ['open_case', 'dashboard']);
    expect(open).toMatchObject({
      type: 'open_case',
      requests: 100,
      perSecond: 10,
      p50: 50,
      p95: 95,
      p99: 99,
    });
    expect(open?.max).toBe(100);
    expect(open?.errors).toBe(1);
    expect(all).toMatchObject({ type: 'all', requests: 100, errors: 1 });
  });

  it('keeps errors outside the window by type with the first message of each, so they still fail the run', () => {
    const r = new Recorder();
    r.record('dashboard', 10, false, 'Status 500 statt 200', false);
    r.record('open_case', 10, false, 'Fall b statt a', true);
    r.record('dashboard', 10, false, 'Status 503 statt 200', true);
    r.record('open_case', 10, true, '', true);
    const errors = r.errorsByType(['open_case', 'dashboard']);
    expect(errors).toEqual([
      { type: 'open_case', inWindow: 1, outside: 0, first: 'Fall b statt a' },
      { type: 'dashboard', inWindow: 1, outside: 1, first: 'Status 500 statt 200' },
    ]);
    expect(errorCount({ errors })).toBe(3);
    // The window's table counts only the errors of requests started in it.
    expect(r.summarise(1, ['open_case', 'dashboard']).map((l) => l.errors)).toEqual([1, 1, 2]);
  });
});

describe('load test users', () => {
  it('gives 20 of 25 users to case managers, 2 to team leads and 3 to steering, taking accounts in turn', () => {
    const accounts: Account[] = [
      { username: 'a', persona: 'case_manager' },
      { username: 'b', persona: 'case_manager' },
      { username: 't', persona: 'team_lead' },
      { username: 's', persona: 'steering' },
    ];
    const users = assignAccounts(accounts, 50);
    const count = (p: string) => users.filter((u) => u.persona === p).length;
    expect([count('case_manager'), count('team_lead'), count('steering')]).toEqual([40, 4, 6]);
    expect(users.filter((u) => u.username === 'a').length).toBe(20);
  });
});
