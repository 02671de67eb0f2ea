import { auditActions, auditEntityTypes } from '@leuchtturm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, chooseNth, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/**
 * An open case of fachkraft whose family has a child, opened before the measure the test plans (a begin before the
 * opening would need a reason), and no young person of which is in a stationary help already (one at a time).
 */
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
    .where('c.opened_on', '<=', '2026-11-01')
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
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('household_member as hm')
            .innerJoin('measure as m', (j) =>
              j.onRef('m.tenant_id', '=', 'hm.tenant_id').onRef('m.person_id', '=', 'hm.person_id'),
            )
            .select('m.id')
            .whereRef('hm.tenant_id', '=', 'c.tenant_id')
            .whereRef('hm.household_id', '=', 'c.household_id')
            .where('m.category', '=', 'stationaer')
            .where('m.status', '<>', 'zurueckgezogen'),
        ),
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
  it('fachkraft finds the family known and plans a Heimerziehung (fitting 1440 px), teamleitung approves it, wiju sees its cost, the Protokoll says it in words', async () => {
    const { page, baseUrl } = h;
    const target = await caseOfFachkraft();

    // A common laptop screen: the measures table must fit without scrolling sideways.
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: /Willkommen/ }).waitFor();

    // "Ist die Familie bekannt?" from the start page: a member of the case's family is known, and where.
    const member = await h.db
      .selectFrom('case_file as c')
      .innerJoin('household_member as hm', (j) =>
        j.onRef('hm.tenant_id', '=', 'c.tenant_id').onRef('hm.household_id', '=', 'c.household_id'),
      )
      .innerJoin('person as p', (j) =>
        j.onRef('p.tenant_id', '=', 'hm.tenant_id').onRef('p.id', '=', 'hm.person_id'),
      )
      .select(['p.first_name', 'p.last_name', 'p.birth_date'])
      .where('c.id', '=', target.id)
      .orderBy('hm.position')
      .executeTakeFirstOrThrow();
    await page.getByRole('link', { name: 'Person prüfen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ist die Familie bekannt?' }).waitFor();
    await page.getByLabel('Vorname', { exact: true }).fill(member.first_name);
    await page.getByLabel('Nachname', { exact: true }).fill(member.last_name);
    await page.getByLabel('Geburtsdatum', { exact: true }).fill(member.birth_date ?? ''); // the demo gives everyone a date of birth
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page
      .getByText(/Zuständig: Frida Fachkraft/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'Ist die Familie bekannt?');

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
    const notice = page
      .getByText('Die Hilfe ist geplant und wartet auf die Bewilligung durch die Referatsleitung.')
      .first();
    await notice.waitFor();
    // The notification stays clear of the header's "Abmelden".
    const signOutBox = await page.getByRole('button', { name: 'Abmelden' }).boundingBox();
    const noticeBox = await notice.boundingBox();
    expect(signOutBox && noticeBox && noticeBox.y > signOutBox.y + signOutBox.height).toBe(true);

    // The planned measure: a one-line status badge, "Zurückziehen" instead of "Beenden", all within the screen.
    const planned = page.getByRole('row').filter({ hasText: 'wartet auf Bewilligung' }).first();
    await planned.waitFor();
    const badge = planned.getByText('geplant', { exact: true });
    expect((await badge.boundingBox())?.height).toBeLessThan(40);
    expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const withdraw = planned.getByRole('button', { name: /zurückziehen$/ });
    await withdraw.waitFor();
    expect(await planned.getByRole('button', { name: /beenden$/ }).count()).toBe(0);
    const withdrawBox = await withdraw.boundingBox();
    expect((withdrawBox?.x ?? 0) + (withdrawBox?.width ?? 0)).toBeLessThanOrEqual(1440);
    const table = page.getByRole('table', { name: /Hilfen?$/ });
    // Inside its scroll container, a table wider than the page would reach past the main area's right edge.
    const overhang = await table.evaluate(
      (el) =>
        el.getBoundingClientRect().right -
        (document.getElementById('inhalt')?.getBoundingClientRect().right ?? 0),
    );
    expect(overhang).toBeLessThanOrEqual(0);
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

    // The approved help asks for its statistics fields as coded choices (§ 34: with its sub-type).
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=hilfen`);
    await page.getByRole('button', { name: /^Statistik zu Heimerziehung.* ab 01\.11\.2026$/ }).click();
    const stats = page.getByRole('dialog', { name: 'Statistikangaben der Hilfe' });
    await stats.getByRole('combobox', { name: 'Unterart der Hilfe', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'Statistikangaben der Hilfe');
    await choose(page, 'Unterart der Hilfe', 'betreute Wohngruppe');
    await choose(page, 'Ort der Hilfe', 'in einer betreuten Wohnform / Wohngemeinschaft');
    await choose(page, 'Aufenthalt vor der Hilfe', 'bei den Eltern / einem Elternteil');
    await choose(page, 'Hauptgrund für die Hilfe', 'Gefährdung des Kindeswohls');
    await choose(page, 'Anregung der Hilfe durch', 'Soziale Dienste / Jugendamt');
    await choose(page, 'Familiengerichtliche Entscheidung zu Beginn', 'keine');
    await stats.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Statistikangaben der Hilfe sind gespeichert.').first().waitFor();
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

    // Before the HzE statistics go out, the check lists the demo's records that would be rejected, and why.
    await page.goto(`${baseUrl}/finanzen?tab=statistik`);
    await page.getByRole('textbox', { name: 'Jahr', exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Datensätze prüfen' }).click();
    const rejected = page.getByRole('table', { name: 'Datensätze, die abgelehnt würden' });
    await rejected.getByRole('cell', { name: 'Statistikangaben der Hilfe', exact: true }).first().waitFor();
    await expectNoAxeViolations(page, 'Finanzen, HzE-Statistik');
    await signOut();

    // The Protokoll names every action and record in words: what happened above, and no code.
    await signIn(page, baseUrl, 'admin');
    await page.getByRole('link', { name: 'Protokoll' }).click();
    const protocol = page.getByRole('table', { name: /Protokolleinträge/ });
    await protocol.getByRole('cell', { name: 'Bewilligt', exact: true }).first().waitFor();
    const labels = await protocol
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.flatMap((r) => [
          (r as HTMLTableRowElement).cells[3]?.textContent ?? '',
          (r as HTMLTableRowElement).cells[4]?.textContent ?? '',
        ]),
      );
    const codes = new Set<string>([...auditActions, ...auditEntityTypes]);
    expect(labels.filter((text) => codes.has(text) || text.includes('_') || text === '')).toEqual([]);
    expect(labels).toEqual(
      expect.arrayContaining(['Bewilligt', 'Hilfe (Maßnahme)', 'Anmeldung', 'Gesucht', 'Person']),
    );
    await expectNoAxeViolations(page, 'Protokoll');
  });
});
