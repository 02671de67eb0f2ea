import { todayIso } from '@leuchtturm/shared';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithChild } from './fixtures.ts';
import { choose, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** Picks the first option of a multi-select that is not chosen yet. */
async function addAnother(page: Page, scope: Locator, combobox: string) {
  await scope.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { selected: false }).first().click();
  await page.keyboard.press('Escape');
}

async function openStep(page: Page, button: string, dialog: string) {
  await page.getByRole('button', { name: button }).click();
  const modal = page.getByRole('dialog', { name: dialog });
  await modal.waitFor();
  return modal;
}

describe('child protection (§ 8a) on the case page', () => {
  it('as fachkraft: a report through urgency, assessment, visit and result to an Inobhutnahme and the closing', async () => {
    const { page, baseUrl } = h;
    const caseId = (await caseWithChild(h)).id;
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    await page.goto(`${baseUrl}/faelle/${caseId}?bereich=kinderschutz`);
    await page.getByRole('heading', { level: 2, name: 'Kinderschutz (§ 8a SGB VIII)' }).waitFor();
    await page.getByText('Zu diesem Fall ist keine Gefährdungseinschätzung erfasst.').waitFor();
    await expectNoAxeViolations(page, 'Kinderschutz, leer');

    // Meldung
    await page.getByRole('combobox', { name: 'Betroffenes Kind', exact: true }).click();
    await page.getByRole('option').first().click();
    await choose(page, 'Gemeldet durch', 'Schule');
    await page.getByRole('textbox', { name: /Name der meldenden Person/ }).fill('Frau Lehmann, Grundschule');
    await choose(page, 'Weg der Meldung', 'telefonisch');
    await page
      .getByRole('textbox', { name: 'Was wurde gemeldet?' })
      .fill('Das Kind kam mit einem Hämatom am Auge.');
    await page.getByRole('button', { name: 'Meldung speichern' }).click();
    await page.getByText('Die Meldung wurde erfasst.').first().waitFor();
    await page.getByRole('heading', { level: 3, name: /Gefährdungseinschätzung für/ }).waitFor();
    await expectNoAxeViolations(page, 'Kinderschutz, Meldung erfasst');

    // Ersteinschätzung
    let modal = await openStep(page, 'Ersteinschätzung erfassen', 'Ersteinschätzung: Wie dringend?');
    await modal.getByRole('radio', { name: 'innerhalb 24 Stunden' }).check();
    await expectNoAxeViolations(page, 'Ersteinschätzung');
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Ersteinschätzung wurde gespeichert.').first().waitFor();

    // Gefährdungseinschätzung: one professional is refused in the form, two are accepted
    modal = await openStep(
      page,
      'Gefährdungseinschätzung erfassen',
      'Gefährdungseinschätzung im Zusammenwirken mehrerer Fachkräfte',
    );
    await modal.getByRole('textbox', { name: 'Sachverhalt' }).fill('Gespräch mit Schule und Mutter.');
    await modal.getByRole('textbox', { name: 'Risikofaktoren' }).fill('Sichtbare Verletzung.');
    await modal.getByRole('textbox', { name: 'Schutzfaktoren' }).fill('Mutter kooperativ.');
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await modal.getByText('Die Gefährdungseinschätzung braucht mindestens zwei Fachkräfte.').waitFor();
    await addAnother(page, modal, 'Beteiligte Fachkräfte');
    await expectNoAxeViolations(page, 'Gefährdungseinschätzung');
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Gefährdungseinschätzung wurde gespeichert.').first().waitFor();

    // Inaugenscheinnahme
    modal = await openStep(page, 'Inaugenscheinnahme erfassen', 'Inaugenscheinnahme');
    await modal.getByRole('radio', { name: 'durchgeführt' }).check();
    await expectNoAxeViolations(page, 'Inaugenscheinnahme');
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Inaugenscheinnahme wurde gespeichert.').first().waitFor();

    // Einschätzungshilfe: the answers of the Hausbesuchsmappe; an auffällig area needs a note
    const sheet = page.getByRole('link', { name: /^Hausbesuchsmappe \(PDF\) für / });
    expect(await sheet.getAttribute('href')).toMatch(/\/forms\/hausbesuchsmappe\?item=/);
    modal = await openStep(page, 'Einschätzungshilfe erfassen', 'Einschätzungshilfe erfassen');
    for (const area of ['Wohnsituation', 'Versorgung', 'Aufsicht', 'Entwicklung'])
      await modal
        .getByRole('radiogroup', { name: new RegExp(`^${area}`) })
        .getByRole('radio', { name: 'unauffällig' })
        .check();
    await modal
      .getByRole('radiogroup', { name: /^Gesundheit/ })
      .getByRole('radio', { name: 'auffällig', exact: true })
      .check();
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await modal.getByText('Bitte beschreiben, was auffällig war.').waitFor();
    await modal.getByRole('textbox', { name: /^Notiz: Gesundheit/ }).fill('Hämatom am Auge.');
    await expectNoAxeViolations(page, 'Einschätzungshilfe');
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Einschätzungshilfe wurde gespeichert.').first().waitFor();
    await page.getByText('auffällig: Hämatom am Auge.').waitFor();

    // Ergebnis: acute, which moves the case into the danger area
    modal = await openStep(page, 'Ergebnis erfassen', 'Ergebnis der Gefährdungseinschätzung');
    await modal.getByRole('radio', { name: 'akute Kindeswohlgefährdung' }).check();
    await modal.getByRole('checkbox', { name: 'körperliche Misshandlung' }).check();
    await modal.getByRole('checkbox', { name: 'Mutter' }).check();
    await choose(page, 'Gewöhnlicher Aufenthalt des Kindes', 'bei einem alleinerziehenden Elternteil');
    await choose(page, 'Alter der Mutter', '27 Jahre oder älter');
    await choose(page, 'Alter des Vaters', 'unbekannt');
    await choose(page, 'Ausländische Herkunft mindestens eines Elternteils', 'nein');
    await choose(page, 'In der Familie wird vorrangig Deutsch gesprochen', 'ja');
    await modal.getByRole('radio', { name: 'nein' }).check();
    await expectNoAxeViolations(page, 'Ergebnis');
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Das Ergebnis wurde gespeichert.').first().waitFor();
    await page.getByText('Einordnung: Gefährdungsbereich', { exact: true }).waitFor();

    // Konsequenzen: an Inobhutnahme, then the closing
    modal = await openStep(page, 'Konsequenz erfassen', 'Konsequenz festhalten');
    await choose(page, 'Art', 'Inobhutnahme (§ 42 SGB VIII)');
    await modal.getByRole('textbox', { name: 'Ort der Unterbringung' }).fill('Kinder- und Jugendnotdienst');
    await modal
      .getByRole('textbox', { name: 'Wie wurden sie unterrichtet?' })
      .fill('Mutter persönlich informiert');
    await expectNoAxeViolations(page, 'Konsequenz: Inobhutnahme');
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Konsequenz wurde gespeichert.').first().waitFor();
    await page.getByText('läuft', { exact: true }).waitFor();
    modal = await openStep(page, 'Konsequenz erfassen', 'Konsequenz festhalten');
    await choose(page, 'Art', 'Abschluss der Gefährdungseinschätzung');
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page
      .getByText(/abgeschlossen am/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: 'Konsequenz erfassen' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Kinderschutz, abgeschlossen');
  });

  it('as fachkraft: a failed Auftrag becomes an Auflage after confirmation, and the case moves into the danger area', async () => {
    const { page, baseUrl } = h;
    const auftrag = await h.db
      .selectFrom('mandate as m')
      .innerJoin('case_file as c', (j) =>
        j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
      )
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
      )
      .select(['m.id', 'm.case_id'])
      .where('m.tenant_id', '=', h.tenantId)
      .where('u.username', '=', 'fachkraft')
      .where('c.status', '=', 'offen')
      .where('m.kind', '=', 'auftrag')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('risk_consultation as r')
              .select('r.id')
              .whereRef('r.tenant_id', '=', 'c.tenant_id')
              .whereRef('r.case_id', '=', 'c.id')
              .where('r.area', '=', 'gefaehrdung'),
          ),
        ),
      )
      .orderBy('c.case_number')
      .executeTakeFirstOrThrow();
    // The Auftrag failed (the demo data decides results at random).
    await h.db
      .updateTable('mandate')
      .set({ result: 'nicht_erfuellt' })
      .where('tenant_id', '=', h.tenantId)
      .where('id', '=', auftrag.id)
      .execute();
    await h.context.clearCookies();
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    await page.goto(`${baseUrl}/faelle/${auftrag.case_id}?bereich=einordnung`);
    await page.getByRole('heading', { level: 2, name: 'Aufträge und Auflagen' }).waitFor();
    await page
      .getByRole('button', { name: /^In Auflage überführen/ })
      .first()
      .click();
    const modal = page.getByRole('dialog', { name: 'Auftrag in eine Auflage überführen' });
    await modal.getByText('Bitte bestätigen').waitFor();
    await addAnother(page, modal, 'Teilnehmende der Kurzberatung');
    await modal.getByRole('textbox', { name: 'Fällig am' }).fill('2027-03-31');
    await modal.getByRole('textbox', { name: 'Überprüfung am' }).fill('2027-04-07');
    await expectNoAxeViolations(page, 'In Auflage überführen');
    await modal.getByRole('button', { name: 'In Auflage überführen' }).click();
    await page
      .getByText(/in eine Auflage überführt; der Fall ist im Gefährdungsbereich/)
      .first()
      .waitFor();
    await page.getByText('Einordnung: Gefährdungsbereich', { exact: true }).waitFor();
    await page.getByText('aus einem nicht erfüllten Auftrag überführt').waitFor();
    const auflage = await h.db
      .selectFrom('mandate')
      .select(['kind', 'purpose'])
      .where('tenant_id', '=', h.tenantId)
      .where('escalated_from_id', '=', auftrag.id)
      .executeTakeFirstOrThrow();
    expect(auflage).toEqual({ kind: 'auflage', purpose: 'abwendung' });
  });

  it('as Wirtschaftliche Jugendhilfe: the § 8a-Statistik lists incomplete records before the export', async () => {
    const { page, baseUrl } = h;
    await h.context.clearCookies();
    await signIn(page, baseUrl, 'wiju');
    await page.getByRole('link', { name: 'Finanzen' }).click();
    await page.goto(`${baseUrl}/finanzen?tab=statistik`);
    await page
      .getByRole('heading', { level: 2, name: '§ 8a-Statistik (Gefährdungseinschätzungen)' })
      .waitFor();
    // The first test's result left the father's age unknown: its record lacks a required field.
    await page.getByRole('textbox', { name: /^Jahr der § 8a-Statistik/ }).fill(todayIso().slice(0, 4));
    await page.getByRole('button', { name: 'Vor dem Export prüfen' }).click();
    await page
      .getByText(/fehlende Angaben/)
      .first()
      .waitFor();
    await page
      .getByRole('cell', { name: /Alter des Vaters/ })
      .first()
      .waitFor();
    const link = page.getByRole('link', { name: '§ 8a-Statistik (CSV)' });
    expect(await link.getAttribute('href')).toBe(
      `/api/v1/child-protection/statistics?year=${todayIso().slice(0, 4)}`,
    );
    await expectNoAxeViolations(page, 'Finanzen, § 8a-Statistik');
  });
});
