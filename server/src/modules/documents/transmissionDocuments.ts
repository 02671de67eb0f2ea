import {
  type CaseDetail,
  type CaseReportInput,
  caseAreas,
  caseNoteKinds,
  closingOutcomes,
  cpResults,
  cpStatuses,
  formatDateDe,
  helpCategories,
  legalBases,
  mandateKinds,
  measureStatuses,
  recipientKinds,
  type TransmissionBasis,
  todayIso,
} from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { mayHandOverCase } from '../access/policy.ts';
import { forbiddenOnCase } from '../access/refusals.ts';
import { requireCase } from '../cases/access.ts';
import { latestTransfers } from '../cases/queries/handovers.ts';
import { readCase } from '../cases/service.ts';
import { checkTransmissionBasis, recordTransmission } from '../cases/transmissions.ts';
import { findTenantName } from '../organisation/queries/tenants.ts';
import { familySection } from './forms.ts';
import { type HandoverContents, loadHandoverContents } from './handoverContents.ts';
import { type FormSection, type FormSpec, renderForm } from './pdf.ts';

/**
 * Documents of the case for an institution (docs/handovers.md): a report to the family court, a provider or another
 * office, and the handover package for the Jugendamt that takes the case over (§ 86c SGB VIII). Each is produced
 * only on a valid consent or a legal basis (cases/transmissions.ts), and each is recorded as a transmission.
 */

const basisText = (basis: { consentId: string | null; legalBasis: string | null }, d: CaseDetail) => {
  if (basis.legalBasis) return legalBases.labels[basis.legalBasis as keyof typeof legalBases.labels];
  const consent = d.consents.find((c) => c.id === basis.consentId);
  return consent
    ? `Schweigepflichtentbindung von ${consent.personName} vom ${formatDateDe(consent.validFrom)} (${consent.recipient})`
    : 'Schweigepflichtentbindung';
};

const unitOf = (d: CaseDetail) =>
  `${d.team?.name ?? 'Zuteilung ausstehend'}${d.district ? ` · Stadtteil ${d.district.name}` : ''}`;

/** The file's substance, shared by the report and the package. */
function fileSections(d: CaseDetail): FormSection[] {
  return [
    familySection(d),
    { heading: 'Anlass und Anliegen', text: d.concern },
    {
      heading: 'Einordnung und Fallführung',
      fields: [
        ['Falleingang', formatDateDe(d.openedOn)],
        ['Falleinordnung', d.area ? caseAreas.labels[d.area] : 'noch nicht eingeordnet'],
        ['Fallführung', d.lead?.name ?? 'nicht zugeteilt'],
      ],
    },
    { heading: 'Wille der Familie', text: d.willAndGoals.will || '–' },
    { heading: 'Richtungsziel', text: d.willAndGoals.directionGoal || '–' },
    {
      heading: 'Aufträge und Auflagen',
      list: {
        items: d.mandates.map((m) => ({
          text: `${mandateKinds.labels[m.kind]} bis ${formatDateDe(m.dueOn)}: ${m.text}`,
        })),
      },
    },
  ];
}

/** A report of the case for an institution, produced only on a valid consent or a legal basis, and recorded. */
export async function caseReport(
  ctx: Ctx,
  caseId: string,
  input: CaseReportInput,
): Promise<{ bytes: Uint8Array; name: string }> {
  await requireCase(ctx, caseId, 'read');
  const basis = await checkTransmissionBasis(ctx, caseId, input);
  const detail = await readCase(ctx, caseId, 'export');
  const tenant = await findTenantName(ctx.db, ctx.actor.tenantId);
  const spec: FormSpec = {
    office: tenant.name,
    unit: unitOf(detail),
    title: `Bericht an: ${input.recipient}`,
    meta: [
      ['Aktenzeichen', detail.caseNumber],
      ['Datum', formatDateDe(todayIso())],
    ],
    sections: [
      {
        heading: 'Empfänger und Grundlage der Übermittlung',
        fields: [
          ['Empfänger', `${input.recipient} (${recipientKinds.labels[input.recipientKind]})`],
          ['Grundlage', basisText(basis, detail)],
          ...(input.purpose ? [['Zweck', input.purpose] as [string, string]] : []),
        ],
      },
      ...fileSections(detail),
    ],
    signatures: ['Fachkraft'],
  };
  const bytes = await renderForm(spec);
  await recordTransmission(ctx, caseId, {
    documentKind: 'bericht',
    recipientKind: input.recipientKind,
    recipient: input.recipient,
    basis,
  });
  return { bytes, name: `Bericht-${detail.caseNumber}.pdf` };
}

/** The package's sections from the loaded contents (no loading here: see loadHandoverContents). */
export function handoverSections(c: HandoverContents): FormSection[] {
  const d = c.detail;
  return [
    ...fileSections(d),
    {
      heading: 'Hilfen',
      table: {
        columns: [
          { label: 'Hilfe', share: 0.34 },
          { label: 'Person', share: 0.22 },
          { label: 'Art', share: 0.14 },
          { label: 'Zeitraum', share: 0.2 },
          { label: 'Stand', share: 0.1 },
        ],
        rows: c.measures.map((m) => [
          `${m.helpType.name} (${m.helpType.paragraph})${m.provider ? `, ${m.provider}` : ''}`,
          m.personName,
          helpCategories.labels[m.category],
          `${formatDateDe(m.beginOn)} – ${m.endOn ? formatDateDe(m.endOn) : m.plannedEndOn ? `geplant ${formatDateDe(m.plannedEndOn)}` : 'offen'}`,
          measureStatuses.labels[m.status],
        ]),
      },
    },
    {
      heading: 'Hilfepläne',
      list: {
        items: d.helpPlans.map((p) => ({
          text: `Fassung ${p.versionNo}: ${p.directionGoal}`,
          items: p.goals.map((g) => `${g.text} (bis ${formatDateDe(g.dueOn)})`),
        })),
      },
    },
    {
      heading: 'Kinderschutz (§ 8a SGB VIII)',
      list: {
        items: c.checks.map((k) => ({
          text: `Meldung vom ${formatDateDe(k.receivedAt.slice(0, 10))} zu ${k.child.name}: ${
            k.result ? cpResults.labels[k.result] : 'Einschätzung ausstehend'
          } (${cpStatuses.labels[k.status]})`,
        })),
      },
    },
    {
      heading: 'Aktenvermerke',
      list: {
        items: c.notes.map((n) => ({
          text: `${formatDateDe(n.occurredAt.slice(0, 10))}, ${caseNoteKinds.labels[n.kind]} (${n.author.name})`,
          details: [n.text],
        })),
      },
    },
    {
      heading: 'Verlauf',
      list: {
        items: d.timeline
          .filter((e) => e.kind !== 'vermerk')
          .map((e) => ({ text: `${formatDateDe(e.at.slice(0, 10))}: ${e.text}` })),
      },
    },
    {
      heading: 'Dokumente der Akte',
      list: { items: d.documents.map((doc) => ({ text: doc.fileName })) },
      note: 'Hochgeladene Dateien liegen der Akte bei und werden gesondert übersandt.',
    },
  ];
}

/**
 * Das Übergabepaket (§ 86c SGB VIII): the file as PDF for the receiving office of the case's transfer record, on a
 * valid consent or a legal basis, recorded as a transmission to that office.
 */
export async function handoverPackage(
  ctx: Ctx,
  caseId: string,
  input: TransmissionBasis,
): Promise<{ bytes: Uint8Array; name: string }> {
  const loaded = await requireCase(ctx, caseId, 'read');
  if (!mayHandOverCase(loaded.reason)) {
    throw forbiddenOnCase(
      caseId,
      'handover_package',
      'Das Übergabepaket erstellen nur die Referatsleitung des Teams oder die fallführende Fachkraft.',
    );
  }
  const transfer = (await latestTransfers(ctx.db, ctx.actor.tenantId, caseId)).at(-1);
  if (!transfer || loaded.status !== 'abgeschlossen') {
    throw new AppError(
      'conflict',
      'Der Fall ist nicht an ein anderes Jugendamt abgegeben; das Übergabepaket folgt der Abgabe (§ 86c).',
    );
  }
  const basis = await checkTransmissionBasis(ctx, caseId, input);
  const contents = await loadHandoverContents(ctx, caseId);
  const d = contents.detail;
  const tenant = await findTenantName(ctx.db, ctx.actor.tenantId);
  const spec: FormSpec = {
    office: tenant.name,
    unit: unitOf(d),
    title: 'Übergabe der Fallakte nach § 86c SGB VIII',
    meta: [
      ['Aktenzeichen', d.caseNumber],
      ['Datum', formatDateDe(todayIso())],
    ],
    sections: [
      {
        heading: 'Übergabe',
        fields: [
          ['Übernehmendes Jugendamt', transfer.receiving_office],
          ['Abgabe am', formatDateDe(transfer.transferred_on)],
          ['Grund', transfer.reason],
          ['Grundlage der Übermittlung', basisText(basis, d)],
          ...(d.closing ? [['Ergebnis', closingOutcomes.labels[d.closing.outcome]] as [string, string]] : []),
        ],
      },
      ...handoverSections(contents),
    ],
    signatures: ['Abgebende Fachkraft', 'Referatsleitung'],
  };
  const bytes = await renderForm(spec);
  await recordTransmission(ctx, caseId, {
    documentKind: 'uebergabepaket',
    recipientKind: 'jugendamt',
    recipient: transfer.receiving_office,
    basis,
  });
  return { bytes, name: `Uebergabe-86c-${d.caseNumber}.pdf` };
}
