import type { Emitter, ReportSpec } from './protectionRecords.ts';
import { randomUuid } from './random.ts';

/**
 * The Aktenvermerke a § 8a report leaves in its case (docs/case-notes.md): the report as it came in, the
 * Fachgespräch of the assessment, the visit, and for some closed checks the feedback to the reporter. Each note is
 * written within hours of the contact, by whoever had it.
 */

const MINUTE = 60_000;

export interface NoteSpec {
  caseId: string;
  at: Date;
  kind: string;
  author: string;
  staff?: string[];
  others?: string[];
  text: string;
  correctsId?: string | null;
  /** When it was written, if not soon after the contact (a correction, days later). */
  writtenAt?: Date;
}

/** Writes one note; returns its id. Never written after `now`. */
export function emitNote(e: Emitter, n: NoteSpec): string {
  const id = randomUuid(e.rnd);
  const written = n.writtenAt ?? new Date(n.at.getTime() + e.rnd.int(20, 180) * MINUTE);
  e.rows.push('case_note', {
    tenant_id: e.tenantId,
    id,
    case_id: n.caseId,
    occurred_at: n.at,
    kind: n.kind,
    staff_ids: (n.staff ?? []).filter((s) => s !== n.author),
    others: n.others ?? [],
    text: n.text,
    author_id: n.author,
    created_at: written.getTime() > e.now.getTime() ? e.now : written,
    corrects_id: n.correctsId ?? null,
    linked_type: null,
    linked_id: null,
  });
  return id;
}

const channelKinds: Record<string, string> = {
  telefonisch: 'telefonat',
  persoenlich: 'gespraech_im_amt',
  schriftlich: 'schriftverkehr',
  email: 'schriftverkehr',
  sonstige: 'sonstiges',
};
const visitKinds: Record<string, string> = {
  hausbesuch: 'hausbesuch',
  einbestellung: 'gespraech_im_amt',
  einrichtung: 'sonstiges',
  sonstige: 'sonstiges',
};

export function emitReportNotes(e: Emitter, r: ReportSpec): void {
  const caseId = r.c.row.id;
  const lead = r.c.row.lead_user_id;
  const first = r.children[0]?.first_name ?? 'das Kind';
  const mother = r.c.members.find((m) => m.role === 'mutter');
  emitNote(e, {
    caseId,
    at: r.receivedAt,
    kind: channelKinds[r.channel] ?? 'sonstiges',
    author: r.takenBy,
    others: [r.reporterName ?? 'anonyme Meldung'],
    text: `Meldung nach § 8a SGB VIII: ${r.reportText.replaceAll('{kind}', first)}`,
  });
  if (r.assessment)
    emitNote(e, {
      caseId,
      at: r.assessment.at,
      kind: 'fachgespraech',
      author: lead,
      staff: r.assessment.participants,
      text: `Gefährdungseinschätzung im Zusammenwirken mehrerer Fachkräfte. ${r.assessment.facts}`,
    });
  if (r.visit?.status === 'durchgefuehrt')
    emitNote(e, {
      caseId,
      at: r.visit.at,
      kind: visitKinds[r.visit.kind] ?? 'sonstiges',
      author: lead,
      staff: r.assessment?.participants.slice(0, 2) ?? [],
      others: [
        ...(mother ? [`Frau ${mother.first_name} ${r.c.lastName} (Mutter)`] : []),
        ...r.children.map((k) => `${k.first_name} (Kind)`),
      ],
      text: r.visit.childSeen
        ? `${r.visit.findings} ${first} wurde gesehen und allein gesprochen.`
        : `${r.visit.findings} ${first} war nicht anwesend; neuer Termin vereinbart.`,
    });
  if (r.closedAt && r.reporterName && e.rnd.chance(0.4))
    emitNote(e, {
      caseId,
      at: new Date(r.closedAt.getTime() - 60 * MINUTE),
      kind: 'telefonat',
      author: lead,
      others: [r.reporterName],
      text: 'Rückmeldung an die meldende Stelle: Die Meldung wurde geprüft, das Jugendamt ist mit der Familie in Kontakt.',
    });
}
