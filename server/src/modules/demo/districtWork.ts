import type { NeedSource } from '@leuchtturm/shared';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  casesPerDistrict,
  countMentions,
  insertConsultationMentions,
  listDemoNeeds,
  listDistricts,
  setNeedsStatus,
} from './queries/districtWork.ts';
import { insertChunked } from './queries/insert.ts';
import { type Random, randomUuid } from './random.ts';

/**
 * The demo's work in the districts (docs/district-work.md): the needs' mentions from every source, and preventive
 * micro-projects (82 at city scale, as in Bremen 2019) with their budget: a frame of 800,000 € a year, allocated
 * to the districts, and commitments that leave every district some of its allocation free.
 */

export const DEMO_FRAME_EUROS = 800_000;
/** Share of the frame allocated, and of each district's allocation committed at most. */
const ALLOCATED_SHARE = 0.95;
const COMMITTED_SHARE = 0.7;

/** The seeds' projects: name, category, target group (003_…: "Beispiele präventiver Mikroprojekte"). */
const projectKinds = [
  ['Familienwohnzimmer', 'falluebergreifend', 'Familien an der Grenze zur SPFH'],
  ['Familienrat', 'methodisch', 'Familien in der Hilfeplanung'],
  ['Erlebnispädagogische Gruppe', 'regelstruktur', 'Kinder von 8 bis 12 Jahren, mit dem ReBuZ'],
  ['Kid Cool Training', 'regelstruktur', 'gewaltaffine Kinder in Grundschulen'],
  ['Elterncafé', 'falluebergreifend', 'Eltern mit Kindern unter sechs Jahren'],
  ['ELVE – Eltern lernen von Eltern', 'semiprofessionell', 'Eltern im Haus der Familie'],
  ['Coaching für Eltern behinderter Kinder', 'falluebergreifend', 'Eltern von Kindern mit Behinderung'],
  ['Gruppe auf der Jugendfarm', 'regelstruktur', 'Kinder mit besonderem Förderbedarf'],
  ['FIS – Familie im Stadtteil', 'semiprofessionell', 'Familien an der Schwelle zu HzE'],
  ['Kidstime', 'methodisch', 'Kinder psychisch kranker Eltern, mit der KJP'],
  ['Behördenlotsen', 'semiprofessionell', 'Familien mit Fragen an Ämter'],
  ['Stadtteilmütter', 'semiprofessionell', 'zugewanderte Familien mit kleinen Kindern'],
  ['Rucksack', 'regelstruktur', 'Kita-Kinder und ihre Eltern'],
  ['LOCKE', 'falluebergreifend', 'Jugendliche im Übergang Schule-Beruf'],
] as const;

const providers = [
  'Haus der Familie',
  'Verein Kinder- und Jugendhilfe e. V.',
  'Diakonische Jugendhilfe',
  'Caritas Familienhilfe',
  'AWO Kinder- und Jugendhilfe',
  'Jugendfarm e. V.',
  'Erziehungsberatungsstelle',
  'Stadtteilzentrum e. V.',
] as const;

const otherSources: readonly (readonly [NeedSource, number])[] = [
  ['bedarfsrunde', 4],
  ['erkundung', 3],
  ['gespraech', 2],
  ['besuch', 2],
  ['netzwerk', 2],
];

const day = (year: number, rnd: Random, lastMonth = 12) =>
  `${year}-${String(rnd.int(1, lastMonth)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
const money = (euros: number) => `${euros}.00`;

export async function insertDemoDistrictWork(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  factor: number,
  counts: Record<string, number>,
  today: string,
) {
  const thisYear = Number(today.slice(0, 4));
  // The current month may not be over: dates of this year end with the month before (January: January).
  const lastMonth = Math.max(1, Number(today.slice(5, 7)) - 1);
  const YEARS = [thisYear - 2, thisYear - 1, thisYear];

  // Mentions: each peer consultation's, then a third of the needs named again in rounds, explorations, talks,
  // visits and networks.
  await insertConsultationMentions(db, tenantId);
  const needs = await listDemoNeeds(db, tenantId);
  const mentions: Insertable<DB['need_mention']>[] = [];
  for (const need of needs) {
    if (!rnd.chance(0.35)) continue;
    for (let i = rnd.int(1, 4); i > 0; i--) {
      const year = rnd.pick(YEARS.filter((y) => y <= thisYear));
      const on = day(year, rnd, year === thisYear ? lastMonth : 12);
      mentions.push({
        tenant_id: tenantId,
        need_id: need.id,
        source: rnd.weighted(otherSources),
        // Not before the need was first named (ISO dates sort as text).
        mentioned_on: [on, need.created_on].sort()[1] ?? on,
      });
    }
  }
  await insertChunked(db, 'need_mention', mentions, []);
  await countMentions(db, tenantId);
  counts.need_mention_other_sources = mentions.length;

  // Budget frame and allocations.
  const districts = await listDistricts(db, tenantId);
  const weights = districts.map(() => 0.8 + rnd.next() * 0.4);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const allocation = new Map<string, number>();
  const frames: Insertable<DB['micro_budget_frame']>[] = [];
  const allocations: Insertable<DB['micro_budget_allocation']>[] = [];
  for (const year of YEARS) {
    frames.push({ tenant_id: tenantId, year, amount: money(DEMO_FRAME_EUROS) });
    districts.forEach((d, i) => {
      // Whole hundreds, rounded down: the sum stays below the frame.
      const euros =
        Math.floor((DEMO_FRAME_EUROS * ALLOCATED_SHARE * (weights[i] ?? 1)) / weightSum / 100) * 100;
      allocation.set(`${year}|${d.id}`, euros);
      allocations.push({ tenant_id: tenantId, year, district_id: d.id, amount: money(euros) });
    });
  }
  await insertChunked(db, 'micro_budget_frame', frames, []);
  await insertChunked(db, 'micro_budget_allocation', allocations, []);

  // Projects.
  const needsOf = new Map<string, string[]>();
  for (const n of needs) needsOf.set(n.district_id, [...(needsOf.get(n.district_id) ?? []), n.id]);
  const caseIds = new Map<string, string[]>();
  for (const c of await casesPerDistrict(db, tenantId, 40))
    caseIds.set(c.district_id, [...(caseIds.get(c.district_id) ?? []), c.id]);
  const committedIn = new Map<string, number>();
  const rows = {
    project: [] as Insertable<DB['micro_project']>[],
    district: [] as Insertable<DB['micro_project_district']>[],
    need: [] as Insertable<DB['micro_project_need']>[],
    budget: [] as Insertable<DB['micro_project_budget']>[],
    referral: [] as Insertable<DB['micro_project_referral']>[],
    participants: [] as Insertable<DB['micro_project_participants']>[],
    review: [] as Insertable<DB['micro_project_review']>[],
  };
  const inWork: string[] = [];
  const done: string[] = [];
  const total = Math.max(6, Math.round(82 * factor));
  for (let p = 0; p < total; p++) {
    const [kind, category, targetGroup] = rnd.pick(projectKinds);
    const home = districts[p % districts.length];
    if (!home) break;
    const projectDistricts = [home.id];
    const neighbour = districts[(p + 1) % districts.length];
    if (rnd.chance(0.15) && neighbour && neighbour.id !== home.id) projectDistricts.push(neighbour.id);
    const startYear = rnd.int(2019, thisYear);
    const status = rnd.weighted([
      ['laufend', startYear < thisYear ? 6 : 3],
      ['verstetigt', startYear < thisYear - 2 ? 3 : 0],
      ['beendet', startYear < thisYear - 1 ? 2 : 0],
      ['geplant', startYear === thisYear ? 3 : 0],
    ] as const);
    const endYear = status === 'beendet' ? rnd.int(startYear + 1, thisYear - 1) : null;
    const id = randomUuid(rnd);
    rows.project.push({
      tenant_id: tenantId,
      id,
      name: `${kind} ${home.name}`,
      category,
      provider: rnd.pick(providers),
      target_group: targetGroup,
      description: '',
      starts_on: `${startYear}-${status === 'geplant' ? '12' : String(rnd.int(1, 9)).padStart(2, '0')}-01`,
      ends_on: endYear ? `${endYear}-12-31` : null,
      status,
    });
    for (const districtId of projectDistricts)
      rows.district.push({ tenant_id: tenantId, project_id: id, district_id: districtId });
    const candidates = needsOf.get(home.id) ?? [];
    const taken = new Set<string>();
    for (let i = rnd.int(1, 2); i > 0 && candidates.length > 0; i--) taken.add(rnd.pick(candidates));
    for (const needId of taken) {
      rows.need.push({ tenant_id: tenantId, project_id: id, need_id: needId });
      (status === 'beendet' || status === 'verstetigt' ? done : inWork).push(needId);
    }
    if (status === 'geplant') continue;
    for (const year of YEARS) {
      if (year < startYear || (endYear !== null && year > endYear) || year > thisYear) continue;
      for (const districtId of projectDistricts) {
        const key = `${year}|${districtId}`;
        const room = (allocation.get(key) ?? 0) * COMMITTED_SHARE - (committedIn.get(key) ?? 0);
        const euros = Math.min(Math.floor(room / 100) * 100, rnd.int(40, 160) * 100);
        if (euros <= 0) continue;
        committedIn.set(key, (committedIn.get(key) ?? 0) + euros);
        const spentShare =
          year < thisYear ? 0.85 + rnd.next() * 0.15 : (lastMonth / 12) * (0.7 + rnd.next() * 0.3);
        rows.budget.push({
          tenant_id: tenantId,
          project_id: id,
          year,
          district_id: districtId,
          committed: money(euros),
          spent: money(Math.floor(euros * spentShare)),
        });
        // Referrals: most through case management, some of those linked to a case of the district.
        for (let r = rnd.int(4, 20); r > 0; r--) {
          const throughCm = rnd.chance(0.7);
          const cases = caseIds.get(districtId) ?? [];
          rows.referral.push({
            tenant_id: tenantId,
            project_id: id,
            district_id: districtId,
            referred_on: day(year, rnd, year === thisYear ? lastMonth : 12),
            route: throughCm ? 'case_management' : 'andere',
            case_id: throughCm && cases.length > 0 && rnd.chance(0.5) ? rnd.pick(cases) : null,
            actor: throughCm
              ? ''
              : rnd.pick(['Kita', 'Grundschule', 'Haus der Familie', 'Kinderarzt', 'Jobcenter']),
          });
        }
      }
      const lastQuarter = year === thisYear ? Math.ceil(lastMonth / 3) : 4;
      for (let q = 1; q <= lastQuarter; q++)
        rows.participants.push({
          tenant_id: tenantId,
          project_id: id,
          quarter: `${year}-Q${q}`,
          participants: rnd.int(4, 30),
        });
      rows.review.push({
        tenant_id: tenantId,
        project_id: id,
        kind: year % 2 === 0 ? 'qualitaetszirkel' : 'gemeinsame_auswertung',
        held_on: day(year, rnd, year === thisYear ? lastMonth : 12),
        summary:
          year % 2 === 0
            ? 'Im Qualitätszirkel besprochen: Zugänge über das Case Management stabil, Angebot passt zum Bedarf.'
            : 'Gemeinsame Auswertung mit dem Träger: Beauftragung ohne Ausschreibung hat sich bewährt.',
      });
    }
  }
  await insertChunked(db, 'micro_project', rows.project, []);
  await insertChunked(db, 'micro_project_district', rows.district, []);
  await insertChunked(db, 'micro_project_need', rows.need, []);
  await insertChunked(db, 'micro_project_budget', rows.budget, []);
  await insertChunked(db, 'micro_project_referral', rows.referral, []);
  await insertChunked(db, 'micro_project_participants', rows.participants, []);
  await insertChunked(db, 'micro_project_review', rows.review, []);
  await setNeedsStatus(db, tenantId, inWork, 'in_arbeit');
  await setNeedsStatus(
    db,
    tenantId,
    done.filter((id) => !inWork.includes(id)),
    'erledigt',
  );
  counts.micro_project = rows.project.length;
  counts.micro_project_referral = rows.referral.length;
}
