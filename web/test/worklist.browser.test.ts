import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverJobs } from '../../server/src/modules/jobs/handlers.ts';
import { JobRunner } from '../../server/src/modules/jobs/runner.ts';
import { caseWithChild } from './fixtures.ts';
import { choose, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function addAnother(page: Page, scope: Locator, combobox: string) {
  await scope.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { selected: false }).first().click();
  await page.keyboard.press('Escape');
}

async function openStep(page: Page, button: string, dialog: string) {
  await page.getByRole('button', { name: button }).click();
  const modal = page.getByRole('dialog', { name: dialog });
  await modal.waitFor();
  return modal;
}

describe('the work list on the start page', () => {
  it('a 24-hour Meldung tops the team lead’s list once its deadline passed, escalates to her bell, and leaves it when assessed', async () => {
    const { page, baseUrl } = h;
    const target = await caseWithChild(h);

    // As fachkraft: the start page is the work list; a report with urgency 24 h and a phone note.
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Arbeitsvorrat' }).waitFor();
    await page.getByRole('heading', { level: 3, name: /^Überfällig/ }).waitFor();
    await expectNoAxeViolations(page, 'Start: Arbeitsvorrat der Fachkraft');

    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=kinderschutz`);
    await page.getByRole('heading', { level: 2, name: 'Kinderschutz (§ 8a SGB VIII)' }).waitFor();
    await page.getByRole('combobox', { name: 'Betroffenes Kind', exact: true }).click();
    await page.getByRole('option').first().click();
    await choose(page, 'Gemeldet durch', 'Schule');
    await choose(page, 'Weg der Meldung', 'telefonisch');
    await page
      .getByRole('textbox', { name: 'Was wurde gemeldet?' })
      .fill('Das Kind hat Angst, nach Hause zu gehen.');
    await page.getByRole('button', { name: 'Meldung speichern' }).click();
    await page.getByText('Die Meldung wurde erfasst.').first().waitFor();
    let modal = await openStep(page, 'Ersteinschätzung erfassen', 'Ersteinschätzung: Wie dringend?');
    await modal.getByRole('radio', { name: 'innerhalb 24 Stunden' }).check();
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Ersteinschätzung wurde gespeichert.').first().waitFor();

    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=vermerke`);
    const form = page.getByRole('form', { name: 'Vermerk schreiben' });
    await form.waitFor();
    await choose(page, 'Art', 'Telefonat');
    await form
      .getByRole('textbox', { name: 'Vermerk', exact: true })
      .fill('Anruf der Klassenlehrerin: das Kind wirkt verängstigt.');
    await form.getByRole('button', { name: 'Vermerk speichern' }).click();
    await page.getByRole('article').filter({ hasText: 'das Kind wirkt verängstigt' }).waitFor();

    // 25 hours later (the server's clock moves; the sweep runs as after a restart): as teamleitung.
    h.clock.advance(25 * 3_600_000);
    const runner = new JobRunner({ db: h.db, registry: serverJobs(), now: h.clock.now });
    await runner.start();
    await runner.stop();
    await h.context.clearCookies();
    await signIn(page, baseUrl, 'teamleitung');
    await page.getByRole('heading', { name: 'Willkommen, Tilda Teamleitung' }).waitFor();
    const overdue = page.getByRole('region', { name: /^Überfällig/ });
    const first = overdue
      .getByRole('listitem')
      .filter({ hasText: `Fall ${target.case_number}` })
      .filter({ has: page.getByRole('link', { name: /^Gefährdungseinschätzung \(Meldung vom/ }) });
    await first.getByText('Kinderschutz', { exact: true }).waitFor();
    await first.getByText(/^überfällig seit /).waitFor();
    // On top: nothing but child protection before it.
    const texts = await overdue.getByRole('listitem').allTextContents();
    const at = texts.findIndex(
      (t) => t.includes(`Fall ${target.case_number}`) && t.includes('Gefährdungseinschätzung'),
    );
    expect(at).toBeGreaterThanOrEqual(0);
    expect(texts.slice(0, at + 1).every((t) => t.startsWith('Kinderschutz'))).toBe(true);
    await page
      .getByRole('table', { name: /^Offene Fälle je Fachkraft/ })
      .getByText('Frida Fachkraft')
      .waitFor();
    // The escalation reached the bell of the app shell: the assessment and the home visit of this report, besides
    // whatever else of the demo city passed meanwhile.
    const lead = await h.db
      .selectFrom('app_user')
      .select('id')
      .where('tenant_id', '=', h.tenantId)
      .where('username', '=', 'teamleitung')
      .executeTakeFirstOrThrow();
    const unread = await h.db
      .selectFrom('notification')
      .select(['title'])
      .where('tenant_id', '=', h.tenantId)
      .where('user_id', '=', lead.id)
      .where('read_at', 'is', null)
      .execute();
    expect(
      unread
        .filter((n) => n.title.endsWith(`(Fall ${target.case_number})`))
        .map((n) => n.title)
        .sort(),
    ).toEqual([
      `Kinderschutzfrist überschritten: Gefährdungseinschätzung (Fall ${target.case_number})`,
      `Kinderschutzfrist überschritten: Inaugenscheinnahme / Hausbesuch (Fall ${target.case_number})`,
    ]);
    await page.getByRole('button', { name: `Benachrichtigungen, ${unread.length} ungelesen` }).waitFor();
    await expectNoAxeViolations(page, 'Start: Arbeitsvorrat des Teams');

    // From the work list to the case: the assessment by two professionals, the visit and the result.
    await first.getByRole('link', { name: /^Gefährdungseinschätzung/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Kinderschutz (§ 8a SGB VIII)' }).waitFor();
    await page.getByRole('button', { name: /^Einschätzung für .* öffnen$/ }).click();
    modal = await openStep(
      page,
      'Gefährdungseinschätzung erfassen',
      'Gefährdungseinschätzung im Zusammenwirken mehrerer Fachkräfte',
    );
    await modal.getByRole('textbox', { name: 'Sachverhalt' }).fill('Gespräch mit Schule und Mutter.');
    await modal.getByRole('textbox', { name: 'Risikofaktoren' }).fill('Angst vor dem Stiefvater.');
    await modal.getByRole('textbox', { name: 'Schutzfaktoren' }).fill('Mutter kooperativ.');
    await addAnother(page, modal, 'Beteiligte Fachkräfte');
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Gefährdungseinschätzung wurde gespeichert.').first().waitFor();
    modal = await openStep(page, 'Inaugenscheinnahme erfassen', 'Inaugenscheinnahme');
    await modal.getByRole('radio', { name: 'durchgeführt' }).check();
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Inaugenscheinnahme wurde gespeichert.').first().waitFor();
    modal = await openStep(page, 'Ergebnis erfassen', 'Ergebnis der Gefährdungseinschätzung');
    await modal.getByRole('radio', { name: 'akute Kindeswohlgefährdung' }).check();
    await modal.getByRole('checkbox', { name: 'psychische Misshandlung' }).check();
    await modal.getByRole('checkbox', { name: 'Stiefelternteil' }).check();
    await choose(page, 'Gewöhnlicher Aufenthalt des Kindes', 'bei einem alleinerziehenden Elternteil');
    await choose(page, 'Alter der Mutter', '27 Jahre oder älter');
    await choose(page, 'Alter des Vaters', 'unbekannt');
    await choose(page, 'Ausländische Herkunft mindestens eines Elternteils', 'nein');
    await choose(page, 'In der Familie wird vorrangig Deutsch gesprochen', 'ja');
    await modal.getByRole('radio', { name: 'nein' }).check();
    await modal.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Das Ergebnis wurde gespeichert.').first().waitFor();
    await page.getByText('Einordnung: Gefährdungsbereich', { exact: true }).waitFor();

    // The Verlauf shows the phone note beside the events.
    await page.getByRole('tab', { name: 'Überblick' }).click();
    const timeline = page.getByRole('list', { name: 'Verlauf' });
    await timeline.getByText(/Telefonat: Anruf der Klassenlehrerin: das Kind wirkt verängstigt\./).waitFor();
    await expectNoAxeViolations(page, 'Fallakte nach der Gefährdungseinschätzung');

    // Back on the start page the case's overdue child-protection deadlines are gone.
    await page.goto(`${baseUrl}/`);
    await page.getByRole('region', { name: /^Heute/ }).waitFor();
    expect(
      await page
        .getByRole('region', { name: /^Überfällig/ })
        .getByRole('listitem')
        .filter({ hasText: `Fall ${target.case_number}` })
        .filter({ hasText: 'Kinderschutz' })
        .count(),
    ).toBe(0);
  });
});
