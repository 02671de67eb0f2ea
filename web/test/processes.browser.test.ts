import { afterAll, beforeAll, describe, it } from 'vitest';
import { choose, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('core processes', () => {
  it('as admin: sees each process definition as a diagram', async () => {
    const { page, baseUrl } = h;
    await signIn(page, baseUrl, 'admin');
    await page.getByRole('heading', { name: /Willkommen/ }).waitFor();
    await page.getByRole('link', { name: 'Prozesse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prozesse' }).waitFor();
    const diagram = page.getByRole('list', {
      name: 'Ablauf: Hilfe zur Erziehung (§§ 27 ff. SGB VIII), 7 Schritte',
    });
    await diagram
      .getByRole('listitem')
      .filter({ hasText: /^3\.Hilfeplangespräch/ })
      .waitFor();
    await diagram.getByText('Wiederholt alle 6 Monate').waitFor();
    await page.getByRole('list', { name: /^Ablauf: Kinderschutz/ }).waitFor();
    await page.getByRole('list', { name: /^Ablauf: Beratung/ }).waitFor();
    await expectNoAxeViolations(page, 'Prozesse');
  });

  it('as fachkraft: starts help for education on a case, skips a step with a reason, records an urgency', async () => {
    const { page, baseUrl } = h;
    await h.context.clearCookies();
    const fachkraft = await h.db
      .selectFrom('app_user')
      .select('id')
      .where('tenant_id', '=', h.tenantId)
      .where('username', '=', 'fachkraft')
      .executeTakeFirstOrThrow();
    const target = await h.db
      .selectFrom('case_file')
      .select('id')
      .where('tenant_id', '=', h.tenantId)
      .where('lead_user_id', '=', fachkraft.id)
      .where('status', '=', 'offen')
      .orderBy('case_number')
      .executeTakeFirstOrThrow();
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: /Willkommen/ }).waitFor();
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=prozesse`);
    await page.getByRole('heading', { level: 2, name: 'Prozesse' }).waitFor();

    await choose(page, 'Prozess', 'Hilfe zur Erziehung (§§ 27 ff. SGB VIII)');
    await page.getByRole('button', { name: 'Prozess starten' }).click();
    await page.getByText('Der Prozess wurde gestartet.').first().waitFor();
    const steps = page.getByRole('table', { name: 'Schritte: Hilfe zur Erziehung (§§ 27 ff. SGB VIII)' });
    await steps
      .getByRole('row', { name: /Kollegiale Beratung.*beginnt mit „Antrag auf Hilfe zur Erziehung“/ })
      .waitFor();
    await expectNoAxeViolations(page, 'Fallakte, Prozesse');

    await page.getByRole('button', { name: 'Überspringen: Antrag auf Hilfe zur Erziehung' }).click();
    const dialog = page.getByRole('dialog', { name: 'Überspringen: Antrag auf Hilfe zur Erziehung' });
    await dialog.getByRole('button', { name: 'Schritt überspringen' }).click();
    await dialog.getByText('Bitte ausfüllen.').waitFor();
    await expectNoAxeViolations(page, 'Schritt überspringen, ohne Begründung');
    await dialog.getByRole('textbox', { name: 'Begründung' }).fill('Antrag liegt schriftlich in der Akte.');
    await dialog.getByRole('button', { name: 'Schritt überspringen' }).click();
    await steps.getByText('Begründung: Antrag liegt schriftlich in der Akte.').waitFor();
    // Skipping starts the deadline of the step after it.
    await steps.getByRole('row', { name: /Kollegiale Beratung.*bis \d\d\.\d\d\.\d{4}/ }).waitFor();

    await choose(page, 'Prozess', 'Kinderschutz (§ 8a SGB VIII)');
    await page.getByRole('button', { name: 'Prozess starten' }).click();
    await page.getByRole('button', { name: 'Erledigt: Meldung aufnehmen' }).click();
    await page.getByRole('button', { name: 'Erledigt: Ersteinschätzung der Dringlichkeit' }).click();
    const urgency = page.getByRole('dialog', { name: 'Erledigt: Ersteinschätzung der Dringlichkeit' });
    await urgency.getByRole('combobox', { name: 'Dringlichkeit' }).click();
    await page.getByRole('option', { name: 'innerhalb von 24 Stunden' }).click();
    await expectNoAxeViolations(page, 'Ersteinschätzung erledigen');
    await urgency.getByRole('button', { name: 'Als erledigt speichern' }).click();
    await page.getByText('Dringlichkeit: innerhalb von 24 Stunden').waitFor();
    await expectNoAxeViolations(page, 'Fallakte, Prozesse mit Kinderschutz');
  });
});
