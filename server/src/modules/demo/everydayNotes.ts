import { addDays, instantOfBerlinDateTime, isWorkingDay } from '@leuchtturm/shared';
import { emitNote } from './protectionNotes.ts';
import type { Emitter } from './protectionRecords.ts';
import * as texts from './protectionTexts.ts';
import type { ProtectionCaseRow } from './queries/childProtection.ts';

/**
 * Aktenvermerke of the open cases beyond child protection: a third of the open cases have one to three contacts in
 * the three months before the history's reference day (DEMO_TODAY); every open case of the demo case manager has
 * two or three, and one more in the days before the real today, so that her Verlauf shows recent work. Her first
 * case also shows both ways of correcting a note: her own correction of a home-visit note, and her team lead's
 * correction of a phone note, which notified her (docs/case-notes.md).
 */

const at = (day: string, hour: number, minute = 0) =>
  instantOfBerlinDateTime(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);

export function emitEverydayNotes(
  e: Emitter,
  openCases: readonly ProtectionCaseRow[],
  people: { caseManagerId: string | null; teamLeadId: string | null },
  today: string,
  demoToday: string,
): void {
  let corrected = false;
  for (const c of openCases) {
    const mine = c.lead_user_id === people.caseManagerId;
    if (!mine && !e.rnd.chance(0.35)) continue;
    const lastName = c.family.replace(/^Familie /, '');
    const note = (on: string, pick: readonly [string, string, string]) => {
      let day = on;
      while (!isWorkingDay(day)) day = addDays(day, -1);
      if (day < c.opened_on) return null;
      const [kind, text, others] = pick;
      return emitNote(e, {
        caseId: c.id,
        at: at(day, e.rnd.int(9, 15), e.rnd.int(0, 11) * 5),
        kind,
        author: c.lead_user_id,
        others: others.split('; '),
        text,
      });
    };
    for (let n = mine ? e.rnd.int(2, 3) : e.rnd.int(1, 3); n > 0; n--)
      note(addDays(demoToday, -e.rnd.int(1, 90)), e.rnd.pick(texts.everydayNotes));
    if (!mine) continue;
    note(addDays(today, -e.rnd.int(1, 6)), e.rnd.pick(texts.everydayNotes));
    if (corrected || addDays(today, -12) < c.opened_on) continue;
    corrected = true;
    const visitAt = at(addDays(today, -12), 14);
    const visit = emitNote(e, {
      caseId: c.id,
      at: visitAt,
      kind: 'hausbesuch',
      author: c.lead_user_id,
      others: [`Frau ${lastName} (Mutter)`],
      text: `Hausbesuch bei Familie ${lastName}: Wohnung in Ordnung, die Kinder waren in der Schule. Nächster Termin in drei Wochen.`,
    });
    emitNote(e, {
      caseId: c.id,
      at: visitAt,
      kind: 'hausbesuch',
      author: c.lead_user_id,
      others: [`Frau ${lastName} (Mutter)`, 'Großmutter'],
      text: `Korrektur: Beim Hausbesuch war auch die Großmutter anwesend; sie holt die Kinder dienstags und donnerstags von der Schule ab.`,
      correctsId: visit,
      writtenAt: at(addDays(today, -9), 9, 15),
    });
    if (!people.teamLeadId) continue;
    const callAt = at(addDays(today, -5), 11, 30);
    const call = emitNote(e, {
      caseId: c.id,
      at: callAt,
      kind: 'telefonat',
      author: c.lead_user_id,
      others: ['Schulsozialarbeit'],
      text: 'Rückruf der Schulsozialarbeit: Die Fehlzeiten sind seit den Ferien deutlich zurückgegangen.',
    });
    const correction = emitNote(e, {
      caseId: c.id,
      at: callAt,
      kind: 'telefonat',
      author: people.teamLeadId,
      others: ['Klassenlehrer'],
      text: 'Korrektur: Der Rückruf kam vom Klassenlehrer, nicht von der Schulsozialarbeit (Rücksprache in der Teamsitzung).',
      correctsId: call,
      writtenAt: at(addDays(today, -2), 8, 45),
    });
    e.rows.push('notification', {
      tenant_id: e.tenantId,
      user_id: c.lead_user_id,
      kind: 'vermerk_korrigiert',
      title: `Ihr Vermerk im Fall ${c.case_number} wurde korrigiert.`,
      link: `/faelle/${c.id}?bereich=vermerke`,
      created_at: at(addDays(today, -2), 8, 45),
      dedupe_key: `vermerk-korrigiert:${correction}`,
    });
  }
}
