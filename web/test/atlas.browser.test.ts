import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithChild } from './fixtures.ts';
import { choose, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** An entry of the demo atlas with a place, and how many resources point at it now. */
async function someEntry() {
  const row = await sql<{ id: string; name: string; district: string; used: number }>`
    select e.id, e.name, d.name as district,
           (select count(*)::int from resource r where r.tenant_id = e.tenant_id and r.directory_entry_id = e.id) as used
      from atlas_entry e join district d on d.tenant_id = e.tenant_id and d.id = e.district_id
     where e.tenant_id = ${h.tenantId} and e.lon is not null
     order by e.name limit 1`.execute(h.db);
  const entry = row.rows[0];
  if (!entry) throw new Error('the demo atlas is empty');
  return entry;
}

describe('Stadtteilatlas', () => {
  it('sozialraum searches the atlas, opens an entry and finds it in the list beside the map; fachkraft links it in a Ressourcenkarte', async () => {
    const { page, baseUrl } = h;
    const entry = await someEntry();
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, baseUrl, 'sozialraum');
    await page.getByRole('link', { name: 'Stadtteilatlas' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Stadtteilatlas' }).waitFor();
    await page.getByRole('textbox', { name: /^Suche/ }).fill(entry.name);
    await page.getByRole('link', { name: entry.name, exact: true }).waitFor();
    await expectNoAxeViolations(page, 'Stadtteilatlas');
    await page.getByRole('checkbox', { name: 'Nur seit über einem Jahr nicht geprüfte' }).check();
    await page.getByRole('textbox', { name: /^Suche/ }).fill('');
    await page.getByText('prüfen', { exact: true }).first().waitFor();

    // The entry: its use in cases as a number.
    await page.goto(`${baseUrl}/atlas/${entry.id}`);
    await page.getByRole('heading', { level: 1, name: entry.name }).waitFor();
    await page.getByText(`In Ressourcenkarten von Fällen genutzt: ${entry.used}`).waitFor();
    await expectNoAxeViolations(page, 'Eintrag des Stadtteilatlas');

    // The map page: the districts and the entry in the keyboard list beside the map.
    await page.goto(`${baseUrl}/atlas/karte`);
    await page.getByRole('heading', { level: 1, name: 'Karte des Stadtteilatlas' }).waitFor();
    await choose(page, 'Stadtteil der Liste', entry.district);
    const pick = page.getByRole('button', {
      name: new RegExp(`^${entry.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    });
    await pick.focus();
    await page.keyboard.press('Enter');
    await expect(pick.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.locator('.ctl-map-frame, [role="alert"]').first().waitFor();
    await expectNoAxeViolations(page, 'Karte des Stadtteilatlas');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/anmelden/);

    // fachkraft links the entry in a case's Ressourcenkarte through the picker.
    const target = await caseWithChild(h);
    await signIn(page, baseUrl, 'fachkraft');
    await page
      .getByRole('heading', { name: /Willkommen|Arbeitsvorrat|Team/ })
      .first()
      .waitFor();
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=ressourcen`);
    await choose(page, 'Bereich', 'Sozialräumlich');
    const description = `Angebot im Stadtteil (Browsertest ${Date.now()})`;
    await page.getByRole('textbox', { name: 'Beschreibung' }).fill(description);
    await page.getByRole('combobox', { name: 'Einrichtung aus dem Stadtteilatlas' }).fill(entry.name);
    await page
      .getByRole('option', { name: new RegExp(entry.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .click();
    await expectNoAxeViolations(page, 'Ressourcen mit Stadtteilatlas');
    await page.getByRole('button', { name: 'Ressource hinzufügen' }).click();
    await page.getByText(description).first().waitFor();
    await page.getByRole('link', { name: entry.name }).first().waitFor();
    const used = await someEntry();
    expect(used.used).toBe(entry.used + 1);
  }, 240_000);
});
