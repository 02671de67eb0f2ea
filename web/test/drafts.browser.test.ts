import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasesOfFachkraft } from './fixtures.ts';
import {
  choose,
  DEMO_PASSWORD,
  expectNoAxeViolations,
  type Harness,
  signIn,
  startHarness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** An open case led by fachkraft, the last by number; the test writes its own notes there. */
const caseOfFachkraft = () =>
  openCasesOfFachkraft(h).orderBy('c.case_number', 'desc').executeTakeFirstOrThrow();

/** The drafts this browser profile holds (the store's keys in localStorage). */
const storedDrafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('leuchtturm.entwurf.')));

/** Waits until the draft of a form holds `text` (it is saved about a second after typing). */
async function draftHolds(page: Page, text: string) {
  await page.waitForFunction(
    (t) =>
      Object.keys(localStorage).some(
        (k) => k.startsWith('leuchtturm.entwurf.') && (localStorage.getItem(k) ?? '').includes(t),
      ),
    JSON.stringify(text).slice(1, -1),
    { timeout: 10_000 },
  );
}

// Every kind of character the text must survive: umlauts, typographic quotes and dashes, €, line breaks, emoji.
const TEXT =
  'Hausbesuch bei Familie Ößlinger: Mutter „sehr belastet“ – Kinder (3 und 5) wirken gepflegt.\n' +
  'Vereinbart: Rückruf am Freitag, 12:30 Uhr; Kosten ca. 45,50 € für die Fahrt. ✓ 👍';

describe('drafts and signing in again in place', () => {
  it('as fachkraft: a reload offers the draft back, an expired session signs in again in the dialog and saves every character, sign-out removes drafts', async () => {
    const { page, baseUrl } = h;
    const target = await caseOfFachkraft();
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();

    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=vermerke`);
    let form = page.getByRole('form', { name: 'Vermerk schreiben' });
    await form.waitFor();
    await choose(page, 'Art', 'Hausbesuch');
    await form.getByRole('textbox', { name: 'Vermerk', exact: true }).fill(TEXT);
    await draftHolds(page, TEXT);

    // A reload in the middle of typing: the form offers the draft back.
    await page.reload();
    form = page.getByRole('form', { name: 'Vermerk schreiben' });
    await form.getByText(/^Zu diesem Formular gibt es Ihren Entwurf vom /).waitFor();
    expect(await form.getByRole('textbox', { name: 'Vermerk', exact: true }).inputValue()).toBe('');
    await expectNoAxeViolations(page, 'Vermerk schreiben mit Entwurf');
    await form.getByRole('button', { name: 'Entwurf wiederherstellen' }).click();
    expect(await form.getByRole('textbox', { name: 'Vermerk', exact: true }).inputValue()).toBe(TEXT);

    // The session ends on the server (31 minutes idle); the submit asks for the password and is sent again.
    h.clock.advance(31 * 60_000);
    await form.getByRole('button', { name: 'Vermerk speichern' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sitzung abgelaufen: bitte erneut anmelden' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'Erneut anmelden');
    await dialog.getByLabel('Passwort', { exact: true }).fill('falsch-falsch');
    await dialog.getByRole('button', { name: 'Anmelden und fortfahren' }).click();
    await dialog.getByText('Benutzername oder Passwort ist falsch.').waitFor();
    await dialog.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Anmelden und fortfahren' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('article').filter({ hasText: 'Familie Ößlinger' }).waitFor();
    expect(page.url()).toContain(`/faelle/${target.id}`);

    const saved = await h.db
      .selectFrom('case_note')
      .select(['text', 'kind'])
      .where('tenant_id', '=', h.tenantId)
      .where('case_id', '=', target.id)
      .where('text', 'like', 'Hausbesuch bei Familie Ößlinger%')
      .execute();
    expect(saved).toEqual([{ text: TEXT, kind: 'hausbesuch' }]);
    // A draft that was submitted successfully is deleted.
    expect(await storedDrafts(page)).toEqual([]);

    // A new draft, then sign-out: no draft stays in the browser.
    form = page.getByRole('form', { name: 'Vermerk schreiben' });
    await form.getByRole('textbox', { name: 'Vermerk', exact: true }).fill('Noch nicht fertig.');
    await draftHolds(page, 'Noch nicht fertig.');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    expect(await storedDrafts(page)).toEqual([]);
  });

  it('as fachkraft: a version conflict of Wille und Ziele shows both versions side by side and saves the chosen one', async () => {
    const { page, baseUrl } = h;
    const target = await caseOfFachkraft();
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=wille-und-ziele`);
    const form = page.getByRole('form', { name: 'Wille und Ziele' });
    const will = form.getByRole('textbox', { name: 'Wille', exact: true });
    await will.waitFor();
    const mine = 'Wir wollen, dass Lena wieder gern in die Schule geht. (meine Fassung)';
    await will.fill(mine);

    // Meanwhile a colleague saves another text.
    const theirs = 'Die Familie wünscht sich mehr Ruhe am Abend. (andere Fassung)';
    await sql`insert into will_and_goals (tenant_id, case_id, will, direction_goal, version)
      values (${h.tenantId}, ${target.id}, ${theirs}, 'Ruhe', 1)
      on conflict (tenant_id, case_id) do update set will = ${theirs}, version = will_and_goals.version + 1`.execute(
      h.db,
    );
    await form.getByRole('button', { name: 'Wille und Ziele speichern' }).click();
    const compare = page.getByRole('dialog', { name: 'Zwischenzeitlich geändert: Fassungen vergleichen' });
    await compare.getByText(mine).waitFor();
    await compare.getByText(theirs).waitFor();
    await compare.getByRole('heading', { name: 'Ihre Fassung' }).first().waitFor();
    await expectNoAxeViolations(page, 'Fassungen vergleichen');
    await compare.getByRole('button', { name: 'Meine Fassung übernehmen' }).click();
    await compare.waitFor({ state: 'detached' });
    await page.getByText('Wille und Ziele wurden gespeichert.').first().waitFor();
    const saved = await h.db
      .selectFrom('will_and_goals')
      .select('will')
      .where('tenant_id', '=', h.tenantId)
      .where('case_id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(saved.will).toBe(mine);

    // Once more, and this time the other version wins: the form shows it and no draft is left.
    await will.fill('Ein Satz, der nicht bleibt.');
    const third = 'Lena soll in ihrer Klasse bleiben können. (dritte Fassung)';
    await sql`update will_and_goals set will = ${third}, version = version + 1
      where tenant_id = ${h.tenantId} and case_id = ${target.id}`.execute(h.db);
    await form.getByRole('button', { name: 'Wille und Ziele speichern' }).click();
    await compare.getByText(third).waitFor();
    await compare.getByRole('button', { name: 'Andere Fassung übernehmen' }).click();
    await compare.waitFor({ state: 'detached' });
    await expect.poll(() => will.inputValue()).toBe(third);
    expect(await storedDrafts(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
  });

  it('as fachkraft: changing a note that was changed in another window compares both versions', async () => {
    const { page, baseUrl } = h;
    const target = await caseOfFachkraft();
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=vermerke`);
    const form = page.getByRole('form', { name: 'Vermerk schreiben' });
    await form.waitFor();
    await choose(page, 'Art', 'Telefonat');
    await form
      .getByRole('textbox', { name: 'Vermerk', exact: true })
      .fill('Telefonat mit der Schule (Ausgangstext).');
    await form.getByRole('button', { name: 'Vermerk speichern' }).click();
    const note = page.getByRole('article').filter({ hasText: 'Telefonat mit der Schule (Ausgangstext).' });
    await note.getByRole('button', { name: /^Bearbeiten: Telefonat vom/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Vermerk bearbeiten: Telefonat vom/ });
    const mine = 'Telefonat mit der Schule: Klassenlehrerin meldet gute Mitarbeit. (meine Fassung)';
    await dialog.getByRole('textbox', { name: 'Vermerk', exact: true }).fill(mine);

    // The same author saved another text in a second window meanwhile.
    const theirs = 'Telefonat mit der Schule: Rückruf erbeten. (zweites Fenster)';
    await sql`update case_note set text = ${theirs}, version = version + 1
      where tenant_id = ${h.tenantId} and case_id = ${target.id} and text = 'Telefonat mit der Schule (Ausgangstext).'`.execute(
      h.db,
    );
    await dialog.getByRole('button', { name: 'Änderung speichern' }).click();
    const compare = page.getByRole('dialog', { name: 'Zwischenzeitlich geändert: Fassungen vergleichen' });
    await compare.getByText(mine).waitFor();
    await compare.getByText(theirs).waitFor();
    await expectNoAxeViolations(page, 'Vermerk: Fassungen vergleichen');
    await compare.getByRole('button', { name: 'Meine Fassung übernehmen' }).click();
    await page.getByRole('article').filter({ hasText: mine }).waitFor();
    const saved = await h.db
      .selectFrom('case_note')
      .select(['text', 'version'])
      .where('tenant_id', '=', h.tenantId)
      .where('case_id', '=', target.id)
      .where('text', 'like', 'Telefonat mit der Schule:%')
      .execute();
    expect(saved).toEqual([{ text: mine, version: 3 }]);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
  });

  it('as fachkraft: a warning shows five minutes before the idle timeout, and "Weiterarbeiten" keeps working', async () => {
    // A page of its own whose clock the test moves (the server's session is still fresh).
    const page = await h.context.newPage();
    try {
      await page.clock.install();
      await signIn(page, h.baseUrl, 'fachkraft');
      await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
      const warning = page.getByRole('dialog', { name: 'Ihre Sitzung läuft bald ab' });
      await page.clock.fastForward('20:00');
      expect(await warning.count()).toBe(0);
      await page.clock.fastForward('05:00');
      await warning.getByText(/^Ohne weitere Aktivität endet Ihre Sitzung um /).waitFor();
      await expectNoAxeViolations(page, 'Warnung vor dem Ende der Sitzung');
      await warning.getByRole('button', { name: 'Weiterarbeiten' }).click();
      await warning.waitFor({ state: 'detached' });
      await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    } finally {
      await page.close();
    }
  });
});
