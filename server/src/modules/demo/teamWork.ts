import { addDays, weekdayOf } from '@leuchtturm/shared';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { insertChunked } from './queries/insert.ts';
import { demoOpenCases, demoOpenNeeds, demoTeamMembers, demoTeams } from './queries/teamWork.ts';
import { type Random, randomUuid } from './random.ts';

/**
 * The demo's team work (docs/conference-and-team.md): each team's Wochenkonferenz of the last four weeks (with
 * attendance, minutes and items in every rubric; the Tipps aus abgeschlossenen Fällen come from the closed demo
 * cases by themselves) and the next one, planned; the training status of modules 1-9; a few knowledge pages.
 */

const PAST_WEEKS = 4;

const questions = [
  'Wie gewinnen wir den Vater für die Hilfeplanung?',
  'Welche Ressourcen im Umfeld hat die Familie noch nicht genutzt?',
  'Reicht eine Beratung, oder braucht es eine Hilfe zur Erziehung?',
  'Wie kann die Schule die Anwesenheit des Kindes stützen?',
  'Was will die Jugendliche selbst, und wie kommen wir dahin?',
] as const;
const risks = [
  'Neue Meldung der Kita: blaue Flecken, Einordnung Grau- oder Gefährdungsbereich?',
  'Mutter in der Klinik: Wer versorgt die Kinder übergangsweise?',
  'Wiederholte Polizeimeldung häusliche Gewalt: weiteres Vorgehen?',
] as const;
const topics = [
  ['Neue Sprechstunde im Haus der Familie', 'Dienstags 14-16 Uhr offene Sprechstunde, auch ohne Termin.'],
  [
    'Sportverein sucht Kinder',
    'Der Sportverein am Park bietet kostenfreie Plätze für Kinder von 6 bis 10 Jahren.',
  ],
  [
    'Jobcenter: neue Ansprechpartnerin',
    'Für Familien mit Kindern unter drei Jahren gibt es eine feste Ansprechpartnerin.',
  ],
  [
    'Ferienprogramm im Jugendfreizeitheim',
    'Anmeldung ab sofort, Plätze für Familien aus dem Stadtteil reserviert.',
  ],
  [
    'Erziehungsberatung: kürzere Wartezeit',
    'Die Erziehungsberatungsstelle vergibt Ersttermine innerhalb von zwei Wochen.',
  ],
  ['Stadtteilmütter suchen Verstärkung', 'Frauen mit Türkisch- oder Arabischkenntnissen können sich melden.'],
] as const;

const knowledgePages = [
  [
    'arbeitshilfe',
    'Hausbesuch vorbereiten',
    '# Hausbesuch vorbereiten\n\n- Anlass und **Auftrag** klären\n- Termin absprechen, wenn der Schutz des Kindes es erlaubt\n- Hausbesuchsmappe aus der Fallakte drucken\n\nNach dem Besuch die Beobachtungen am selben Tag dokumentieren.',
  ],
  [
    'arbeitshilfe',
    'Kollegiale Beratung: Ablauf',
    '# Kollegiale Beratung\n\n1. Fallvorstellung mit **einer** Frage\n2. Verständnisfragen\n3. Ideen nach Quellen: Person, Umfeld, Stadtteil, Hilfen zur Erziehung\n4. Entscheidung der fallführenden Fachkraft\n5. Schlussfrage: *Welche Angebote bräuchten wir zukünftig im Sozialraum?*',
  ],
  [
    'qualitaetshandbuch',
    'Falleinordnung: Leistungs-, Grau- und Gefährdungsbereich',
    '# Falleinordnung\n\nJede Kurzberatung zur Risikoeinschätzung ordnet den Fall ein.\n\n- **Leistungsbereich**: die Familie sucht Unterstützung\n- **Graubereich**: Anhaltspunkte, die geklärt werden müssen\n- **Gefährdungsbereich**: Schutzauftrag nach § 8a SGB VIII\n\n> Im Zweifel gemeinsam mit der Referatsleitung einordnen.',
  ],
  [
    'qualitaetshandbuch',
    'Wille und Ziele erfragen',
    '# Wille und Ziele\n\nDer Wille der Familie ist Ausgangspunkt jeder Hilfe. Fragen Sie: *Was wollen Sie erreichen?*\n\n---\n\nSiehe auch die [Fachliche Weisung](https://www.soziales.bremen.de).',
  ],
  [
    'arbeitshilfe',
    'Wichtige Adressen im Stadtteil',
    '# Adressen\n\n- Haus der Familie: Sprechstunde dienstags\n- Erziehungsberatungsstelle: Ersttermin in zwei Wochen\n- Kinderschutzzentrum: rund um die Uhr erreichbar',
  ],
] as const;

function mondayOf(day: string): string {
  return addDays(day, 1 - weekdayOf(day));
}

export async function insertDemoTeamWork(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  counts: Record<string, number>,
  today: string,
) {
  const [teams, members, cases, needs] = await Promise.all([
    demoTeams(db, tenantId),
    demoTeamMembers(db, tenantId),
    demoOpenCases(db, tenantId),
    demoOpenNeeds(db, tenantId),
  ]);
  const thisMonday = mondayOf(today);
  const days = [
    ...Array.from({ length: PAST_WEEKS }, (_, k) => addDays(thisMonday, -7 * (PAST_WEEKS - 1 - k))),
    addDays(thisMonday, 7),
  ].filter((d, i, all) => all.indexOf(d) === i);
  const conferences: Insertable<DB['conference']>[] = [];
  const items: Insertable<DB['conference_item']>[] = [];
  const attendance: Insertable<DB['conference_attendance']>[] = [];
  for (const team of teams) {
    const people = members.filter((m) => m.team_id === team.id);
    const teamCases = cases.filter((c) => c.team_id === team.id);
    const districts = new Set(teamCases.map((c) => c.district_id));
    const teamNeeds = needs.filter((n) => districts.has(n.district_id));
    const lead = people.find((p) => p.roles.includes('team_lead'))?.id ?? null;
    for (const heldOn of days) {
      const id = randomUuid(rnd);
      const past = heldOn <= today;
      conferences.push({
        tenant_id: tenantId,
        id,
        team_id: team.id,
        held_on: heldOn,
        minutes: past ? 'Alle Punkte besprochen; Absprachen stehen bei den Punkten.' : '',
      });
      const item = (rubric: string, title: string, extra: Partial<Insertable<DB['conference_item']>> = {}) =>
        items.push({
          tenant_id: tenantId,
          conference_id: id,
          rubric,
          title,
          body: '',
          case_id: null,
          need_id: null,
          micro_project_id: null,
          created_by: lead,
          ...extra,
        });
      for (let i = 0; i < rnd.int(1, 2) && teamCases.length > 0; i++)
        item('fallberatung', rnd.pick(questions), { case_id: rnd.pick(teamCases).id });
      if (teamCases.length > 0 && rnd.chance(0.6))
        item('kurzberatung', rnd.pick(risks), { case_id: rnd.pick(teamCases).id });
      if (!past) continue;
      const [title, body] = rnd.pick(topics);
      item('tipps_themen', title, { body });
      if (teamNeeds.length > 0) {
        const need = rnd.pick(teamNeeds);
        item('bedarfsrunde', need.text, { need_id: need.id });
      }
      for (const p of people)
        if (rnd.chance(0.85)) attendance.push({ tenant_id: tenantId, conference_id: id, user_id: p.id });
    }
  }
  await insertChunked(db, 'conference', conferences, []);
  await insertChunked(db, 'conference_item', items, []);
  await insertChunked(db, 'conference_attendance', attendance, []);

  const year = Number(today.slice(0, 4));
  const training: Insertable<DB['training_status']>[] = [];
  for (const person of members) {
    if (!person.roles.some((r) => r === 'case_manager' || r === 'team_lead' || r === 'district_coordinator'))
      continue;
    for (let module = 1; module <= 9; module++) {
      const roll = rnd.next();
      // The basics (1-6) are mostly done; the later modules are often planned or still open.
      const done = module <= 6 ? roll < 0.8 : roll < 0.35;
      if (done) {
        const y = rnd.int(2016, year - 1);
        training.push({
          tenant_id: tenantId,
          user_id: person.id,
          module,
          done_on: `${y}-${String(rnd.int(1, 12)).padStart(2, '0')}-15`,
          planned_year: null,
        });
      } else if (rnd.chance(0.5)) {
        training.push({
          tenant_id: tenantId,
          user_id: person.id,
          module,
          done_on: null,
          planned_year: year + rnd.int(0, 1),
        });
      }
    }
  }
  await insertChunked(db, 'training_status', training, []);
  await insertChunked(
    db,
    'knowledge_page',
    knowledgePages.map(([kind, title, body]) => ({
      tenant_id: tenantId,
      kind,
      title,
      body,
      updated_by: null,
    })),
    [],
  );
  counts.conferences = conferences.length;
  counts.conference_items = items.length;
  counts.training_status = training.length;
  counts.knowledge_pages = knowledgePages.length;
}
