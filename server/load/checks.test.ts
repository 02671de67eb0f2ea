import { describe, expect, it } from 'vitest';
import { checkAnswer } from './checks.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const summary = {
  id: id(1),
  caseNumber: '2025-0001',
  title: 'Familie A.',
  status: 'offen',
  openedOn: '2025-01-02',
  closedOn: null,
  area: null,
  team: null,
  lead: { id: id(2), name: 'B.' },
  district: null,
  nextDue: null,
  overdue: 0,
  version: 1,
};
const region = { key: 'west', name: 'West', kind: 'district' };
const costYear = (year: number) => ({
  year,
  source: 'computed',
  jew: 10,
  ambulant: '1.00',
  stationaer: '1.00',
  sonstige: '0.00',
  total: '2.00',
  perJewAmbulant: '0.10',
  perJewStationaer: '0.10',
  perJewSonstige: '0.00',
  perJewTotal: '0.20',
});
const dashboard = {
  region,
  fromYear: 2024,
  toYear: 2025,
  quarters: [],
  years: [costYear(2024), costYear(2025)],
};

describe('load test answer checks', () => {
  it('accepts a case list of the route schema and refuses an error page sent with status 200', () => {
    expect(
      checkAnswer({ type: 'my_cases' }, { status: 200, body: { items: [summary], nextCursor: null } }),
    ).toBe(null);
    const page = checkAnswer({ type: 'search_person' }, { status: 200, body: '<html>Fehler</html>' });
    expect(page).toMatch(/passt nicht zum Schema/);
    const missing = checkAnswer(
      { type: 'my_cases' },
      { status: 200, body: { items: [{ ...summary, id: 7 }] } },
    );
    expect(missing).toMatch(/Abweichungen/);
  });

  it('refuses a wrong status with the server message, and expects 201 for a note', () => {
    const wrong = checkAnswer(
      { type: 'open_case', caseId: id(1) },
      { status: 500, body: { message: 'kaputt' } },
    );
    expect(wrong).toBe('Status 500 statt 200: {"message":"kaputt"}');
    expect(checkAnswer({ type: 'write_note' }, { status: 200, body: { id: id(3) } })).toMatch(
      /Status 200 statt 201/,
    );
    expect(checkAnswer({ type: 'write_note' }, { status: 201, body: { id: id(3) } })).toBe(null);
    expect(checkAnswer({ type: 'write_note' }, { status: 201, body: {} })).toMatch(/„id“/);
  });

  it('refuses a case other than the one asked for, and a case without the case page fields', () => {
    expect(checkAnswer({ type: 'open_case', caseId: id(9) }, { status: 200, body: summary })).toBe(
      `Fall ${id(1)} statt ${id(9)}`,
    );
    expect(checkAnswer({ type: 'open_case', caseId: id(1) }, { status: 200, body: null })).toMatch(
      /Fall undefined/,
    );
    // A summary is not the case page: the detail schema's own fields are missing.
    expect(checkAnswer({ type: 'open_case', caseId: id(1) }, { status: 200, body: summary })).toMatch(
      /Schema/,
    );
  });

  it('checks the dashboard region and every year asked for, and the key figures year', () => {
    const ok = { type: 'dashboard', region: 'west', from: 2024, to: 2025 } as const;
    expect(checkAnswer(ok, { status: 200, body: dashboard })).toBe(null);
    expect(checkAnswer({ ...ok, region: 'ost' }, { status: 200, body: dashboard })).toBe(
      'Region west statt ost',
    );
    expect(checkAnswer(ok, { status: 200, body: { ...dashboard, years: [costYear(2024)] } })).toBe(
      'Kostenjahre 2024 statt 2024-2025',
    );
    expect(
      checkAnswer({ type: 'key_figures', region: 'west', year: 2025 }, { status: 404, body: {} }),
    ).toMatch(/Status 404/);
  });
});
