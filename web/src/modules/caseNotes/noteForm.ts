import {
  berlinDateTimeOf,
  type CaseDetail,
  type CaseNote,
  type CaseNoteKind,
  type CaseNoteLinkType,
  caseNoteLinkTypes,
  formatDateDe,
  instantOfBerlinDateTime,
  mandateKinds,
} from '@leuchtturm/shared';

/** What the note form holds: Berlin wall-clock time as typed, participants one per line, the link as "type:id". */
export interface NoteFormValues {
  occurredAt: string;
  kind: CaseNoteKind | null;
  staffIds: string[];
  others: string;
  text: string;
  link: string | null;
}

/** An empty form at the present minute, or one filled from a note (to change it or to correct it). */
export function noteFormValues(note?: CaseNote, now = new Date()): NoteFormValues {
  if (!note)
    return { occurredAt: berlinDateTimeOf(now), kind: null, staffIds: [], others: '', text: '', link: null };
  return {
    occurredAt: berlinDateTimeOf(new Date(note.occurredAt)),
    kind: note.kind,
    staffIds: note.staff.map((s) => s.id),
    others: note.others.join('\n'),
    text: note.text,
    link: note.link ? `${note.link.type}:${note.link.id}` : null,
  };
}

/** The body the API takes (before the shared schema checks it); a time that is not one stays '' for the schema. */
export function noteBody(values: NoteFormValues) {
  let occurredAt = '';
  try {
    occurredAt = instantOfBerlinDateTime(values.occurredAt).toISOString();
  } catch {
    // left empty: the schema answers "Bitte Datum und Uhrzeit angeben."
  }
  const [type, id] = values.link ? values.link.split(':') : [];
  return {
    occurredAt,
    kind: values.kind,
    staffIds: values.staffIds,
    others: values.others
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    text: values.text,
    link: type && id ? { type: type as CaseNoteLinkType, id } : null,
  };
}

/** The records of the case a note can be attached to, as options of a select. */
export function linkOptions(detail: CaseDetail): { value: string; label: string }[] {
  const labels = caseNoteLinkTypes.labels;
  return [
    ...detail.mandates.map((m) => ({
      value: `mandate:${m.id}`,
      label: `${mandateKinds.labels[m.kind]} bis ${formatDateDe(m.dueOn)}: ${shorten(m.text)}`,
    })),
    ...detail.classifications.map((c) => ({
      value: `risk_consultation:${c.id}`,
      label: `${labels.risk_consultation} vom ${formatDateDe(c.decidedOn)}`,
    })),
    ...detail.helpPlans.map((p) => ({
      value: `help_plan:${p.id}`,
      label: `${labels.help_plan}, Fassung ${p.versionNo} vom ${formatDateDe(p.meetingOn)}`,
    })),
  ];
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max).trimEnd()} …` : text;
}
