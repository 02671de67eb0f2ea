import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, chooseNth, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** An open case of fachkraft whose family has a child. */
async function caseOfFachkraft(): Promise<{ id: string; caseNumber: string }> {
  return h.db
    .selectFrom('case_file as c')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_user_id'),
    )
    .select(['c.id', 'c.case_number as caseNumber'])
    .where('c.tenant_id', '=', h.tenantId)
    .where('u.username', '=', 'fachkraft')
    .where('c.status', '=', 'offen')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('household_member as hm')
          .select('hm.person_id')
          .whereRef('hm.tenant_id', '=', 'c.tenant_id')
          .whereRef('hm.household_id', '=', 'c.household_id')
          .where('hm.role', '=', 'kind'),
      ),
    )
    .orderBy('c.case_number')
    .executeTakeFirstOrThrow();
}

async function signOut() {
  await h.page.getByRole('button', { name: 'Abmelden' }).click();
  await h.page.waitForURL(/\/anmelden/);
}

describe('a measure from the case to the money', () => {
  it('fachkraft plans a Heimerziehung, teamleitung approves it, wiju sees its monthly cost', async () => {
    const { page, baseUrl } = h;
    const target = await caseOfFachkraft();

    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: /Willkommen/ }).waitFor();
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=hilfen`);
    await page.getByRole('button', { name: 'Hilfe anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hilfe anlegen' });
    await dialog.waitFor();
    await chooseNth(page, 'Junge Person', 0);
    await choose(page, 'Hilfeart', 'Heimerziehung / betreutes Wohnen (§ 34)');
    await chooseNth(page, 'Leistungsangebot', 0);
    await dialog.getByRole('textbox', { name: 'Beginn', exact: true }).fill('2026-11-01');
    await expectNoAxeViolations(page, 'Hilfe anlegen');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await page
      .getByText('Die Hilfe ist geplant und wartet auf die Bewilligung durch die Referatsleitung.')
      .first()
      .waitFor();
    await page.getByText('geplant — wartet auf Bewilligung').first().waitFor();
    await expectNoAxeViolations(page, 'Fallakte, Hilfen');
    await signOut();

    await signIn(page, baseUrl, 'teamleitung');
    await page.getByRole('link', { name: 'Bewilligungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bewilligungen' }).waitFor();
    await page.getByRole('link', { name: target.caseNumber }).waitFor();
    await expectNoAxeViolations(page, 'Bewilligungen');
    await page
      .getByRole('button', { name: /bewilligen$/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Bewilligen' }).click();
    await page.getByText('Die Hilfe ist bewilligt.').first().waitFor();
    await signOut();

    await signIn(page, baseUrl, 'wiju');
    await page.getByRole('link', { name: 'Finanzen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wirtschaftliche Jugendhilfe' }).waitFor();
    await page.goto(`${baseUrl}/finanzen?monat=2026-11`);
    const api = await page.request.get(`${baseUrl}/api/v1/finance/costs?month=2026-11`);
    const costs = (await api.json()) as { rows: { caseNumber: string; helpType: string; amount: string }[] };
    const row = costs.rows.find(
      (r) => r.caseNumber === target.caseNumber && r.helpType.startsWith('Heimerziehung'),
    );
    expect(row).toBeDefined();
    // 30 days in November at the offer's day rate, shown with a decimal comma.
    const [euros, cents] = (row?.amount ?? '').split('.');
    const shown = `${Number(euros).toLocaleString('de-DE')},${cents}`;
    await page
      .getByRole('row', { name: new RegExp(`${target.caseNumber}.*Heimerziehung`) })
      .filter({ hasText: shown })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'Finanzen, Monatskosten');
  });
});
