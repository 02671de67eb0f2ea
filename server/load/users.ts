import { lastNames } from '../src/modules/demo/city.ts';
import { checkAnswer, type Expectation, regionList } from './checks.ts';
import type { Answer, Client } from './client.ts';
import { LOAD_PASSWORD, LOAD_SLUG } from './data.ts';
import type { Recorder } from './stats.ts';

/**
 * The simulated office. Each user is one of the city's staff, signed in through the API like a browser (a session
 * each), and works in a mix that follows the role:
 * - case managers (80 % of the users): Meine Fälle, open a case, write an Aktenvermerk, search a person;
 * - team leads (8 %): the team's cases, open a case, search a person;
 * - steering (12 %: district coordinators, centre leads, controlling, the director): a region's dashboard over ten
 *   years and its key figures.
 */
export type RequestType =
  | 'my_cases'
  | 'open_case'
  | 'write_note'
  | 'search_person'
  | 'dashboard'
  | 'key_figures';
export const requestTypes: RequestType[] = [
  'my_cases',
  'open_case',
  'write_note',
  'search_person',
  'dashboard',
  'key_figures',
];

type Persona = 'case_manager' | 'team_lead' | 'steering';
const mixes: Record<Persona, [RequestType, number][]> = {
  case_manager: [
    ['my_cases', 30],
    ['open_case', 35],
    ['write_note', 15],
    ['search_person', 20],
  ],
  team_lead: [
    ['my_cases', 30],
    ['open_case', 40],
    ['search_person', 30],
  ],
  steering: [
    ['dashboard', 50],
    ['key_figures', 50],
  ],
};
const steeringRoles = ['district_coordinator', 'centre_lead', 'controller', 'director'];

export interface Account {
  username: string;
  persona: Persona;
}

/** The city's active staff by persona (read through the API as the administration). */
export async function listAccounts(client: Client): Promise<Account[]> {
  const admin = await signIn(client, 'admin');
  const res = await client.request('GET', '/api/v1/organisation/staff?limit=1000', admin.headers);
  if (res.status !== 200) throw new Error(`Mitarbeitende nicht lesbar: ${res.status}`);
  const staff = res.body as { username: string; roles: string[]; active: boolean }[];
  const accounts: Account[] = [];
  for (const s of staff) {
    if (!s.active) continue;
    if (s.roles.includes('case_manager')) accounts.push({ username: s.username, persona: 'case_manager' });
    else if (s.roles.includes('team_lead')) accounts.push({ username: s.username, persona: 'team_lead' });
    else if (s.roles.some((r) => steeringRoles.includes(r)))
      accounts.push({ username: s.username, persona: 'steering' });
  }
  return accounts;
}

/** `count` users: 80 % case managers, 8 % team leads, 12 % steering, each persona's accounts taken in turn. */
export function assignAccounts(accounts: Account[], count: number): Account[] {
  const pools: Record<Persona, Account[]> = { case_manager: [], team_lead: [], steering: [] };
  for (const a of accounts) pools[a.persona].push(a);
  const next: Record<Persona, number> = { case_manager: 0, team_lead: 0, steering: 0 };
  const users: Account[] = [];
  for (let i = 0; i < count; i++) {
    const slot = i % 25; // 20 of 25 case managers, 2 team leads, 3 steering
    const persona: Persona = slot < 20 ? 'case_manager' : slot < 22 ? 'team_lead' : 'steering';
    const pool = pools[persona];
    const account = pool[next[persona]++ % pool.length];
    if (!account) throw new Error(`Keine Konten der Art ${persona}`);
    users.push(account);
  }
  return users;
}

export interface Session {
  userId: string;
  headers: Record<string, string>;
}

export async function signIn(client: Client, username: string): Promise<Session> {
  const res = await client.request(
    'POST',
    '/api/v1/auth/login',
    {},
    {
      username,
      password: LOAD_PASSWORD,
      tenant: LOAD_SLUG,
    },
  );
  const body = res.body as { csrfToken?: string; user?: { id: string } };
  if (res.status !== 200 || !res.cookie || !body.csrfToken || !body.user) {
    throw new Error(`Anmeldung von ${username} fehlgeschlagen: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { userId: body.user.id, headers: { cookie: res.cookie, 'x-csrf-token': body.csrfToken } };
}

/** A signed-in simulated user with what it learned on its start page (its cases, or the regions it steers). */
export class SimulatedUser {
  private cases: { id: string; mine: boolean }[] = [];
  private regions: string[] = [];
  private draws = 0;

  constructor(
    private readonly client: Client,
    readonly account: Account,
    private readonly session: Session,
    private readonly seed: number,
  ) {}

  /** The start page: the own cases (case work) or the list of regions (steering). Not measured. */
  async start(): Promise<void> {
    if (this.account.persona === 'steering') {
      const res = await this.get('/api/v1/controlling/regions');
      const regions = regionList.safeParse(res.body);
      if (res.status !== 200 || !regions.success) throw new Error(`Regionen: ${res.status}`);
      this.regions = regions.data.filter((r) => r.kind !== 'external').map((r) => r.key);
      if (this.regions.length === 0) throw new Error(`Keine Regionen für ${this.account.username}`);
    } else {
      this.cases = await this.loadCases();
    }
  }

  private async loadCases() {
    const scope = this.account.persona === 'team_lead' ? 'team' : 'mine';
    const res = await this.get(`/api/v1/cases?scope=${scope}&limit=100`);
    const wrong = checkAnswer({ type: 'my_cases' }, res);
    if (wrong) throw new Error(`Meine Fälle von ${this.account.username}: ${wrong}`);
    const items = (res.body as { items: { id: string; lead: { id: string } | null }[] }).items;
    if (items.length === 0) throw new Error(`Keine Fälle für ${this.account.username}`);
    return items.map((c) => ({ id: c.id, mine: c.lead?.id === this.session.userId }));
  }

  /** A number in [0, 1) from the user's own sequence: runs with the same seed make the same choices. */
  random(): number {
    const x = Math.sin(this.seed * 9973 + ++this.draws * 7919) * 10000;
    return x - Math.floor(x);
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  /** The request types of the user's mix. */
  types(): RequestType[] {
    return mixes[this.account.persona].map(([type]) => type);
  }

  nextType(): RequestType {
    const mix = mixes[this.account.persona];
    const total = mix.reduce((s, [, w]) => s + w, 0);
    let r = this.random() * total;
    for (const [type, weight] of mix) {
      r -= weight;
      if (r < 0) return type;
    }
    return mix[0]?.[0] as RequestType;
  }

  /**
   * Makes one request of `type` and records its time; an error is an answer `checkAnswer` refuses (the wrong
   * status, a body not of the route's schema, another case or region than asked for), a time-out or a broken
   * connection.
   */
  async act(type: RequestType, recorder: Recorder): Promise<void> {
    const counted = recorder.open;
    const started = performance.now();
    let detail: string | null;
    try {
      const [answer, expected] = this.send(type);
      detail = checkAnswer(expected, await answer);
    } catch (error) {
      detail = (error as Error).message;
    }
    recorder.record(type, performance.now() - started, detail === null, detail ?? '', counted);
  }

  private send(type: RequestType): [Promise<Answer>, Expectation] {
    const year = 2025;
    switch (type) {
      case 'my_cases':
        return [
          this.get(`/api/v1/cases?scope=${this.account.persona === 'team_lead' ? 'team' : 'mine'}`),
          { type },
        ];
      case 'open_case': {
        const caseId = this.pick(this.cases)?.id ?? '00000000-0000-4000-8000-000000000000';
        return [this.get(`/api/v1/cases/${caseId}`), { type, caseId }];
      }
      case 'write_note': {
        const own = this.cases.filter((c) => c.mine);
        const target = this.pick(own.length > 0 ? own : this.cases);
        const note = this.client.request('POST', `/api/v1/cases/${target?.id}/notes`, this.session.headers, {
          occurredAt: new Date().toISOString(),
          kind: this.pick(['telefonat', 'gespraech_im_amt', 'hausbesuch'] as const),
          staffIds: [],
          others: ['Mutter'],
          text: 'Lasttest: Telefonat mit der Mutter, Termin für das nächste Gespräch vereinbart.',
          link: null,
          correctsId: null,
        });
        return [note, { type }];
      }
      case 'search_person':
        return [
          this.get(
            `/api/v1/cases?scope=all&status=alle&q=${encodeURIComponent(this.pick(lastNames) ?? 'M')}`,
          ),
          { type },
        ];
      case 'dashboard': {
        const region = this.pick(this.regions) ?? '';
        const url = `/api/v1/controlling/dashboard?region=${encodeURIComponent(region)}&from=2016&to=${year}`;
        return [this.get(url), { type, region, from: 2016, to: year }];
      }
      case 'key_figures': {
        const region = this.pick(this.regions) ?? '';
        const url = `/api/v1/controlling/kpis?region=${encodeURIComponent(region)}&year=${year}`;
        return [this.get(url), { type, region, year }];
      }
    }
  }

  private get(url: string): Promise<Answer> {
    return this.client.request('GET', url, { cookie: this.session.headers.cookie as string });
  }
}
