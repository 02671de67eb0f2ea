import {
  accessRoutes,
  auditEntityLabels,
  caseNoteKinds,
  confidedItemTypes,
  custodyKinds,
  type Disclosure,
  formatAddress,
  householdRoles,
  mandateKinds,
  mandateResults,
  type WithheldPart,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { viewerOf } from '../confided/queries/visibility.ts';
import { presentHelpPlans } from './helpPlans.ts';
import {
  casesOfHouseholds,
  documentsOfCases,
  findPerson,
  helpPlansOfCases,
  householdsOf,
  mandatesOfCases,
  notesOfCases,
  readsOf,
  willsOfCases,
} from './queries.ts';
import { measuresAndConferences } from './records.ts';

/**
 * Auskunft (Art. 15 DSGVO, § 83 SGB X; docs/data-protection.md): everything held about a person across all cases,
 * with the audit of who read it. The content comes through the same § 65 loaders as every other use ('disclose'):
 * confided content without a recorded release is withheld, and so are the data of third parties (the other
 * household members, who reported the case, other people named in a note). Each withheld part is listed by kind
 * and reason, never by content. Who may produce it is the role permission `person:disclose` (team leads, admins).
 */

/** The newest reads listed; the PDF says when there were more. */
export const READS_LIMIT = 1000;

const THIRD_PARTY = 'Rechte Dritter (Art. 15 Abs. 4 DSGVO, § 83 Abs. 4 SGB X): Sozialdaten anderer Personen';
const CONFIDED = '§ 65 SGB VIII: anvertraut, ohne festgehaltene Einwilligung oder gesetzliche Befugnis';

const label = <T extends string>(labels: Record<T, string>, value: string) => labels[value as T] ?? value;

export async function personDisclosure(
  ctx: Ctx,
  personId: string,
  format: 'json' | 'pdf',
): Promise<Disclosure> {
  const tenantId = ctx.actor.tenantId;
  const person = await findPerson(ctx.db, tenantId, personId);
  if (!person) throw AppError.notFound('Die Person');
  const viewer = viewerOf(ctx, 'disclose');
  const households = await householdsOf(ctx.db, tenantId, personId);
  const cases = await casesOfHouseholds(
    ctx.db,
    tenantId,
    households.map((h) => h.id),
  );
  const caseIds = cases.map((c) => c.id);
  const [notes, documents, wills, mandates, plans] = await Promise.all([
    notesOfCases(ctx.db, tenantId, caseIds, viewer),
    documentsOfCases(ctx.db, tenantId, caseIds, viewer),
    willsOfCases(ctx.db, tenantId, caseIds, viewer),
    mandatesOfCases(ctx.db, tenantId, caseIds, viewer),
    helpPlansOfCases(ctx.db, tenantId, caseIds, viewer),
  ]);
  const numberOf = new Map(cases.map((c) => [c.id, c.case_number]));
  const records = await measuresAndConferences(ctx.db, tenantId, caseIds, viewer, numberOf, CONFIDED);
  const reads = await readsOf(
    ctx.db,
    tenantId,
    [
      personId,
      ...households.map((h) => h.id),
      ...caseIds,
      ...notes.map((n) => n.id),
      ...documents.map((d) => d.id),
    ],
    READS_LIMIT,
  );
  const helpPlans = presentHelpPlans(plans, numberOf, { confided: CONFIDED, thirdParty: THIRD_PARTY });
  const withheld: WithheldPart[] = [
    ...households
      .filter((h) => Number(h.others) > 0)
      .map((h) => ({
        kind: `Angaben zu ${h.others} weiteren Mitgliedern des Haushalts ${h.name}`,
        caseNumber: null,
        date: null,
        reason: THIRD_PARTY,
      })),
    ...cases
      .filter((c) => c.reporter !== null)
      .map((c) => ({
        kind: 'Angaben zur meldenden Person oder Stelle',
        caseNumber: c.case_number,
        date: c.opened_on,
        reason: THIRD_PARTY,
      })),
    ...notes
      .filter((n) => !n.shown)
      .map((n) => ({
        kind: confidedItemTypes.labels.case_note,
        caseNumber: numberOf.get(n.case_id) ?? null,
        date: n.occurred_at.toISOString().slice(0, 10),
        reason: CONFIDED,
      })),
    ...notes
      .filter((n) => n.shown && n.has_others)
      .map((n) => ({
        kind: 'Namen weiterer Beteiligter eines Aktenvermerks',
        caseNumber: numberOf.get(n.case_id) ?? null,
        date: n.occurred_at.toISOString().slice(0, 10),
        reason: THIRD_PARTY,
      })),
    ...documents
      .filter((d) => !d.shown)
      .map((d) => ({
        kind: confidedItemTypes.labels.case_document,
        caseNumber: numberOf.get(d.case_id) ?? null,
        date: d.uploaded_at.toISOString().slice(0, 10),
        reason: CONFIDED,
      })),
    ...wills
      .filter((w) => !w.shown)
      .map((w) => ({
        kind: confidedItemTypes.labels.will_and_goals,
        caseNumber: numberOf.get(w.case_id) ?? null,
        date: w.updated_at.toISOString().slice(0, 10),
        reason: CONFIDED,
      })),
    ...mandates
      .filter((m) => !m.shown)
      .map((m) => ({
        kind: confidedItemTypes.labels.mandate,
        caseNumber: numberOf.get(m.case_id) ?? null,
        date: m.created_at.toISOString().slice(0, 10),
        reason: CONFIDED,
      })),
    ...records.withheld,
    ...helpPlans.withheld,
  ];
  const disclosure: Disclosure = {
    producedAt: new Date().toISOString(),
    person: {
      id: person.id,
      firstName: person.first_name,
      lastName: person.last_name,
      birthDate: person.birth_date,
      gender: person.gender,
      language: person.language,
      phone: person.phone,
    },
    households: households.map((h) => ({
      id: h.id,
      name: h.name,
      address: formatAddress({
        kind: h.address_kind,
        street: h.street_name,
        houseNumber: h.house_number,
        postalCode: h.postal_code,
      } as Parameters<typeof formatAddress>[0]),
      role: label(householdRoles.labels, h.role),
      custody: h.custody ? label(custodyKinds.labels, h.custody) : null,
    })),
    cases: cases.map((c) => ({
      id: c.id,
      caseNumber: c.case_number,
      openedOn: c.opened_on,
      status: c.status,
      closedOn: c.closed_on,
      accessRoute: label(accessRoutes.labels, c.access_route),
      concern: c.concern,
      notes: notes
        .filter((n) => n.case_id === c.id && n.shown)
        .map((n) => ({
          occurredAt: n.occurred_at.toISOString(),
          kind: label(caseNoteKinds.labels, n.kind),
          text: n.text,
        })),
      documents: documents
        .filter((d) => d.case_id === c.id && d.shown)
        .map((d) => ({
          fileName: d.file_name,
          uploadedAt: d.uploaded_at.toISOString(),
          contentType: d.content_type,
        })),
      willAndGoals: presentWill(wills.find((w) => w.case_id === c.id && w.shown)),
      mandates: mandates
        .filter((m) => m.case_id === c.id && m.shown)
        .map((m) => ({
          kind: label(mandateKinds.labels, m.kind),
          text: m.text,
          addressee: m.addressee,
          dueOn: m.due_on,
          result: label(mandateResults.labels, m.result),
        })),
      measures: records.measuresOf(c.id),
      familyConference: records.conferenceOf(c.id),
      helpPlans: helpPlans.byCase.get(c.id) ?? [],
    })),
    reads: reads.map((r) => ({
      at: r.at.toISOString(),
      by: r.display_name ?? 'System',
      action: r.action === 'export' ? 'exportiert' : 'gelesen',
      what: label(auditEntityLabels, r.entity_type),
    })),
    withheld,
  };
  await ctx.audit({
    action: 'export',
    entityType: 'person_disclosure',
    entityId: personId,
    details: { format, cases: cases.length, withheld: withheld.length },
  });
  return disclosure;
}

function presentWill(w: { will: string; direction_goal: string } | undefined) {
  return w ? { will: w.will, directionGoal: w.direction_goal } : null;
}
