import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseOfFachkraft } from './fixtures.ts';
import {
  expectNoAxeViolations,
  type Harness,
  signInAs,
  signOut,
  startHarness,
  switchUser,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const WILL = 'Die Mutter möchte, dass niemand von ihrer Therapie erfährt.';
const PLACEHOLDER = 'Anvertraute Angabe (§ 65 SGB VIII) — nicht sichtbar';

/** An open case led by fachkraft, with a Wille-und-Ziele sheet she saved last and no § 65 mark on it. */
async function scene() {
  const target = await caseOfFachkraft(h);
  await sql`insert into will_and_goals (tenant_id, case_id, will, direction_goal, updated_at, updated_by)
    values (${h.tenantId}, ${target.id}, ${WILL}, 'Die Familie lebt zusammen.', now(), ${target.userId})
    on conflict (tenant_id, case_id) do update set will = excluded.will, updated_by = excluded.updated_by`.execute(
    h.db,
  );
  await sql`delete from confided_mark where tenant_id = ${h.tenantId} and item_type = 'will_and_goals'
    and item_id = ${target.id}`.execute(h.db);
  return target;
}

describe('§ 65 anvertraute Daten on the case file', () => {
  it('as fachkraft: marks Wille und Ziele as confided, records a release, the team lead reads only the placeholder, the mark is removed after a confirmation', async () => {
    const { page, baseUrl } = h;
    const target = await scene();
    await signInAs(page, baseUrl, 'fachkraft');
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=wille-und-ziele`);
    await page.getByRole('textbox', { name: 'Wille', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Als anvertraut kennzeichnen: Wille und Ziele' }).click();
    const markDialog = page.getByRole('dialog', { name: 'Als anvertraut kennzeichnen (§ 65 SGB VIII)' });
    await markDialog.getByRole('combobox', { name: 'Anvertraut an' }).waitFor();
    await expectNoAxeViolations(page, 'Als anvertraut kennzeichnen');
    await markDialog.getByRole('button', { name: 'Kennzeichnen' }).click();
    await page.getByText('Anvertraut (§ 65 SGB VIII)', { exact: true }).waitFor();
    await page.getByText(/^Anvertraut an Frida Fachkraft\./).waitFor();
    // The confidant still edits normally.
    expect(await page.getByRole('textbox', { name: 'Wille', exact: true }).inputValue()).toBe(WILL);

    await page.getByRole('button', { name: 'Weitergabe festhalten: Wille und Ziele' }).click();
    const releaseDialog = page.getByRole('dialog', {
      name: 'Einwilligung oder gesetzliche Befugnis festhalten',
    });
    await releaseDialog.getByRole('button', { name: 'Festhalten' }).click();
    await releaseDialog
      .getByText('Bitte die Grundlage wählen und kurz festhalten, worauf sie beruht.')
      .waitFor();
    await releaseDialog.getByRole('radio', { name: /^Einwilligung der Person/ }).check();
    await releaseDialog
      .getByRole('textbox', { name: 'Worauf beruht sie?' })
      .fill('Schriftlich am 2. Dezember.');
    await expectNoAxeViolations(page, 'Weitergabe festhalten');
    await releaseDialog.getByRole('button', { name: 'Festhalten' }).click();
    await page.getByText(/Eine Befugnis zur Weitergabe ist festgehalten\./).waitFor();
    await expectNoAxeViolations(page, 'Wille und Ziele, anvertraut');

    await switchUser(page, baseUrl, 'teamleitung');
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=wille-und-ziele`);
    await page.getByText('Anvertraut (§ 65 SGB VIII) – Inhalt nicht sichtbar').waitFor();
    expect(await page.getByText(PLACEHOLDER).count()).toBeGreaterThan(0);
    expect(await page.getByText(WILL).count()).toBe(0);
    // The edit rule: no form to save the placeholder back, and no controls of the mark.
    expect(await page.getByRole('textbox', { name: 'Wille', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Kennzeichnung aufheben: Wille und Ziele/ }).count()).toBe(
      0,
    );
    await expectNoAxeViolations(page, 'Wille und Ziele, für die Teamleitung');

    await switchUser(page, baseUrl, 'fachkraft');
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=wille-und-ziele`);
    await page.getByRole('button', { name: 'Kennzeichnung aufheben: Wille und Ziele' }).click();
    const removeDialog = page.getByRole('dialog', { name: 'Kennzeichnung aufheben?' });
    await removeDialog.getByText(/Die Aufhebung wird protokolliert\./).waitFor();
    await expectNoAxeViolations(page, 'Kennzeichnung aufheben');
    await removeDialog.getByRole('button', { name: 'Kennzeichnung aufheben' }).click();
    await page.getByRole('button', { name: 'Als anvertraut kennzeichnen: Wille und Ziele' }).waitFor();
    expect(await page.getByText('Anvertraut (§ 65 SGB VIII)', { exact: true }).count()).toBe(0);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', h.tenantId)
      .where('entity_type', '=', 'confided_mark')
      .where(sql<boolean>`details->>'itemId' = ${target.id}`)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    await signOut(page);
  });

  it('as fachkraft: marks an entry of the Netzwerkkarte as confided; the team lead sees the placeholder in table and picture and cannot change or remove it', async () => {
    const { page, baseUrl } = h;
    const target = await scene();
    const TIE = 'Frau Anvertraut-Nachbarin';
    await sql`delete from network_tie where tenant_id = ${h.tenantId} and case_id = ${target.id}
      and name = ${TIE}`.execute(h.db);
    await sql`insert into network_tie (tenant_id, case_id, name, kind, closeness, quality, angle, created_by)
      values (${h.tenantId}, ${target.id}, ${TIE}, 'person', 1, 'stark', 45, ${target.userId})`.execute(h.db);
    await signInAs(page, baseUrl, 'fachkraft');
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=netzwerkkarte`);
    await page.getByRole('table', { name: 'Einträge der Netzwerkkarte' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TIE });
    const markButton = row.getByRole('button', {
      name: /^Als anvertraut kennzeichnen: Eintrag \d+ der Netzwerkkarte$/,
    });
    await markButton.click();
    const markDialog = page.getByRole('dialog', { name: 'Als anvertraut kennzeichnen (§ 65 SGB VIII)' });
    await markDialog.getByText(/^Eintrag der Netzwerkkarte: Den Inhalt sehen danach nur/).waitFor();
    await markDialog.getByRole('button', { name: 'Kennzeichnen' }).click();
    await row.getByText('Anvertraut (§ 65 SGB VIII)', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'Netzwerkkarte, anvertraut');

    await switchUser(page, baseUrl, 'teamleitung');
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=netzwerkkarte`);
    await page.getByRole('table', { name: 'Einträge der Netzwerkkarte' }).waitFor();
    await page.getByText('Anvertraut (§ 65 SGB VIII) – Inhalt nicht sichtbar').first().waitFor();
    expect(await page.getByText(TIE).count()).toBe(0);
    expect(await page.getByText(PLACEHOLDER).count()).toBeGreaterThan(0);
    // The picture names it by the marking only, and there is nothing to change or remove.
    expect(await page.locator('svg text', { hasText: 'Anvertraut (§ 65)' }).count()).toBe(1);
    const withheld = page.getByRole('row').filter({ hasText: PLACEHOLDER });
    expect(await withheld.getByRole('button', { name: /bearbeiten|löschen/ }).count()).toBe(0);
    await withheld.getByText('Anvertraut: ändern kann ihn nur, wer den Inhalt sehen darf.').waitFor();
    await expectNoAxeViolations(page, 'Netzwerkkarte, für die Teamleitung');
    await signOut(page);
  });
});
