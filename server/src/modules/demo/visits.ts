import { addDays, ageCohorts } from '@leuchtturm/shared';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { insertChunked } from './queries/insert.ts';
import { teamsForDistrictWork } from './queries/visits.ts';
import { type Random, randomUuid } from './random.ts';

/**
 * The demo's case-independent work (docs/district-visits-and-networks.md): per team a few Institutionenbesuche with
 * follow-ups (some due in the coming days, so that they show in the work lists), Stadtteilbegehungen, Erkundungen and
 * talks, and one network per age cohort with its members and meetings. A handful of rows per team: fast at every scale.
 */

const institutions = [
  ['Kita Regenbogen', 'Krippe und Elementarbereich, Sprachförderung', 'Leitung und Elternbegleiterin'],
  ['Haus der Familie', 'Elterncafé, Krabbelgruppe, Familienbildung', 'Koordinatorin des Hauses'],
  ['Grundschule am Park', 'Ganztag, Schulsozialarbeit', 'Schulleitung, Schulsozialarbeiter'],
  ['Jugendfreizeitheim', 'offener Treff, Hausaufgabenhilfe, Ferienfahrten', 'Leitung des Freizeitheims'],
  ['Erziehungsberatungsstelle', 'Beratung für Eltern und Jugendliche, Gruppen', 'Beraterin im Erstkontakt'],
  ['Sportverein im Stadtteil', 'Fußball, Turnen, Mädchensport', 'Jugendwart'],
  ['Oberschule am Fluss', 'Berufsorientierung, Mentoring', 'Beratungslehrerin'],
  ['Mütterzentrum', 'Stadtteilmütter, Sprachkurse mit Kinderbetreuung', 'Projektleitung'],
] as const;

const followUpTexts = [
  'Infoabend für Eltern abstimmen',
  'Flyer der Angebote ins Team geben',
  'Ansprechpartnerin zur Wochenkonferenz einladen',
  'Rückmeldung zu den Wartezeiten geben',
] as const;

const topics = [
  ['erkundung', 'Wo verbringen die Kinder ihre Nachmittage?'],
  ['erkundung', 'Welche Orte im Quartier meiden Familien?'],
  ['gespraech', 'Austausch mit Eltern am Spielplatz'],
  ['gespraech', 'Gespräch mit Jugendlichen vor dem Freizeitheim'],
] as const;

const externals = [
  ['Hebammenpraxis am Hafen', 'Frau Yilmaz'],
  ['Kinderarztpraxis', 'Herr Dr. Brandt'],
  ['Kita-Verbund', 'Frau Okafor'],
  ['Schulsozialarbeit', 'Herr Nowak'],
  ['Jobcenter, U25', 'Frau Lange'],
  ['Jugendberufsagentur', 'Herr Petersen'],
] as const;

const cohortNames: Record<(typeof ageCohorts.values)[number], string> = {
  '0-3': 'Frühe Hilfen',
  '3-10': 'Kita und Grundschule',
  '10-16': 'Oberschule',
  '16+': 'Übergang Schule-Beruf',
};

export async function insertDemoVisits(
  db: Kysely<DB>,
  tenantId: string,
  rnd: Random,
  counts: Record<string, number>,
  today: string,
) {
  const teams = (await teamsForDistrictWork(db, tenantId)).filter(
    (t) => t.districtIds.length > 0 && t.users.length > 0,
  );
  const visits: Insertable<DB['institution_visit']>[] = [];
  const followUps: Insertable<DB['institution_visit_follow_up']>[] = [];
  const walks: Insertable<DB['district_walk']>[] = [];
  const talks: Insertable<DB['district_talk']>[] = [];
  const networks: Insertable<DB['district_network']>[] = [];
  const staff: Insertable<DB['district_network_staff']>[] = [];
  const outside: Insertable<DB['district_network_external']>[] = [];
  const meetings: Insertable<DB['district_network_meeting']>[] = [];

  for (const team of teams) {
    // The demo account fachkraft visits first in its team, so her work list shows follow-ups.
    const visitors = [...team.users].sort(
      (a, b) => Number(b.username === 'fachkraft') - Number(a.username === 'fachkraft'),
    );
    const districtIds = team.districtIds.slice(0, 3);
    for (let i = 0; i < 4; i++) {
      const [name, offers, contacts] =
        institutions[(i + rnd.int(0, 7)) % institutions.length] ?? institutions[0];
      const districtId = districtIds[i % districtIds.length] as string;
      const id = randomUuid(rnd);
      const visitedOn = addDays(today, -rnd.int(5, 300));
      visits.push({
        id,
        tenant_id: tenantId,
        team_id: team.id,
        visitor_user_id: (visitors[i % Math.min(2, visitors.length)] ?? visitors[0])?.id as string,
        district_id: districtId,
        institution_name: name,
        atlas_entry_id: null,
        visited_on: visitedOn,
        offers,
        contacts,
        access_routes: rnd.pick([
          'offene Sprechstunde',
          'Anmeldung über die Leitung',
          'Elterncafé als Einstieg',
        ]),
        needs_seen: rnd.pick(['Väterangebote fehlen', 'lange Wartezeiten', 'wenig Angebote für Jugendliche']),
        agreements: rnd.pick([
          'gemeinsamer Infoabend',
          'feste Ansprechpartnerin im Team',
          'Austausch zweimal im Jahr',
        ]),
      });
      // The first visit's follow-ups fall into this week's work list; the others lie before or after.
      const due =
        i === 0 ? [addDays(today, rnd.int(0, 3)), addDays(today, -rnd.int(1, 5))] : [addDays(visitedOn, 30)];
      for (const dueOn of due)
        followUps.push({
          tenant_id: tenantId,
          visit_id: id,
          due_on: dueOn,
          text: rnd.pick(followUpTexts),
          done: i > 0 && dueOn < today,
        });
    }
    for (let i = 0; i < 2; i++)
      walks.push({
        tenant_id: tenantId,
        team_id: team.id,
        district_id: districtIds[i % districtIds.length] as string,
        walked_on: addDays(today, -rnd.int(10, 360)),
        participants: i === 0 ? 'Team mit neuen Kolleginnen' : 'Team und Sozialraumkoordination',
        observations: rnd.pick([
          'Spielplatz am Marktplatz gesperrt; Treffpunkt der Jugendlichen am Bahnhof',
          'Neues Familienzentrum eröffnet; wenig Beleuchtung auf dem Schulweg',
        ]),
        created_by: visitors[0]?.id as string,
      });
    for (const [kind, topic] of topics)
      talks.push({
        tenant_id: tenantId,
        team_id: team.id,
        district_id: rnd.pick(districtIds),
        kind,
        held_on: addDays(today, -rnd.int(1, 200)),
        topic,
        notes: 'Ohne Namen: nur was über das Quartier gesagt wurde.',
        created_by: rnd.pick(visitors).id,
      });
    for (const cohort of ageCohorts.values) {
      const id = randomUuid(rnd);
      const forCentre = cohort === '16+';
      networks.push({
        id,
        tenant_id: tenantId,
        team_id: team.id,
        name: `Netzwerk ${cohortNames[cohort]}`,
        age_cohort: cohort,
        district_id: forCentre ? null : (districtIds[0] as string),
        social_centre_id: forCentre ? team.centreId : null,
        rules_of_procedure:
          'Das Netzwerk trifft sich viermal im Jahr. Die Sozialraumkoordination lädt ein und führt das Protokoll. ' +
          'Über Fälle wird nur anonymisiert gesprochen.',
      });
      for (const u of visitors.slice(0, 2))
        staff.push({ tenant_id: tenantId, network_id: id, user_id: u.id });
      for (let p = 0; p < 3; p++) {
        const [organisation, name] = externals[(p + rnd.int(0, 5)) % externals.length] ?? externals[0];
        outside.push({ tenant_id: tenantId, network_id: id, name, organisation, position: p });
      }
      for (let m = 0; m < 3; m++)
        meetings.push({
          tenant_id: tenantId,
          network_id: id,
          held_on: addDays(today, -(m * 90 + rnd.int(1, 60))),
          minutes: 'Berichte aus den Einrichtungen; Angebote im Quartier; offene Fragen an das Jugendamt.',
          agreements: rnd.pick([
            'Gemeinsamer Flyer',
            'Nächstes Treffen in der Kita',
            'Bedarf in die Bedarfsrunde',
          ]),
          created_by: visitors[0]?.id as string,
        });
    }
  }
  await insertChunked(db, 'institution_visit', visits, []);
  await insertChunked(db, 'institution_visit_follow_up', followUps, []);
  await insertChunked(db, 'district_walk', walks, []);
  await insertChunked(db, 'district_talk', talks, []);
  await insertChunked(db, 'district_network', networks, []);
  await insertChunked(db, 'district_network_staff', staff, []);
  await insertChunked(db, 'district_network_external', outside, []);
  await insertChunked(db, 'district_network_meeting', meetings, []);
  counts.institution_visits = visits.length;
  counts.district_walks = walks.length;
  counts.district_talks = talks.length;
  counts.district_networks = networks.length;
  counts.network_meetings = meetings.length;
}
