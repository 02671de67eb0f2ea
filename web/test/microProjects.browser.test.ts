import { centsToMoney, formatMoney, moneyToCents, todayIso } from '@leuchtturm/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** A district teamleitung's team is responsible for, and what is still free of its allocation this year. */
async function districtOfTeamleitung(year: number) {
  const row = await sql<{ id: string; name: string }>`
    select d.id, d.name from app_user u
      join responsibility r on r.tenant_id = u.tenant_id and r.team_id = u.team_id
      join street s on s.tenant_id = r.tenant_id and s.id = r.street_id
      join district d on d.tenant_id = s.tenant_id and d.id = s.district_id
     where u.tenant_id = ${h.tenantId} and u.username = 'teamleitung'
     order by d.name limit 1`.execute(h.db);
  const district = row.rows[0];
  if (!district) throw new Error('teamleitung has no district');
  const sums = await sql<{ allocated: string | null; committed: string }>`
    select (select amount::text from micro_budget_allocation
             where tenant_id = ${h.tenantId} and year = ${year} and district_id = ${district.id}) as allocated,
           (select coalesce(sum(committed), 0)::text from micro_project_budget
             where tenant_id = ${h.tenantId} and year = ${year} and district_id = ${district.id}) as committed`.execute(
    h.db,
  );
  const s = sums.rows[0];
  if (!s?.allocated) throw new Error(`no allocation for ${district.name} in ${year}`);
  return { ...district, remaining: moneyToCents(s.allocated) - moneyToCents(s.committed) };
}

describe('from a need to a micro-project with a budget', () => {
  it('teamleitung records needs, merges and splits them, develops a micro-project from one, commits budget and sees the district’s free budget drop', async () => {
    const { page, baseUrl } = h;
    const year = Number(todayIso().slice(0, 4));
    const district = await districtOfTeamleitung(year);
    const text = `Lernwerkstatt am Nachmittag (Browsertest ${Date.now()})`;
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, baseUrl, 'teamleitung');
    await page
      .getByRole('heading', { name: /Willkommen|Arbeitsvorrat|Team/ })
      .first()
      .waitFor();

    // Record the need from a Bedarfsrunde, and a similar one.
    const similar = `Lernwerkstatt nachmittags (Browsertest ${Date.now()})`;
    await page.goto(`${baseUrl}/bedarfe?districtId=${district.id}`);
    for (const [i, need] of [text, similar].entries()) {
      await page.getByRole('button', { name: 'Bedarf erfassen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Bedarf erfassen' });
      await dialog.waitFor();
      await dialog.getByRole('textbox', { name: /^Bedarf/ }).fill(need);
      await dialog.getByRole('combobox', { name: /^Altersgruppe/ }).click();
      await page.getByRole('option', { name: /^3 bis 10 Jahre/ }).click();
      if (i === 0) await expectNoAxeViolations(page, 'Bedarf erfassen');
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('link', { name: need }).waitFor();
    }
    await expectNoAxeViolations(page, 'Bedarfe im Sozialraum');

    // Its page: one mention from the Bedarfsrunde; merging the similar need adds its mention, splitting takes it back.
    await page.getByRole('link', { name: text }).click();
    await page.getByRole('heading', { level: 1, name: `Bedarf: ${text}` }).waitFor();
    await page.getByRole('row', { name: 'Bedarfsrunde der Wochenkonferenz 1' }).waitFor();
    await page
      .getByRole('combobox', { name: 'Bedarf desselben Stadtteils und derselben Altersgruppe' })
      .click();
    await page.getByRole('option', { name: similar }).click();
    await page.getByRole('button', { name: 'Zusammenführen' }).click();
    await page.getByRole('row', { name: 'Bedarfsrunde der Wochenkonferenz 2' }).waitFor();
    await expectNoAxeViolations(page, 'Bedarf');
    await page.getByRole('button', { name: `Wieder abtrennen: ${similar}` }).click();
    await page.getByRole('row', { name: 'Bedarfsrunde der Wochenkonferenz 1' }).waitFor();
    await expect(page.getByRole('button', { name: /^Wieder abtrennen/ }).count()).resolves.toBe(0);

    // The budget page before: what is free in the district.
    await page.goto(`${baseUrl}/mikroprojekte/budget?year=${year}`);
    const districtRow = page.getByRole('row', { name: new RegExp(`^${district.name} `) }).first();
    await expect(districtRow.getByRole('cell').nth(4).textContent()).resolves.toBe(
      formatMoney(centsToMoney(district.remaining)),
    );
    await expectNoAxeViolations(page, 'Budget der Mikroprojekte');

    // A micro-project from the need.
    await page.goBack();
    await page.getByRole('link', { name: 'Mikroprojekt daraus entwickeln' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neues Mikroprojekt' }).waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill(`Lernwerkstatt ${district.name}`);
    await page.getByRole('combobox', { name: /^Kategorie/ }).click();
    await page.getByRole('option', { name: 'Angebot angebunden an Regelstrukturen' }).click();
    await page.getByRole('textbox', { name: /^Träger/ }).fill('Haus der Familie');
    await page.getByRole('textbox', { name: /^Zielgruppe/ }).fill('Grundschulkinder und ihre Eltern');
    // The need's district comes with the need.
    await page.getByText(district.name, { exact: true }).first().waitFor();
    await expectNoAxeViolations(page, 'Neues Mikroprojekt');
    await page.getByRole('button', { name: 'Mikroprojekt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: `Lernwerkstatt ${district.name}` }).waitFor();
    await page.getByRole('link', { name: text }).waitFor();

    // Commit 1.234,50 € of this year's budget.
    await page.getByRole('button', { name: 'Budget zusagen' }).click();
    const commit = page.getByRole('dialog', { name: 'Budget zusagen' });
    await commit.waitFor();
    await commit.getByLabel('Zugesagt (Euro)').fill('1.234,50');
    await expectNoAxeViolations(page, 'Budget zusagen');
    await commit.getByRole('button', { name: 'Zusagen' }).click();
    await commit.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: formatMoney('1234.50') }).waitFor();
    await expectNoAxeViolations(page, 'Mikroprojekt');

    // The district's free budget dropped by exactly that.
    await page.goto(`${baseUrl}/mikroprojekte/budget?year=${year}`);
    await expect(
      page
        .getByRole('row', { name: new RegExp(`^${district.name} `) })
        .first()
        .getByRole('cell')
        .nth(4)
        .textContent(),
    ).resolves.toBe(formatMoney(centsToMoney(district.remaining - 123450n)));
    // The project is in the district's list.
    await page.goto(`${baseUrl}/mikroprojekte?districtId=${district.id}&year=${year}`);
    await page.getByRole('link', { name: `Lernwerkstatt ${district.name}` }).waitFor();
    await expectNoAxeViolations(page, 'Präventive Mikroprojekte');
    // And the need is in work now.
    const status = await h.db
      .selectFrom('need')
      .select('status')
      .where('tenant_id', '=', h.tenantId)
      .where('text', '=', text)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('in_arbeit');
  });
});
