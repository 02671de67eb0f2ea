import { afterAll, beforeAll, describe, it } from 'vitest';
import { shippedDefinitions } from '../../server/src/modules/processes/shipped.ts';
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

    // A new version: a deadline of 0 days is refused under its field, 3 working days are saved as version 2.
    await page.getByRole('button', { name: 'Neue Version: Beratung' }).click();
    const editor = page.getByRole('dialog', { name: 'Neue Version: Beratung' });
    const first = editor.getByRole('group', { name: 'Schritt 1: Falleingang und Falleinordnung' });
    await first.getByRole('textbox', { name: 'Frist' }).fill('0');
    await editor.getByRole('button', { name: 'Version 2 speichern' }).click();
    await first.getByText('Mindestens 1.').waitFor();
    await expectNoAxeViolations(page, 'Neue Version, Frist 0');
    await first.getByRole('textbox', { name: 'Frist' }).fill('3');
    await editor.getByRole('button', { name: 'Version 2 speichern' }).click();
    await page.getByText('Version 2 gilt für alle Prozesse, die ab jetzt starten.').first().waitFor();
    await page
      .getByRole('list', { name: /^Ablauf: Beratung/ })
      .getByText(/Frist: 3 Arbeitstage nach dem Start/)
      .waitFor();
    await page.getByRole('button', { name: /^Frühere Version 1 \(in \d+ Fällen genutzt\)/ }).waitFor();
  });

  it('as fachkraft: sees the help for education of a case, skips a step with a reason, records an urgency', async () => {
    const { page, baseUrl } = h;
    await h.context.clearCookies();
    // An open case of fachkraft with its help for education (the demo city replays it from the records) and the
    // first step still open in it.
    const open = await h.db
      .selectFrom('process_step as s')
      .innerJoin('process_instance as i', (j) =>
        j.onRef('i.tenant_id', '=', 's.tenant_id').onRef('i.id', '=', 's.instance_id'),
      )
      .innerJoin('process_definition as d', (j) =>
        j.onRef('d.tenant_id', '=', 'i.tenant_id').onRef('d.id', '=', 'i.definition_id'),
      )
      .innerJoin('case_file as c', (j) =>
        j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.case_id'),
      )
      .innerJoin('app_user as u', (j) =>
        j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
      )
      .select(['c.id as caseId', 's.step_key as key'])
      .where('s.tenant_id', '=', h.tenantId)
      .where('u.username', '=', 'fachkraft')
      .where('c.status', '=', 'offen')
      .where('d.key', '=', 'hilfe_zur_erziehung')
      .where('s.state', '=', 'offen')
      // The demo city's live work runs § 8a checks in some of these cases; this one must be free to start one.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('process_instance as k')
              .innerJoin('process_definition as kd', (j) =>
                j.onRef('kd.tenant_id', '=', 'k.tenant_id').onRef('kd.id', '=', 'k.definition_id'),
              )
              .select('k.id')
              .whereRef('k.tenant_id', '=', 'c.tenant_id')
              .whereRef('k.case_id', '=', 'c.id')
              .where('kd.key', '=', 'kinderschutz')
              .where('k.status', '=', 'running'),
          ),
        ),
      )
      .orderBy('c.case_number')
      .orderBy('s.position')
      .orderBy('s.occurrence')
      .executeTakeFirstOrThrow();
    const title = shippedDefinitions
      .find((d) => d.key === 'hilfe_zur_erziehung')
      ?.steps.find((st) => st.key === open.key)?.title;
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: /Willkommen/ }).waitFor();
    await page.goto(`${baseUrl}/faelle/${open.caseId}?bereich=prozesse`);
    await page.getByRole('heading', { level: 2, name: 'Prozesse' }).waitFor();
    const steps = page.getByRole('table', { name: 'Schritte: Hilfe zur Erziehung (§§ 27 ff. SGB VIII)' });
    await steps.getByRole('row', { name: /Antrag auf Hilfe zur Erziehung.*erledigt/ }).waitFor();
    await expectNoAxeViolations(page, 'Fallakte, Prozesse');

    await page.getByRole('button', { name: `Überspringen: ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Überspringen: ${title}` });
    await dialog.getByRole('button', { name: 'Schritt überspringen' }).click();
    await dialog.getByText('Bitte ausfüllen.').waitFor();
    await expectNoAxeViolations(page, 'Schritt überspringen, ohne Begründung');
    await dialog.getByRole('textbox', { name: 'Begründung' }).fill('In diesem Fall nicht nötig.');
    await dialog.getByRole('button', { name: 'Schritt überspringen' }).click();
    await steps.getByText('Begründung: In diesem Fall nicht nötig.').waitFor();

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
