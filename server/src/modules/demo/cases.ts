import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { koelnerPhonetik } from '../persons/phonetics.ts';
import * as texts from './caseTexts.ts';
import { demoFamilyStatistics, hzeStatisticsStream } from './hzeStatistics.ts';
import { insertCaseCounter, insertChunked } from './queries/insert.ts';
import { listTeamMembers, listWholeStreets } from './queries/reads.ts';
import { type Random, randomUuid } from './random.ts';

/**
 * Ten years of case work for the demo city: families, cases with classification (most in the Leistungsbereich, a
 * minority grey, few danger), will and goals, resources, peer consultations with their needs, help plans.
 * New cases per year at city scale; the scale knob multiplies it.
 */
export const CASES_PER_YEAR = 3500;
export const DEMO_TODAY = '2026-11-20';
const FIRST_YEAR = 2016;

type Rows = { [T in keyof DB]?: Insertable<DB[T]>[] };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

export async function insertDemoCases(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  factor: number,
  counts: Record<string, number>,
  favouredUserId: string | null,
) {
  // Ordered by what is unique and stable (ids are random in the database), so that the draws are reproducible.
  const streets = await listWholeStreets(db, tenantId);
  const staff = await listTeamMembers(db, tenantId);
  const managers = new Map<string, string[]>();
  const teamStaff = new Map<string, string[]>();
  for (const u of staff) {
    if (u.team_id) teamStaff.set(u.team_id, [...(teamStaff.get(u.team_id) ?? []), u.id]);
    if (!u.team_id || !u.roles.includes('case_manager')) continue;
    managers.set(u.team_id, [...(managers.get(u.team_id) ?? []), u.id]);
  }
  const needs = new Map<string, { id: string; mentions: number; row: Insertable<DB['need']> }>();
  const today = Date.parse(DEMO_TODAY);
  const start = Date.parse(`${FIRST_YEAR}-01-01`);
  const total = Math.round(CASES_PER_YEAR * factor * ((today - start) / (365.25 * DAY)));
  let counter = 0;
  const familyStatistics = hzeStatisticsStream('familien');
  let rows: Rows = {};
  const push = <T extends keyof DB>(table: T, row: Insertable<DB[T]>) => {
    rows[table] ??= [] as never as Rows[T];
    (rows[table] as Insertable<DB[T]>[]).push(row);
  };
  const flush = async () => {
    const order: (keyof DB)[] = [
      'person',
      'household',
      'household_member',
      'case_file',
      'risk_consultation',
      'mandate',
      'will_and_goals',
      'goal',
      'resource',
      'action_step',
      'peer_consultation',
      'help_plan',
    ];
    for (const table of order) {
      const list = rows[table];
      if (list && list.length > 0) {
        counts[table] = (counts[table] ?? 0) + list.length;
        await insertChunked(db, table, list as never, []);
      }
    }
    rows = {};
  };

  // Needs are inserted first, since peer consultations point at them.
  const needFor = (districtId: string, cohort: string, text: string, on: string) => {
    const key = `${districtId}|${cohort}|${text}`;
    const existing = needs.get(key);
    if (existing) {
      existing.mentions++;
      return existing.id;
    }
    const id = randomUuid(rnd);
    needs.set(key, {
      id,
      mentions: 1,
      row: {
        tenant_id: tenantId,
        id,
        district_id: districtId,
        age_cohort: cohort,
        text,
        source: 'kollegiale_beratung',
        created_on: on,
      },
    });
    return id;
  };
  const peerRows: Insertable<DB['peer_consultation']>[] = [];
  const years = new Map<number, number>();

  for (let i = 0; i < total; i++) {
    const street = rnd.pick(streets);
    const team = managers.get(street.team_id) ?? [];
    if (team.length === 0) continue;
    const openedMs = start + Math.floor(rnd.next() * (today - start));
    const openedOn = isoDay(openedMs);
    const year = Number(openedOn.slice(0, 4));
    const number = (years.get(year) ?? 0) + 1;
    years.set(year, number);
    const areaDraw = rnd.next();
    const area = areaDraw < 0.75 ? 'leistung' : areaDraw < 0.95 ? 'grau' : 'gefaehrdung';
    const withPlan = rnd.chance(area === 'leistung' ? 0.45 : 0.6);
    const durationDays = withPlan ? rnd.int(120, 900) : rnd.int(14, 200);
    const closedMs = openedMs + durationDays * DAY;
    const closed = closedMs < today;
    const lead =
      favouredUserId && team.includes(favouredUserId) && rnd.chance(0.2) ? favouredUserId : rnd.pick(team);

    // Family
    const lastName = rnd.pick(texts.clientLastNames);
    const householdId = randomUuid(rnd);
    push('household', {
      tenant_id: tenantId,
      id: householdId,
      name: `Familie ${lastName}`,
      street_id: street.id,
      street_name: street.name,
      house_number: String(rnd.int(1, 120)),
      postal_code: street.postal_code,
      district_id: street.district_id,
      team_id: street.team_id,
    });
    const openedYear = Number(openedOn.slice(0, 4));
    const members: { first: string; birth: string; role: string; gender: string }[] = [
      {
        first: rnd.pick(texts.motherFirstNames),
        birth: `${openedYear - rnd.int(22, 45)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
        role: 'mutter',
        gender: 'weiblich',
      },
    ];
    if (rnd.chance(0.5))
      members.push({
        first: rnd.pick(texts.fatherFirstNames),
        birth: `${openedYear - rnd.int(24, 50)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
        role: 'vater',
        gender: 'maennlich',
      });
    const children = rnd.int(1, 3);
    for (let c = 0; c < children; c++) {
      const girl = rnd.chance(0.5);
      members.push({
        first: rnd.pick(girl ? texts.girlFirstNames : texts.boyFirstNames),
        birth: bornBefore(
          `${openedYear - rnd.int(0, 17)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
          openedOn,
        ),
        role: 'kind',
        gender: girl ? 'weiblich' : 'maennlich',
      });
    }
    members.forEach((m, position) => {
      const personId = randomUuid(rnd);
      push('person', {
        tenant_id: tenantId,
        id: personId,
        first_name: m.first,
        last_name: lastName,
        birth_date: m.birth,
        gender: m.gender,
        language: rnd.chance(0.3) ? rnd.pick(['türkisch', 'arabisch', 'polnisch', 'russisch']) : 'deutsch',
        phone: null,
        phonetic_first: koelnerPhonetik(m.first),
        phonetic_last: koelnerPhonetik(lastName),
      });
      push('household_member', {
        tenant_id: tenantId,
        household_id: householdId,
        person_id: personId,
        role: m.role,
        custody: m.role === 'kind' ? 'gemeinsam' : null,
        position,
      });
    });

    // Case
    const caseId = randomUuid(rnd);
    push('case_file', {
      tenant_id: tenantId,
      id: caseId,
      case_number: `${year}-${String(number).padStart(5, '0')}`,
      family_statistics: demoFamilyStatistics(familyStatistics),
      household_id: householdId,
      opened_on: openedOn,
      access_route: rnd.pick([
        'selbstmeldung',
        'selbstmeldung',
        'schule',
        'kita',
        'polizei',
        'arzt_klinik',
        'nachbarn',
        'andere_behoerde',
        'krise',
      ]),
      reporter: null,
      concern: rnd.pick(texts.concerns),
      team_id: street.team_id,
      lead_user_id: lead,
      district_id: street.district_id,
      status: closed ? 'abgeschlossen' : 'offen',
      closed_on: closed ? isoDay(closedMs) : null,
      closing_reason: closed
        ? rnd.pick([
            'ziele_erreicht',
            'keine_hilfe_noetig',
            'weitervermittlung',
            'zustaendigkeitswechsel',
            'mitwirkung_beendet',
          ])
        : null,
      closing_outcome: closed ? rnd.pick(['positiv', 'positiv', 'teilweise', 'negativ']) : null,
      closing_tip: closed && rnd.chance(0.1) ? 'Früh die Großeltern einbeziehen hat viel bewirkt.' : null,
    });
    const colleague = team.find((id) => id !== lead) ?? lead;
    const consultedOn = isoDay(openedMs + rnd.int(1, 10) * DAY);
    push('risk_consultation', {
      tenant_id: tenantId,
      case_id: caseId,
      held_on: consultedOn,
      participant_ids: [lead, colleague],
      facts: 'Gespräch mit der Familie und Rückmeldung der meldenden Stelle.',
      area,
      next_steps: 'Wille und Ziele mit der Familie erarbeiten.',
    });
    if (area !== 'leistung') {
      for (let m = rnd.int(1, 2); m > 0; m--) {
        const due = openedMs + rnd.int(14, 90) * DAY;
        const kind = area === 'gefaehrdung' && rnd.chance(0.6) ? 'auflage' : 'auftrag';
        push('mandate', {
          tenant_id: tenantId,
          case_id: caseId,
          kind,
          purpose: kind === 'auflage' || rnd.chance(0.5) ? 'abwendung' : 'klaerung',
          text: rnd.pick(texts.mandateTexts),
          addressee: `Frau ${lastName}`,
          due_on: isoDay(due),
          check_method: 'Rückmeldung der Schule oder Kita',
          review_on: isoDay(due + 7 * DAY),
          result:
            due < today - 7 * DAY
              ? rnd.pick(['erfuellt', 'erfuellt', 'teilweise', 'nicht_erfuellt'])
              : 'offen',
          consequence: null,
        });
      }
    }
    if (!withPlan && !rnd.chance(0.3)) continue;

    // Will, goals, resources
    push('will_and_goals', {
      tenant_id: tenantId,
      case_id: caseId,
      will: rnd.pick(texts.wills),
      direction_goal: rnd.pick(texts.directionGoals),
      updated_at: new Date(openedMs + 14 * DAY),
    });
    const goals: { id: string; text: string; dueOn: string }[] = [];
    for (let g = 0, n = rnd.int(1, 3); g < n; g++) {
      const goal = {
        id: randomUuid(rnd),
        text: rnd.pick(texts.actionGoals),
        dueOn: isoDay(openedMs + rnd.int(60, 240) * DAY),
      };
      goals.push(goal);
      push('goal', {
        tenant_id: tenantId,
        id: goal.id,
        case_id: caseId,
        position: g,
        text: goal.text,
        due_on: goal.dueOn,
      });
    }
    for (let r = 0, n = rnd.int(2, 4); r < n; r++) {
      const areaKey = rnd.pick(Object.keys(texts.resources) as (keyof typeof texts.resources)[]);
      push('resource', {
        tenant_id: tenantId,
        case_id: caseId,
        area: areaKey,
        description: rnd.pick(texts.resources[areaKey]),
        goal_id: rnd.chance(0.6) ? rnd.pick(goals).id : null,
        directory_entry_id: null,
      });
    }
    if (rnd.chance(0.25)) {
      const heldOn = isoDay(openedMs + rnd.int(15, 40) * DAY);
      // Moderation, minutes and perspective change: colleagues of the team, whatever their role.
      const others = (teamStaff.get(street.team_id) ?? []).filter((id) => id !== lead);
      const offset = rnd.int(0, Math.max(0, others.length - 1));
      const roles = [...others.slice(offset), ...others.slice(0, offset)];
      if (roles.length >= 3) {
        // The need is for the age of one of the family's children at the consultation.
        const child = rnd.pick(members.filter((m) => m.role === 'kind'));
        const cohort = texts.cohortOfAge(ageOn(child?.birth ?? openedOn, heldOn));
        const answer = rnd.pick(texts.needTexts[cohort]);
        peerRows.push({
          tenant_id: tenantId,
          case_id: caseId,
          held_on: heldOn,
          question: 'Welche Unterstützung im Alltag passt zum Willen der Familie?',
          moderator_id: roles[0] as string,
          minutes_id: roles[1] as string,
          perspective_id: roles[2] as string,
          ideas: JSON.stringify([
            { source: 'umfeld', text: 'Großeltern einbeziehen' },
            { source: 'sozialraum', text: 'Angebot im Haus der Familie' },
          ]),
          decision: 'Familienrat anbieten',
          closing_answer: answer,
          age_cohort: cohort,
          need_id: needFor(street.district_id, cohort, answer, heldOn),
        });
      }
    }
    if (withPlan) {
      let previous: string | null = null;
      const meetingStart = openedMs + rnd.int(20, 60) * DAY;
      const end = closed ? closedMs : today;
      for (let v = 1, meeting = meetingStart; meeting < end && v <= 6; v++, meeting += 182 * DAY) {
        const id = randomUuid(rnd);
        push('help_plan', {
          tenant_id: tenantId,
          id,
          case_id: caseId,
          version_no: v,
          supersedes_id: previous,
          application_on: isoDay(meetingStart - 10 * DAY),
          applicant: `${members[0]?.first} ${lastName}`,
          meeting_on: isoDay(meeting),
          participants: JSON.stringify(['Eltern', 'Kind', 'Fachkraft']),
          child_participated: rnd.chance(0.8),
          agreed_measures: 'Sozialpädagogische Familienhilfe und Anbindung an ein Angebot im Stadtteil.',
          review_on: isoDay(meeting + 180 * DAY),
          direction_goal: 'siehe Wille und Ziele',
          goals: JSON.stringify(goals),
          attainment: JSON.stringify(
            v === 1 ? [] : goals.map((g) => ({ goalId: g.id, score: String(rnd.int(2, 5)), note: null })),
          ),
          created_by: lead,
        });
        previous = id;
      }
    }
    if (++counter % 2000 === 0) await flush();
  }
  await flush();
  const needRows = [...needs.values()].map((n) => ({ ...n.row, mentions: n.mentions }));
  await insertChunked(db, 'need', needRows, []);
  await insertChunked(db, 'peer_consultation', peerRows, []);
  counts.need = needRows.length;
  counts.peer_consultation = peerRows.length;
  for (const [year, last] of years) {
    await insertCaseCounter(db, tenantId, year, last);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A child of the case is born before the case was opened (its help begins at the help plan, after the opening): a
 * birthday drawn later in the opening year moves to the year before.
 */
function bornBefore(birth: string, openedOn: string): string {
  return birth < openedOn ? birth : `${Number(birth.slice(0, 4)) - 1}${birth.slice(4)}`;
}

/** Full years of age on a day. */
function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}
