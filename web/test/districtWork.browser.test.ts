import { afterAll, beforeAll, describe, it } from 'vitest';
import { choose, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('Sozialraum: an Institutionenbesuch with a follow-up and a need', () => {
  it('fachkraft records a visit whose follow-up shows in her work list today, opens it from there and records a need', async () => {
    const { page, baseUrl } = h;
    const institution = `Kita Leuchtfeuer (Browsertest ${Date.now()})`;
    const task = 'Elternabend gemeinsam planen';
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();

    await page.getByRole('link', { name: 'Sozialraum' }).click();
    await page.getByRole('heading', { level: 1, name: /^Sozialraum/ }).waitFor();
    await page.getByRole('table', { name: /Institutionenbesuche/ }).waitFor();
    await expectNoAxeViolations(page, 'Sozialraum: Institutionenbesuche');

    await page.getByRole('button', { name: 'Besuch erfassen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Institutionenbesuch erfassen' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: /^Institution/ }).fill(institution);
    await choose(page, 'Stadtteil', /.+/);
    await dialog.getByRole('textbox', { name: /^Angebote/ }).fill('Krippe, Sprachförderung');
    await dialog.getByRole('button', { name: 'Wiedervorlage hinzufügen' }).click();
    await dialog.getByRole('textbox', { name: /^Was ist zu tun/ }).fill(task);
    await expectNoAxeViolations(page, 'Institutionenbesuch erfassen');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: institution }).waitFor();

    for (const tab of ['Stadtteilbegehungen', 'Erkundungen und Gespräche', 'Netzwerke']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${tab.split(' ')[0]}`) }).waitFor();
      await expectNoAxeViolations(page, `Sozialraum: ${tab}`);
    }

    // The follow-up is due today: on the start page, it opens the visit.
    await page.getByRole('link', { name: 'Start' }).click();
    const item = page.getByRole('link', { name: `${institution}: ${task}` });
    await item.waitFor();
    await expectNoAxeViolations(page, 'Start mit der Wiedervorlage');
    await item.click();
    await page.getByRole('heading', { level: 1, name: `Besuch: ${institution}` }).waitFor();
    await expectNoAxeViolations(page, 'Besuch');

    await page.getByRole('button', { name: 'Bedarf erfassen' }).click();
    const needDialog = page.getByRole('dialog', { name: 'Bedarf erfassen' });
    await needDialog.waitFor();
    await needDialog
      .getByRole('textbox', { name: /^Bedarf/ })
      .fill(`Väterfrühstück (Browsertest ${Date.now()})`);
    // By keyboard: the first option (Schwangerschaft bis 3 Jahre).
    await needDialog.getByRole('combobox', { name: 'Altersgruppe', exact: true }).click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectNoAxeViolations(page, 'Bedarf aus dem Besuch erfassen');
    await needDialog.getByRole('button', { name: 'Speichern' }).click();
    await needDialog.waitFor({ state: 'hidden' });
    await page.getByText(/Väterfrühstück \(Browsertest/).waitFor();
  });
});
