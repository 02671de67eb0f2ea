import { addDays, formatDateDe, todayIso } from '@leuchtturm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseNth, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('Abwesenheit eintragen', () => {
  it('lets the case manager enter her absence with a deputy, and shows her team lead who covers whom until when', async () => {
    const { page, baseUrl } = h;
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('link', { name: 'Mein Konto' }).click();
    const form = page.getByRole('region', { name: 'Abwesenheit eintragen' });
    await form.waitFor();

    // Nothing chosen: the browser refuses with the shared schema's messages under the fields.
    await form.getByRole('button', { name: 'Abwesenheit eintragen' }).click();
    await form.getByText('Bitte auswählen.').waitFor();
    await expectNoAxeViolations(page, 'Mein Konto: Abwesenheit mit Fehlern');

    const from = addDays(todayIso(), 1);
    const to = addDays(todayIso(), 5);
    const deputy = await chooseNth(page, 'Vertretung', 0);
    // An end before the beginning: the server's 400 lands under "Bis einschließlich".
    await form.getByLabel('Von').fill(to);
    await form.getByLabel('Bis einschließlich').fill(from);
    await form.getByRole('button', { name: 'Abwesenheit eintragen' }).click();
    await form.getByText('Das Ende der Abwesenheit liegt vor ihrem Beginn.').waitFor();

    await form.getByLabel('Von').fill(from);
    await form.getByLabel('Bis einschließlich').fill(to);
    await form.getByRole('button', { name: 'Abwesenheit eintragen' }).click();
    const own = page.getByRole('region', { name: 'Vertretungen' });
    await own.getByText(`vertreten durch ${deputy} bis ${formatDateDe(to)}`).waitFor();
    await expectNoAxeViolations(page, 'Mein Konto: Abwesenheit eingetragen');

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/anmelden/);
    await signIn(page, baseUrl, 'teamleitung');
    const team = page.getByRole('region', { name: 'Vertretungen im Team' });
    const row = team.getByRole('row', { name: /Frida Fachkraft/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(`vertreten durch ${deputy} bis ${formatDateDe(to)}`);
    await expectNoAxeViolations(page, 'Start: Vertretungen im Team');
  });
});
