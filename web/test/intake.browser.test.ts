import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/**
 * A street the test adds to the directory without any responsibility (as an admin may add one before the
 * Zuständigkeiten): no team is responsible for its addresses.
 */
async function streetWithoutTeam(name: string): Promise<string> {
  const district = await h.db
    .selectFrom('district')
    .select('id')
    .where('tenant_id', '=', h.tenantId)
    .orderBy('name')
    .executeTakeFirstOrThrow();
  await h.db
    .insertInto('street')
    .values({ tenant_id: h.tenantId, district_id: district.id, name, postal_code: '28998' })
    .execute();
  return `${name} · 28998`;
}

/** Step 1 with one person (the mother), the address left to the caller. */
async function familyStep(lastName: string) {
  const { page } = h;
  await page.getByRole('link', { name: 'Meine Fälle' }).click();
  await page.getByRole('link', { name: 'Neuer Falleingang' }).click();
  await page.getByRole('heading', { level: 1, name: 'Falleingang' }).waitFor();
  await page.getByLabel('Name des Haushalts', { exact: true }).fill(`Familie ${lastName}`);
  const mother = page.getByRole('group', { name: 'Person 1' });
  await mother.getByLabel('Vorname', { exact: true }).fill('Nora');
  await mother.getByLabel('Nachname', { exact: true }).fill(lastName);
  await mother.getByLabel('Geburtsdatum', { exact: true }).fill('1991-06-07');
  await mother.getByRole('combobox', { name: 'Geschlecht' }).click();
  await page.getByRole('option', { name: 'weiblich' }).click();
  await mother.getByRole('combobox', { name: 'Rolle' }).click();
  await page.getByRole('option', { name: 'Mutter' }).click();
}

/** Step 2 and "Fall eröffnen"; answers the case number the case page shows. */
async function openCase(expectedNotice: RegExp): Promise<string> {
  const { page } = h;
  await page.getByRole('heading', { name: 'Schritt 2 von 2: Falleingang' }).waitFor();
  await page.getByText(expectedNotice).waitFor();
  await choose(page, 'Zugangsweg', 'Selbstmeldung');
  await page.getByLabel('Anliegen in den Worten der Familie', { exact: true }).fill('Wir brauchen Hilfe.');
  await expectNoAxeViolations(page, 'Falleingang, Schritt 2 mit Zuteilung');
  await page.getByRole('button', { name: 'Fall eröffnen' }).click();
  await page.waitForURL(/\/faelle\/[0-9a-f-]{36}/);
  // The notice of a case opened just before may still show: the newest is the last.
  const notice = page.getByText(/Der Fall \d{4}-\d{5} wurde angelegt\./).last();
  const text = (await notice.textContent()) ?? '';
  return /(\d{4}-\d{5})/.exec(text)?.[1] ?? '';
}

describe('intake addresses and the allocation list', () => {
  it('as fachkraft: a street from the suggestions without a team, and a homeless family; as teamleitung: both on the allocation list, one allocated', async () => {
    const { page, baseUrl } = h;
    const street = await streetWithoutTeam('Neubauring Ohneteam');
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();

    // A street chosen from the suggestions (typed in part, picked by keyboard), for which no team is responsible.
    await familyStep('Neubau');
    const streetBox = page.getByRole('combobox', { name: 'Straße', exact: true });
    await streetBox.fill('neubauring');
    await page.getByRole('option', { name: street }).waitFor();
    await expectNoAxeViolations(page, 'Falleingang, Straßenvorschläge');
    await streetBox.press('ArrowDown');
    await streetBox.press('Enter');
    await page.getByText('Für diese Straße ist noch kein Team zuständig.').waitFor();
    await page.getByLabel('Hausnummer', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Weiter' }).click();
    const first = await openCase(/Für diese Adresse \(Stadtteil .+\) ist kein Team zuständig\./);
    await page.getByText('noch nicht zugeteilt (Zuteilung)').waitFor();
    await expectNoAxeViolations(page, 'Fallakte ohne Team');

    // A homeless family: no street, no number.
    await familyStep('Unterwegs');
    await page.getByRole('radio', { name: 'Wohnungslos' }).check();
    await page.getByText('Ohne feste Adresse ist kein Team zuständig').waitFor();
    await expectNoAxeViolations(page, 'Falleingang, wohnungslos');
    await page.getByRole('button', { name: 'Weiter' }).click();
    const second = await openCase(/Die Familie hat keine feste Adresse\./);
    await page.getByText('Wohnungslos', { exact: true }).waitFor();

    // The team lead's allocation list shows both; she takes the first into her team.
    await h.context.clearCookies();
    await signIn(page, baseUrl, 'teamleitung');
    await page.getByRole('heading', { name: 'Willkommen, Tilda Teamleitung' }).waitFor();
    await page.getByRole('link', { name: 'Zuteilung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zuteilung' }).waitFor();
    const firstRow = page.getByRole('row').filter({ hasText: first });
    const secondRow = page.getByRole('row').filter({ hasText: second });
    await firstRow.getByText('Neubauring Ohneteam').waitFor();
    await secondRow.getByText('Wohnungslos').waitFor();
    await expectNoAxeViolations(page, 'Zuteilung');
    await choose(page, `Fallführung für ${first}`, 'Frida Fachkraft');
    await firstRow.getByRole('button', { name: 'Zuteilen' }).click();
    await page
      .getByText(`Der Fall ${first} ist jetzt in Ihrem Team; die Fallführung hat Frida Fachkraft.`)
      .waitFor();
    await firstRow.waitFor({ state: 'detached' });
    await secondRow.waitFor();
  });
});

describe('a date of birth "unbekannt"', () => {
  it("as fachkraft: a father's date of birth marked unknown, no such mark for a child, shown as unknown on the case page", async () => {
    const { page, baseUrl } = h;
    await h.context.clearCookies();
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    await page.getByRole('link', { name: 'Meine Fälle' }).click();
    await page.getByRole('link', { name: 'Neuer Falleingang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Falleingang' }).waitFor();
    await page.getByLabel('Name des Haushalts', { exact: true }).fill('Familie Datumlos');
    const father = page.getByRole('group', { name: 'Person 1' });
    await father.getByLabel('Vorname', { exact: true }).fill('Jonas');
    await father.getByLabel('Nachname', { exact: true }).fill('Datumlos');
    await father.getByRole('combobox', { name: 'Geschlecht' }).click();
    await page.getByRole('option', { name: 'männlich' }).click();
    await father.getByRole('combobox', { name: 'Rolle' }).click();
    await page.getByRole('option', { name: 'Vater' }).click();
    await father.getByRole('checkbox', { name: 'Geburtsdatum unbekannt' }).check();
    await expect.poll(() => father.getByLabel('Geburtsdatum', { exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Person hinzufügen' }).click();
    const child = page.getByRole('group', { name: 'Person 2' });
    await child.getByLabel('Vorname', { exact: true }).fill('Lina');
    await child.getByLabel('Nachname', { exact: true }).fill('Datumlos');
    await child.getByLabel('Geburtsdatum', { exact: true }).fill('2016-03-09');
    await child.getByRole('combobox', { name: 'Geschlecht' }).click();
    await page.getByRole('option', { name: 'weiblich' }).click();
    await child.getByRole('combobox', { name: 'Rolle' }).click();
    await page.getByRole('option', { name: 'Kind', exact: true }).click();
    // A child's date of birth cannot be marked unknown.
    expect(await child.getByRole('checkbox', { name: 'Geburtsdatum unbekannt' }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Wohnungslos' }).check();
    await expectNoAxeViolations(page, 'Falleingang, Geburtsdatum unbekannt');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await openCase(/Die Familie hat keine feste Adresse\./);
    const row = page.getByRole('row').filter({ hasText: 'Jonas Datumlos' });
    await row.getByRole('cell', { name: 'unbekannt', exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Lina Datumlos' }).getByText('09.03.2016').waitFor();
  });
});
