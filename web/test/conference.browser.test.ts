import { addDays, formatDateDe, todayIso, weekdayOf } from '@leuchtturm/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** A district teamleitung's team is responsible for. */
async function districtOfTeamleitung() {
  const row = await sql<{ id: string; name: string }>`
    select d.id, d.name from app_user u
      join responsibility r on r.tenant_id = u.tenant_id and r.team_id = u.team_id
      join street s on s.tenant_id = r.tenant_id and s.id = r.street_id
      join district d on d.tenant_id = s.tenant_id and d.id = s.district_id
     where u.tenant_id = ${h.tenantId} and u.username = 'teamleitung'
     order by d.name limit 1`.execute(h.db);
  const district = row.rows[0];
  if (!district) throw new Error('teamleitung has no district');
  return district;
}

describe('Wochenkonferenz', () => {
  it('teamleitung prepares a Wochenkonferenz whose Bedarfsrunde records a need of the district', async () => {
    const { page, baseUrl } = h;
    const district = await districtOfTeamleitung();
    const today = todayIso();
    // The Friday of next week: no demo conference falls on it (they are on Mondays).
    const heldOn = addDays(today, 7 + 5 - weekdayOf(today));
    const text = `Offener Treff für Väter (Browsertest ${Date.now()})`;
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, baseUrl, 'teamleitung');
    await page.getByRole('link', { name: 'Wochenkonferenz' }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Wochenkonferenz – / }).waitFor();
    await page.getByRole('table', { name: 'Wochenkonferenzen des Teams' }).waitFor();
    await expectNoAxeViolations(page, 'Wochenkonferenzen');

    // A new conference on that day.
    await page.getByRole('button', { name: 'Wochenkonferenz anlegen' }).click();
    const create = page.getByRole('dialog', { name: 'Wochenkonferenz anlegen' });
    await create.waitFor();
    await create.getByLabel(/^Datum/).fill(heldOn);
    await expectNoAxeViolations(page, 'Wochenkonferenz anlegen');
    await create.getByRole('button', { name: 'Anlegen' }).click();
    await page
      .getByRole('heading', { level: 1, name: `Wochenkonferenz am ${formatDateDe(heldOn)}` })
      .waitFor();
    await page.getByRole('heading', { name: 'Tipps aus abgeschlossenen Fällen' }).waitFor();
    await expectNoAxeViolations(page, 'Wochenkonferenz');

    // A topic for Tipps und Themen.
    await page.getByRole('button', { name: 'Thema aufnehmen' }).click();
    const topic = page.getByRole('dialog', { name: /^Punkt aufnehmen: Tipps und Themen/ });
    await topic.waitFor();
    await topic.getByRole('textbox', { name: /^Thema/ }).fill('Neues Familienzentrum am Deich');
    await expectNoAxeViolations(page, 'Thema aufnehmen');
    await topic.getByRole('button', { name: 'Speichern' }).click();
    await topic.waitFor({ state: 'hidden' });
    await page.getByText('Neues Familienzentrum am Deich').waitFor();

    // The Bedarfsrunde records a need of the district.
    await page.getByRole('button', { name: 'Bedarf erfassen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bedarf aus der Bedarfsrunde erfassen' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: /^Bedarf/ }).fill(text);
    // By keyboard: open the list, move to an option, take it.
    const cohort = dialog.getByRole('combobox', { name: /^Altersgruppe/ });
    await cohort.focus();
    await cohort.press('ArrowDown');
    await page.getByRole('option', { name: /^Schwangerschaft bis 3 Jahre/ }).waitFor();
    await cohort.press('ArrowDown');
    await cohort.press('Enter');
    await expect(cohort.inputValue()).resolves.toMatch(/Jahre/);
    const districtBox = dialog.getByRole('combobox', { name: /^Stadtteil/ });
    await districtBox.fill(district.name);
    await page.getByRole('option', { name: district.name, exact: true }).waitFor();
    await districtBox.press('ArrowDown');
    await districtBox.press('Enter');
    await expect(districtBox.inputValue()).resolves.toBe(district.name);
    await expectNoAxeViolations(page, 'Bedarf aus der Bedarfsrunde erfassen');
    await dialog.getByRole('button', { name: 'Bedarf erfassen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const link = page.getByRole('link', { name: `Bedarf: ${text}` });
    await link.waitFor();
    await expectNoAxeViolations(page, 'Wochenkonferenz mit Bedarf');
    const folder = page.getByRole('link', { name: 'Wochenkonferenzmappe (PDF)' });
    expect(await folder.getAttribute('href')).toMatch(/^\/api\/v1\/conferences\/[0-9a-f-]{36}\/folder$/);

    // The need is in the needs workflow, mentioned once by the Bedarfsrunde on the conference's day.
    const mentions = await sql<{ source: string; mentioned_on: string; district_id: string }>`
      select m.source, m.mentioned_on::text as mentioned_on, n.district_id from need n
        join need_mention m on m.tenant_id = n.tenant_id and m.need_id = n.id
       where n.tenant_id = ${h.tenantId} and n.text = ${text}`.execute(h.db);
    expect(mentions.rows).toEqual([
      { source: 'bedarfsrunde', mentioned_on: heldOn, district_id: district.id },
    ]);
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Bedarf: ${text}` }).waitFor();
    await page.getByRole('row', { name: 'Bedarfsrunde der Wochenkonferenz 1' }).waitFor();
    await expectNoAxeViolations(page, 'Bedarf aus der Wochenkonferenz');

    // The team page: knowledge base, expertise and training.
    await page.getByRole('link', { name: 'Team und Wissen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Team und Wissen' }).waitFor();
    await page.getByRole('link', { name: 'Hausbesuch vorbereiten' }).waitFor();
    await expectNoAxeViolations(page, 'Wissensbasis');
    await page.getByRole('link', { name: 'Hausbesuch vorbereiten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Hausbesuch vorbereiten' }).waitFor();
    await expectNoAxeViolations(page, 'Seite der Wissensbasis');
    await page.goBack();
    await page.getByRole('tab', { name: 'Qualifizierung' }).click();
    await page.getByRole('table', { name: /^Qualifizierung / }).waitFor();
    await expectNoAxeViolations(page, 'Qualifizierung');
    await page.getByRole('tab', { name: 'Fachgebiete' }).click();
    await page.getByRole('table', { name: 'Fachgebiete' }).waitFor();
    await expectNoAxeViolations(page, 'Fachgebiete');
  });
});
