import {
  berlinDateOf,
  type CaseNote,
  type CaseNoteKind,
  type CaseNoteLinkType,
  type ConfidedMark,
  caseNoteKinds,
  type TimelineEntry,
} from '@leuchtturm/shared';
import type { CorrectionRow, NoteRow, TimelineNoteRow } from './queries.ts';

export interface NoteExtras {
  staffNames: ReadonlyMap<string, string>;
  corrections: ReadonlyMap<string, CorrectionRow[]>;
  /** § 65 marks by note id. */
  marks: ReadonlyMap<string, ConfidedMark>;
  editableUntil: (row: NoteRow) => Date;
  mayEdit: (row: NoteRow) => boolean;
}

/** An Aktenvermerk as the Vermerke section shows it, field by field. */
export function presentCaseNote(r: NoteRow, extras: NoteExtras): CaseNote {
  return {
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    kind: r.kind as CaseNoteKind,
    staff: r.staff_ids.map((id) => ({ id, name: extras.staffNames.get(id) ?? 'unbekannt' })),
    others: r.others,
    text: r.text,
    author: { id: r.author_id, name: r.author_name },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at ? r.updated_at.toISOString() : null,
    editableUntil: extras.editableUntil(r).toISOString(),
    mayEdit: extras.mayEdit(r),
    version: r.version,
    link: r.linked_type && r.linked_id ? { type: r.linked_type as CaseNoteLinkType, id: r.linked_id } : null,
    corrects:
      r.corrects_id && r.corrects_occurred_at && r.corrects_kind !== null && r.corrects_text !== null
        ? {
            id: r.corrects_id,
            occurredAt: r.corrects_occurred_at.toISOString(),
            kind: r.corrects_kind as CaseNoteKind,
            author: r.corrects_author ?? 'unbekannt',
            text: r.corrects_text,
          }
        : null,
    correctedBy: (extras.corrections.get(r.id) ?? []).map((c) => ({
      id: c.id,
      createdAt: c.created_at.toISOString(),
      author: c.author_name,
    })),
    confided: extras.marks.get(r.id) ?? null,
  };
}

const EXCERPT = 300;

/** A note in the case's Verlauf: its day, kind and the start of its text, beside the system events. */
export function presentTimelineNote(r: TimelineNoteRow): TimelineEntry {
  const excerpt = r.excerpt.length > EXCERPT ? `${r.excerpt.slice(0, EXCERPT).trimEnd()} …` : r.excerpt;
  const label = caseNoteKinds.labels[r.kind as CaseNoteKind];
  return {
    at: berlinDateOf(r.occurred_at),
    kind: 'vermerk',
    text: `${r.corrects_id ? `Korrektur · ${label}` : label}: ${excerpt}`,
    note: {
      id: r.id,
      kind: r.kind as CaseNoteKind,
      occurredAt: r.occurred_at.toISOString(),
      author: r.author_name,
      correctsId: r.corrects_id,
      corrected: r.corrected,
      confided: r.confided ? { withheld: !r.shown } : null,
    },
  };
}
