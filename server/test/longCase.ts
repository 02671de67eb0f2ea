import type { LightMyRequestResponse } from 'fastify';
import { testAddress } from './cases.ts';
import type { TestTenant } from './factories.ts';
import type { Client } from './http.ts';

/**
 * A case as full as the forms get: German names and texts with umlauts, ß, typographic quotes and dashes, bullets,
 * Cyrillic and Turkish letters, words longer than a column, ten Handlungsziele with three Handlungsschritte each
 * (several pages), resources, a kollegiale Beratung with many ideas, a consent, and two Hilfeplan versions.
 */

/** A word wider than the label column and a long compound with hyphens. */
export const LONG_WORD =
  'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsbezirksdirektion';
export const HYPHENATED =
  'Kinder-und-Jugendhilfe-Rahmenvereinbarungs-Fortschreibungs-Arbeitsgruppen-Geschäftsstelle';

const paragraph = (topic: string) =>
  `${topic}: Die Familie berichtet, dass die Übergänge zwischen Schule, Hort und Zuhause „schwierig“ sind – besonders montags … ` +
  'Die Großmutter wohnt in der Nähe und möchte regelmäßig helfen; der Vater ist außerhalb tätig und ' +
  `nur am Wochenende erreichbar. Siehe auch ${HYPHENATED}.`;

export const longTexts = {
  concern: `${paragraph('Anliegen')}\n\n• Jürgen soll an seiner Schule bleiben.\n• Die Mutter wünscht Entlastung am Nachmittag.\n\n${LONG_WORD}`,
  will: `${paragraph('Wille')} Wir möchten, dass Jürgen „seine“ Freunde behält und nicht die Schule wechseln muss.`,
  directionGoal:
    'Jürgen besucht bis zum Ende des Schuljahres regelmäßig die Oberschule am Weserufer und fühlt sich dort wohl.',
  goal: (i: number) =>
    `Handlungsziel ${i + 1}: Jürgen erledigt seine Hausaufgaben an mindestens vier von fünf Schultagen bis 17.30 Uhr, unterstützt von Großmutter Weiß und der Hausaufgabenhilfe im Quartier (Übung ${i + 1}).`,
  step: (i: number, j: number) => ({
    who: j === 0 ? 'Ayşe Öztürk-Schäfer' : j === 1 ? 'Олена Шевченко (Nachbarin)' : 'Fachkraft Jugendamt',
    what: `Schritt ${i + 1}.${j + 1}: vereinbart einen festen Platz für die Hausaufgaben → Küche, ruhig ab 15 Uhr; spricht mit der Klassenlehrerin über Fehlzeiten und Förderunterricht (${i + 1}/${j + 1}).`,
  }),
  resource: (area: string, i: number) =>
    `Ressource ${i + 1} (${area}): Die Großmutter Weiß wohnt zwei Straßen weiter und kann an drei Nachmittagen die Woche nach der Schule für Jürgen da sein; Telefonnummer liegt der Familie vor.`,
  idea: (source: string, i: number) =>
    `Idee ${i + 1} (${source}): Patenschaft über den Sportverein „Blau-Weiß Nordhafen“ – Training dienstags und donnerstags, Kontakt über den Jugendwart.`,
  question:
    'Wie kann Jürgen nachmittags verlässlich Unterstützung bei den Hausaufgaben bekommen, ohne dass die Mutter ihre Arbeit aufgeben muss?',
  decision: `Anmeldung bei der Hausaufgabenhilfe; Großmutter Weiß einbeziehen; ${paragraph('Entscheidung')}`,
  closingAnswer:
    'Eine verlässliche Hausaufgabenhilfe für 10- bis 14-Jährige am Nachmittag im Quartier, auch in den Ferien.',
  agreedMeasures: `Sozialpädagogische Familienhilfe (§ 31 SGB VIII), sechs Stunden je Woche. ${paragraph('Vereinbarung')}`,
  purpose: `Austausch über Fehlzeiten, Leistungsstand und Förderbedarf von Jürgen. ${paragraph('Zweck')}`,
  attainmentNote:
    'Hausaufgaben werden meist erledigt; montags gelingt es noch nicht – Großmutter übernimmt ab März.',
};

export const GOALS = 10;
export const STEPS = 3;
const areas = ['persoenlich', 'sozial', 'materiell', 'sozialraeumlich'] as const;
const sources = ['person', 'umfeld', 'sozialraum', 'hze'] as const;

async function ok(res: Promise<LightMyRequestResponse>, expected = [200, 201, 204]) {
  const r = await res;
  if (!expected.includes(r.statusCode)) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.body ? r.json() : null;
}

export async function openLongCase(cm: Client, tenant: TestTenant) {
  const household = await ok(
    cm.post('/households', {
      name: 'Familie Öztürk-Schäfer',
      address: testAddress(cm, 'Ankerweg', '7a'),
      members: [
        {
          personId: null,
          person: {
            firstName: 'Ayşe',
            lastName: 'Öztürk-Schäfer',
            birthDate: '1986-03-09',
            gender: 'weiblich',
            language: 'türkisch',
            phone: null,
          },
          role: 'mutter',
          custody: null,
        },
        {
          personId: null,
          person: {
            firstName: 'Jürgen-Maximilian',
            lastName: 'Weiß',
            birthDate: '2013-05-17',
            gender: 'maennlich',
            language: 'deutsch',
            phone: null,
          },
          role: 'kind',
          custody: 'gemeinsam',
        },
      ],
    }),
  );
  const opened = await ok(
    cm.post('/cases', {
      householdId: household.id,
      openedOn: '2026-01-12',
      accessRoute: 'schule',
      reporter: 'Oberschule am Weserufer, Klassenlehrerin Frau Groß',
      concern: longTexts.concern,
    }),
  );
  const caseId: string = opened.id;
  await ok(
    cm.post(`/cases/${caseId}/risk-consultations`, {
      heldOn: '2026-01-14',
      participantIds: [tenant.users.caseManagerA.id, tenant.users.colleagueA.id],
      facts: 'Schule meldet Fehlzeiten; Mutter kooperativ.',
      area: 'leistung',
      nextSteps: 'Gespräch mit der Familie',
    }),
  );
  const goals = Array.from({ length: GOALS }, (_, i) => ({
    id: null,
    text: longTexts.goal(i),
    dueOn: '2026-06-30',
    steps: [],
  }));
  await ok(
    cm.put(`/cases/${caseId}/will-and-goals`, {
      will: longTexts.will,
      directionGoal: longTexts.directionGoal,
      actionGoals: goals,
      version: 0,
    }),
  );
  const detail = await ok(cm.get(`/cases/${caseId}`));
  const goalIds: string[] = detail.willAndGoals.actionGoals.map((g: { id: string }) => g.id);
  const resourceIds: string[] = [];
  for (const [i, area] of areas.entries()) {
    const r = await ok(
      cm.post(`/cases/${caseId}/resources`, {
        area,
        description: longTexts.resource(area, i),
        goalId: i < 3 ? goalIds[i] : null,
        directoryEntryId: null,
      }),
    );
    resourceIds.push(r.id);
  }
  await ok(
    cm.put(`/cases/${caseId}/will-and-goals`, {
      will: longTexts.will,
      directionGoal: longTexts.directionGoal,
      actionGoals: goalIds.map((id, i) => ({
        id,
        text: longTexts.goal(i),
        dueOn: '2026-06-30',
        steps: Array.from({ length: STEPS }, (_, j) => ({
          ...longTexts.step(i, j),
          dueOn: '2026-03-15',
          resourceId: j === 0 ? (resourceIds[i % resourceIds.length] ?? null) : null,
        })),
      })),
      version: 1,
    }),
  );
  const peer = await ok(
    cm.post(`/cases/${caseId}/peer-consultations`, {
      heldOn: '2026-01-21',
      question: longTexts.question,
      moderatorId: tenant.users.colleagueA.id,
      minutesId: tenant.users.deputyA.id,
      perspectiveId: tenant.users.teamLeadA.id,
      ideas: sources.flatMap((source) =>
        Array.from({ length: 4 }, (_, i) => ({ source, text: longTexts.idea(source, i) })),
      ),
      decision: longTexts.decision,
      closingAnswer: longTexts.closingAnswer,
      ageCohort: '10-16',
    }),
  );
  const members = detail.household.members as { person: { id: string } }[];
  const consent = await ok(
    cm.post(`/cases/${caseId}/consents`, {
      personId: members[0]?.person.id,
      recipient: 'Oberschule am Weserufer, Schulsozialarbeit (Frau Groß)',
      purpose: longTexts.purpose,
      validFrom: '2026-01-20',
      validUntil: null,
    }),
  );
  const plan = {
    applicationOn: '2026-01-20',
    applicant: 'Ayşe Öztürk-Schäfer',
    meetingOn: '2026-02-01',
    participants: ['Ayşe Öztürk-Schäfer', 'Jürgen-Maximilian Weiß', 'Großmutter Weiß', 'Fachkraft Jugendamt'],
    childParticipated: true,
    agreedMeasures: longTexts.agreedMeasures,
    reviewOn: '2026-07-01',
    attainment: [],
    supersedesId: null,
  };
  const first = await ok(cm.post(`/cases/${caseId}/help-plans`, plan));
  const second = await ok(
    cm.post(`/cases/${caseId}/help-plans`, {
      ...plan,
      meetingOn: '2026-07-01',
      reviewOn: '2026-12-15',
      attainment: goalIds.map((goalId) => ({ goalId, score: '4', note: longTexts.attainmentNote })),
      supersedesId: first.id,
    }),
  );
  return {
    caseId,
    caseNumber: opened.caseNumber as string,
    peerId: peer.id as string,
    consentId: consent.id as string,
    planIds: [first.id as string, second.id as string],
  };
}
