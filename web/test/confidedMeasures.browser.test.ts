import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasesOfFachkraft } from './fixtures.ts';
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

const PLAN = 'Die Großmutter übernimmt die Nachmittage, der Vater erfährt davon nichts.';
const PLACEHOLDER = 'Anvertraute Angabe (§ 65 SGB VIII) — nicht sichtbar';

/**
 * An open case led by fachkraft with at least one Hilfe, a Familienrat she saved last, and no § 65 marks on the
 * Familienrat or the Hilfen.
 */
async function scene() {
  const target = await openCasesOfFachkraft(h)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('measure as m')
          .select('m.id')
          .whereRef('m.tenant_id', '=', 'c.tenant_id')
          .whereRef('m.case_id', '=', 'c.id'),
      ),
    )
    .orderBy('c.case_number')
    .executeTakeFirstOrThrow();
  await sql`insert into family_conference (tenant_id, case_id, concern, held_on, phase, family_plan, updated_by)
    values (${h.tenantId}, ${target.id}, 'Betreuung am Nachmittag', '2026-02-10', 'familienphase', ${PLAN},
      ${target.userId})
    on conflict (tenant_id, case_id) do update set family_plan = excluded.family_plan,
      updated_by = excluded.updated_by`.execute(h.db);
  // Measures recorded before their author was kept count as the case lead's: fachkraft may mark them.
  await sql`update measure set created_by = ${target.userId} where tenant_id = ${h.tenantId}
    and case_id = ${target.id}`.execute(h.db);
  await sql`delete from confided_mark where tenant_id = ${h.tenantId} and case_id = ${target.id}
    and item_type in ('family_conference', 'measure')`.execute(h.db);
  return target;
}

async function markVia(buttonName: string | RegExp) {
  const { page } = h;
  await page.getByRole('button', { name: buttonName }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Als anvertraut kennzeichnen (§ 65 SGB VIII)' });
  await dialog.getByRole('combobox', { name: 'Anvertraut an' }).waitFor();
  await dialog.getByRole('button', { name: 'Kennzeichnen' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('§ 65 on the Familienrat and the Hilfen', () => {
  it('as fachkraft: marks the Familienrat and a Hilfe; the team lead sees date and phase, the placeholder and no form', async () => {
    const { page, baseUrl } = h;
    const target = await scene();
    await signInAs(page, baseUrl, 'fachkraft');

    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=familienrat`);
    await page.getByRole('textbox', { name: 'Plan der Familie' }).waitFor();
    await markVia('Als anvertraut kennzeichnen: Familienrat');
    await page.getByText('Anvertraut (§ 65 SGB VIII)', { exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Plan der Familie' }).inputValue()).toBe(PLAN);
    await expectNoAxeViolations(page, 'Familienrat, anvertraut');

    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=hilfen`);
    await markVia(/^Als anvertraut kennzeichnen: Hilfe /);
    await page.getByText('Anvertraut (§ 65 SGB VIII)', { exact: true }).first().waitFor();
    await page
      .getByRole('button', { name: /^Kennzeichnung aufheben: Hilfe / })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'Hilfen, eine anvertraut');

    await switchUser(page, baseUrl, 'teamleitung');
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=familienrat`);
    await page.getByText('Anvertraut (§ 65 SGB VIII) – Inhalt nicht sichtbar').waitFor();
    await page.getByText('Nur lesbar: der Familienrat ist anvertraut').waitFor();
    expect(await page.getByText(PLACEHOLDER).count()).toBeGreaterThan(0);
    expect(await page.getByText(PLAN).count()).toBe(0);
    expect(await page.getByText('10.02.2026').count()).toBeGreaterThan(0);
    expect(await page.getByRole('textbox', { name: 'Plan der Familie' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Familienrat, für die Teamleitung');

    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=hilfen`);
    await page.getByText('Anvertraut (§ 65 SGB VIII) – Inhalt nicht sichtbar').first().waitFor();
    expect(await page.getByRole('button', { name: /^Kennzeichnung aufheben: Hilfe / }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Hilfen, für die Teamleitung');
    await signOut(page);
  });
});

describe('Auskunft: loading and error states', () => {
  it('as teamleitung: shows the progress, a German error with a focused retry, then saves the PDF under the server’s name', async () => {
    const { page, baseUrl } = h;
    const target = await scene();
    await signInAs(page, baseUrl, 'teamleitung');
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=ueberblick`);
    const pdfButton = page.getByRole('button', { name: /^Auskunft \(PDF\): Auskunft über / }).first();
    await pdfButton.waitFor();
    const status = page.getByRole('status').filter({ hasText: /Auskunft/ });

    // The first request is held until the progress has been seen, then fails.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/persons/*/disclosure.pdf', async (route) => {
      await held;
      await route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank#internal',
          title: 'Interner Fehler',
          status: 500,
          code: 'internal',
          detail: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
        }),
      });
    });
    await pdfButton.click();
    await status.getByText('Auskunft wird erstellt …').first().waitFor();
    // The spinner's animation never ends, so axe (which waits for animations) runs on the states after it; here:
    // the pressed button is busy and cannot be pressed twice.
    expect(await pdfButton.isDisabled()).toBe(true);
    release();
    await page.getByText('Die Auskunft konnte nicht erstellt werden').waitFor();
    const retry = page.getByRole('button', { name: 'Erneut versuchen' });
    await expect.poll(() => retry.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'Auskunft fehlgeschlagen');

    await page.unroute('**/api/v1/persons/*/disclosure.pdf');
    const download = page.waitForEvent('download');
    await retry.click();
    expect((await download).suggestedFilename()).toMatch(/^Auskunft-.+\.pdf$/);
    await page
      .getByText(/als PDF heruntergeladen\.$/)
      .first()
      .waitFor();
    expect(await page.getByText('Die Auskunft konnte nicht erstellt werden').count()).toBe(0);
    await expect.poll(() => pdfButton.evaluate((el) => el === document.activeElement)).toBe(true);

    const json = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /^JSON: Auskunft über / })
      .first()
      .click();
    expect((await json).suggestedFilename()).toMatch(/^Auskunft-.+\.json$/);
    await expectNoAxeViolations(page, 'Auskunft heruntergeladen');
  });
});
