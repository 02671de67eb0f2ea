import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../server/test/pdf-text.ts';
import {
  choose,
  chooseNth,
  chooseStreet,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** A street of fachkraft's team, so that the new family lands in her team. */
async function streetOfFachkraftTeam(): Promise<{ name: string; postalCode: string }> {
  const row = await h.db
    .selectFrom('app_user as u')
    .innerJoin('responsibility as r', (j) =>
      j.onRef('r.tenant_id', '=', 'u.tenant_id').onRef('r.team_id', '=', 'u.team_id'),
    )
    .innerJoin('street as s', (j) =>
      j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.id', '=', 'r.street_id'),
    )
    .select(['s.name', 's.postal_code'])
    .where('u.tenant_id', '=', h.tenantId)
    .where('u.username', '=', 'fachkraft')
    .where('r.house_from', 'is', null)
    .orderBy('s.name')
    .executeTakeFirstOrThrow();
  return { name: row.name, postalCode: row.postal_code };
}

describe('a family case from the first call to closing', () => {
  it('as fachkraft: intake, Graubereich with an Auftrag, will and goals, resources, peer consultation, help plan PDF, closing', async () => {
    const { page, baseUrl } = h;
    const street = await streetOfFachkraftTeam();
    const closingAnswer = 'Nachmittagsbetreuung mit Hausaufgabenhilfe im Stadtteil';
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();

    // Meine Fälle → Falleingang
    await page.getByRole('link', { name: 'Meine Fälle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Fälle' }).waitFor();
    await expectNoAxeViolations(page, 'Meine Fälle');
    // Pages of 50: the count shown, and "Mehr laden" while the server has more.
    const all = (await (await page.request.get(`${baseUrl}/api/v1/cases?limit=500`)).json()).items.length;
    expect(all).toBeGreaterThan(0);
    const shown = (n: number) => `${Math.min(n, all)} ${Math.min(n, all) === 1 ? 'Fall' : 'Fälle'} angezeigt`;
    await page
      .getByRole('status')
      .filter({ hasText: shown(50) })
      .waitFor();
    const more = page.getByRole('button', { name: 'Mehr laden' });
    expect(await more.count()).toBe(all > 50 ? 1 : 0);
    if (all > 50) {
      await more.click();
      await page
        .getByRole('status')
        .filter({ hasText: shown(100) })
        .waitFor();
    }
    await page.getByRole('link', { name: 'Neuer Falleingang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Falleingang' }).waitFor();
    await page.getByLabel('Name des Haushalts', { exact: true }).fill('Familie Teststern');
    await chooseStreet(page, street.name.slice(0, 5), `${street.name} · ${street.postalCode}`);
    await page.getByLabel('Hausnummer', { exact: true }).fill('12');
    const mother = page.getByRole('group', { name: 'Person 1' });
    await mother.getByLabel('Vorname', { exact: true }).fill('Mara');
    await mother.getByLabel('Nachname', { exact: true }).fill('Teststern');
    await mother.getByLabel('Geburtsdatum', { exact: true }).fill('1988-04-02');
    await mother.getByRole('combobox', { name: 'Geschlecht' }).click();
    await page.getByRole('option', { name: 'weiblich' }).click();
    await mother.getByRole('combobox', { name: 'Rolle' }).click();
    await page.getByRole('option', { name: 'Mutter' }).click();
    await page.getByRole('button', { name: 'Person hinzufügen' }).click();
    const child = page.getByRole('group', { name: 'Person 2' });
    await child.getByLabel('Vorname', { exact: true }).fill('Muharem');
    await child.getByLabel('Nachname', { exact: true }).fill('Teststern');
    await child.getByLabel('Geburtsdatum', { exact: true }).fill('2013-05-17');
    await child.getByRole('combobox', { name: 'Geschlecht' }).click();
    await page.getByRole('option', { name: 'männlich' }).click();
    await child.getByRole('combobox', { name: 'Rolle' }).click();
    await page.getByRole('option', { name: 'Kind', exact: true }).click();
    await expectNoAxeViolations(page, 'Falleingang, Schritt 1');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { name: 'Schritt 2 von 2: Falleingang' }).waitFor();
    await choose(page, 'Zugangsweg', 'Meldung durch Dritte: Schule');
    await page.getByLabel('Meldende Stelle/Person (optional)', { exact: true }).fill('Grundschule am Deich');
    await page
      .getByLabel('Anliegen in den Worten der Familie', { exact: true })
      .fill('Wir wollen, dass Muharem auf seiner Schule bleiben kann.');
    await expectNoAxeViolations(page, 'Falleingang, Schritt 2');
    await page.getByRole('button', { name: 'Fall eröffnen' }).click();
    await page.waitForURL(/\/faelle\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { level: 1, name: /Familie Teststern/ }).waitFor();
    await expectNoAxeViolations(page, 'Fallakte, Überblick');

    // A correction of the child's data
    await page.getByRole('button', { name: 'Muharem Teststern bearbeiten' }).click();
    const personDialog = page.getByRole('dialog', { name: 'Muharem Teststern bearbeiten' });
    await personDialog.getByRole('textbox', { name: 'Sprache' }).fill('türkisch');
    await expectNoAxeViolations(page, 'Person bearbeiten');
    await personDialog.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Angaben zu Muharem Teststern wurden gespeichert.').first().waitFor();

    // Kurzberatung: Graubereich, then an Auftrag
    await page.getByRole('tab', { name: 'Einordnung' }).click();
    await chooseNth(page, 'Teilnehmende', 0);
    await page.keyboard.press('Escape');
    await page
      .getByRole('textbox', { name: 'Sachverhalt' })
      .fill('Die Schule meldet viele Fehltage; die Mutter ist besorgt und kooperativ.');
    await page.getByRole('radio', { name: /Graubereich/ }).check();
    await page
      .getByRole('textbox', { name: 'Nächste Schritte' })
      .fill('Auftrag zur Schulanwesenheit, Gespräch mit der Familie.');
    await page.getByRole('button', { name: 'Kurzberatung speichern' }).click();
    await page.getByText('Einordnung: Graubereich').first().waitFor();
    await page
      .getByRole('textbox', { name: 'Inhalt' })
      .fill('Muharem ist an jedem Schultag pünktlich in der Schule.');
    await page.getByRole('textbox', { name: 'Adressat/in' }).fill('Frau Teststern');
    await page.getByRole('textbox', { name: 'Fällig am' }).fill('2027-01-31');
    await page.getByRole('textbox', { name: 'Wie wird überprüft?' }).fill('Rückmeldung der Schule');
    await page.getByRole('radio', { name: 'Klärung einer vermuteten Gefährdung' }).check();
    await page.getByRole('textbox', { name: 'Überprüfung am' }).fill('2027-02-07');
    await page.getByRole('button', { name: 'Auftrag oder Auflage speichern' }).click();
    await page.getByText('Der Auftrag wurde gespeichert.').first().waitFor();
    await expectNoAxeViolations(page, 'Einordnung');

    // Wille und Ziele
    await page.getByRole('tab', { name: 'Wille und Ziele' }).click();
    await page
      .getByRole('textbox', { name: 'Wille', exact: true })
      .fill('Ich will, dass Muharem auf seiner Schule bleiben kann.');
    await page
      .getByRole('textbox', { name: 'Richtungsziel' })
      .fill('Muharem kann bis zum Sommer auf seiner jetzigen Schule bleiben.');
    await page.getByRole('button', { name: 'Handlungsziel hinzufügen' }).click();
    const goal = page.getByRole('group', { name: 'Handlungsziel 1' });
    await goal
      .getByRole('textbox', { name: 'Ziel (beobachtbar)' })
      .fill('Die Hausaufgaben sind täglich bis 18 Uhr erledigt.');
    await goal.getByRole('textbox', { name: 'Erreicht bis' }).fill('2027-06-30');
    await page.getByRole('button', { name: 'Wille und Ziele speichern' }).click();
    await page.getByText('Wille und Ziele wurden gespeichert.').first().waitFor();
    await expectNoAxeViolations(page, 'Wille und Ziele');

    // Ressourcenkarte
    await page.getByRole('tab', { name: 'Ressourcen' }).click();
    await choose(page, 'Bereich', 'Sozial');
    await page.getByRole('textbox', { name: 'Beschreibung' }).fill('Der Onkel übt mit Muharem Mathe.');
    await page.getByRole('button', { name: 'Ressource hinzufügen' }).click();
    await page.getByText('Der Onkel übt mit Muharem Mathe.').first().waitFor();
    await expectNoAxeViolations(page, 'Ressourcen');

    // Kollegiale Beratung, whose closing answer becomes a need of the district
    await page.getByRole('tab', { name: 'Kollegiale Beratung' }).click();
    await page
      .getByRole('textbox', { name: 'Fragestellung' })
      .fill('Wie bekommt Muharem nachmittags Unterstützung bei den Hausaufgaben?');
    await chooseNth(page, 'Moderation', 0);
    await chooseNth(page, 'Protokoll', 1);
    await chooseNth(page, 'Perspektivwechsel', 2);
    await page
      .getByRole('textbox', { name: 'Entscheidung' })
      .fill('Anmeldung bei der Hausaufgabenhilfe, Onkel einbeziehen.');
    await page
      .getByRole('textbox', { name: /Welche Angebote bräuchten wir zukünftig im Sozialraum/ })
      .fill(closingAnswer);
    await choose(page, 'Altersgruppe', /10 bis 16 Jahre/);
    await page.getByRole('button', { name: 'Kollegiale Beratung speichern' }).click();
    await page
      .getByText(/Der Bedarf wurde im Stadtteil .* erfasst\./)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'Kollegiale Beratung');

    // Hilfeplan and its PDF
    await page.getByRole('tab', { name: 'Hilfeplan' }).click();
    await page.getByRole('textbox', { name: 'Antrag vom' }).fill('2026-11-02');
    await page.getByRole('textbox', { name: 'Antragstellende' }).fill('Mara Teststern');
    await page.getByRole('textbox', { name: 'Gespräch am' }).fill('2026-11-16');
    await page.getByRole('textbox', { name: 'Überprüfung am' }).fill('2027-05-14');
    await page.getByRole('textbox', { name: 'Beteiligte Person 1' }).fill('Mara Teststern');
    await page
      .getByRole('textbox', { name: 'Vereinbarte Hilfen und Schritte' })
      .fill('Hausaufgabenhilfe im Jugendfreizeitheim; der Onkel übt Mathe.');
    await page.getByRole('button', { name: 'Hilfeplan speichern' }).click();
    const pdfLink = page.getByRole('link', { name: 'Hilfeplan (PDF), Fassung 1' });
    await pdfLink.waitFor();
    await expectNoAxeViolations(page, 'Hilfeplan');
    const href = await pdfLink.getAttribute('href');
    const pdf = await page.request.get(new URL(href ?? '', baseUrl).toString());
    expect(pdf.status()).toBe(200);
    const bytes = Buffer.from(await pdf.body());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(bytes)).toContain('Muharem Teststern');

    // Closing
    await page.getByRole('tab', { name: 'Abschluss' }).click();
    await chooseNth(page, 'Grund', 0);
    await chooseNth(page, 'Ergebnis', 0);
    await page
      .getByRole('textbox', { name: /Tipp aus abgeschlossenem Fall/ })
      .fill('Der Onkel war die wichtigste Ressource.');
    await page.getByRole('button', { name: 'Fall abschließen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, abschließen' }).click();
    await page.getByText('Status: abgeschlossen').first().waitFor();
    await expectNoAxeViolations(page, 'Abschluss');

    // The need from the closing question is visible to the district
    await page.getByRole('link', { name: 'Bedarfe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedarfe im Sozialraum' }).waitFor();
    // A new need is named once, so it comes after the needs named more often: "Mehr laden" until it shows.
    const need = page.getByRole('cell', { name: closingAnswer });
    const count = page.getByRole('status').filter({ hasText: /^[\d.]+ Bedarfe? angezeigt$/ });
    await count.waitFor();
    for (let pages = 1; !(await need.isVisible()); pages++) {
      expect(pages).toBeLessThan(40);
      const before = await count.textContent();
      await page.getByRole('button', { name: 'Mehr laden' }).click();
      await expect.poll(() => count.textContent(), { timeout: 20_000 }).not.toBe(before);
    }
    await expectNoAxeViolations(page, 'Bedarfe');
    // The longest walk of the browser tests: twice the default time on a busy machine.
  }, 120_000);

  it('as fachkraft: a wrong entry is shown under its own field, found by the browser or by the server', async () => {
    const { page, baseUrl } = h;
    const focused = (locator: ReturnType<typeof page.getByLabel>) =>
      locator.evaluate((el) => el === document.activeElement);
    await h.context.clearCookies();
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    await page.getByRole('link', { name: 'Meine Fälle' }).click();
    await page.getByRole('link', { name: 'Neuer Falleingang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Falleingang' }).waitFor();
    await page.getByLabel('Name des Haushalts', { exact: true }).fill('Familie Irrweg');
    // A street that is not in the directory is not offered at all.
    await page.getByRole('combobox', { name: 'Straße', exact: true }).fill('Gibt-es-nicht-Weg');
    await page.getByText('Keine Straße dieses Namens im Straßenverzeichnis.').waitFor();
    await page.getByLabel('Hausnummer', { exact: true }).fill('7');
    const person = page.getByRole('group', { name: 'Person 1' });
    await person.getByLabel('Vorname', { exact: true }).fill('Ida');
    await person.getByLabel('Nachname', { exact: true }).fill('Irrweg');
    const birthDate = person.getByLabel('Geburtsdatum', { exact: true });
    await birthDate.fill('2150-01-01');
    await person.getByRole('combobox', { name: 'Geschlecht' }).click();
    await page.getByRole('option', { name: 'weiblich' }).click();
    await person.getByRole('combobox', { name: 'Rolle' }).click();
    await page.getByRole('option', { name: 'Mutter' }).click();

    // The shared schema, in the browser: members.0.person.birthDate and address.streetId (no street chosen)
    const street = page.getByRole('combobox', { name: 'Straße', exact: true });
    await page.getByRole('button', { name: 'Weiter' }).click();
    await person.getByText('Das Geburtsdatum muss in der Vergangenheit liegen.').waitFor();
    await page.getByText('Bitte eine Straße aus der Liste wählen.').waitFor();
    expect(await birthDate.getAttribute('aria-invalid')).toBe('true');
    expect(await street.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focused(street)).toBe(true);
    await page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie die markierten Felder.' }).waitFor();
    await birthDate.fill('1990-03-04');
    expect(await birthDate.getAttribute('aria-invalid')).not.toBe('true');
    // Leaving the field starts the duplicate check, whose answer moves the buttons below: wait for it.
    await birthDate.blur();
    await person.getByText('Keine mögliche Dublette gefunden.').waitFor();

    // The server, on step 1: a street chosen from the directory that is gone by the time of "Weiter".
    const district = await h.db
      .selectFrom('district')
      .select('id')
      .where('tenant_id', '=', h.tenantId)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const gone = await h.db
      .insertInto('street')
      .values({ tenant_id: h.tenantId, district_id: district.id, name: 'Abrissweg', postal_code: '28999' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await chooseStreet(page, 'Abriss', /^Abrissweg · 28999/);
    await h.db.deleteFrom('street').where('tenant_id', '=', h.tenantId).where('id', '=', gone.id).execute();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByText(/Diese Straße ist nicht im Straßenverzeichnis\./).waitFor();
    expect(await street.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focused(street)).toBe(true);
    expect(await page.getByLabel('Hausnummer', { exact: true }).getAttribute('aria-invalid')).not.toBe(
      'true',
    );
    await page.getByRole('heading', { name: 'Schritt 1 von 2: Familie' }).waitFor();
    await expectNoAxeViolations(page, 'Falleingang mit Fehlern');
  });
});
