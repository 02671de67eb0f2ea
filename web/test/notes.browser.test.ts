import { sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { notify } from '../../server/src/modules/notifications/service.ts';
import { caseOfFachkraft } from './fixtures.ts';
import { choose, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('Aktenvermerke and notifications', () => {
  it('as fachkraft: writes a note, changes it, corrects it after 24 hours, filters the Verlauf, follows a notification', async () => {
    const { page, baseUrl } = h;
    const target = await caseOfFachkraft(h);
    // The demo city leaves fachkraft unread notifications (live work); this test counts from none.
    await sql`update notification set read_at = now()
      where tenant_id = ${h.tenantId} and user_id = ${target.userId} and read_at is null`.execute(h.db);
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    await page.getByRole('button', { name: 'Benachrichtigungen, keine ungelesen' }).waitFor();

    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=vermerke`);
    const form = page.getByRole('form', { name: 'Vermerk schreiben' });
    await form.waitFor();
    await choose(page, 'Art', 'Telefonat');
    await form
      .getByRole('textbox', { name: 'Weitere Beteiligte', exact: true })
      .fill('Frau Teststern (Mutter)');
    await form
      .getByRole('textbox', { name: 'Vermerk', exact: true })
      .fill('Mutter ruft an: Termin beim Kinderarzt verschoben.');
    await expectNoAxeViolations(page, 'Fallakte, Vermerke');
    await form.getByRole('button', { name: 'Vermerk speichern' }).click();
    const note = page.getByRole('article').filter({ hasText: 'Termin beim Kinderarzt verschoben' });
    await note.waitFor();
    await note.getByText('Beteiligte: Frau Teststern (Mutter)').waitFor();

    // Within 24 hours the author changes it.
    await note.getByRole('button', { name: /^Bearbeiten: Telefonat vom/ }).click();
    const editDialog = page.getByRole('dialog', { name: /^Vermerk bearbeiten: Telefonat vom/ });
    await editDialog
      .getByRole('textbox', { name: 'Vermerk', exact: true })
      .fill('Mutter ruft an: Termin beim Kinderarzt am Freitag.');
    await expectNoAxeViolations(page, 'Vermerk bearbeiten');
    await editDialog.getByRole('button', { name: 'Änderung speichern' }).click();
    await page.getByRole('article').filter({ hasText: 'Termin beim Kinderarzt am Freitag' }).waitFor();

    // 24 hours later it is fixed: a correction, which shows what it corrects.
    await sql`update case_note set created_at = now() - interval '25 hours'
      where tenant_id = ${h.tenantId} and case_id = ${target.id}`.execute(h.db);
    await page.reload();
    const fixed = page.getByRole('article').filter({ hasText: 'Termin beim Kinderarzt am Freitag' });
    await fixed.getByRole('button', { name: /^Korrektur schreiben: Telefonat vom/ }).click();
    const correctDialog = page.getByRole('dialog', { name: /^Korrektur zu: Telefonat vom/ });
    await correctDialog
      .getByRole('textbox', { name: 'Vermerk', exact: true })
      .fill('Richtig: Termin am Donnerstag.');
    await expectNoAxeViolations(page, 'Korrektur schreiben');
    await correctDialog.getByRole('button', { name: 'Korrektur speichern' }).click();
    const correction = page.getByRole('article').filter({ hasText: 'Richtig: Termin am Donnerstag.' });
    await correction.getByText(/^Korrigiert den Vermerk „Telefonat“ vom/).waitFor();
    await page
      .getByRole('article')
      .filter({ hasText: 'Termin beim Kinderarzt am Freitag' })
      .first()
      .waitFor();

    // The Verlauf lists the notes beside the events; "Vermerke" shows them alone.
    await page.getByRole('tab', { name: 'Überblick' }).click();
    const timeline = page.getByRole('list', { name: 'Verlauf' });
    await timeline.getByText('Korrektur · Telefonat: Richtig: Termin am Donnerstag.').waitFor();
    const intake = timeline.getByRole('listitem').filter({ hasText: /Falleingang$/ });
    await intake.waitFor();
    await page.getByRole('radiogroup').getByText('Vermerke', { exact: true }).click();
    await intake.waitFor({ state: 'detached' });
    await expectNoAxeViolations(page, 'Fallakte, Verlauf mit Filter');

    // A notification: the badge counts it, the inbox lists it, choosing it opens its link and marks it read.
    await notify(h.db, {
      tenantId: h.tenantId,
      userIds: [target.userId],
      kind: 'hinweis',
      title: `Neue Aufgabe im Fall ${target.caseNumber}.`,
      link: `/faelle/${target.id}?bereich=vermerke`,
      dedupeKey: null,
    });
    await page.goto(`${baseUrl}/`);
    const bell = page.getByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' });
    await bell.click();
    const inbox = page.getByRole('dialog', { name: 'Benachrichtigungen' });
    await inbox.getByText(`Neue Aufgabe im Fall ${target.caseNumber}.`).waitFor();
    await expectNoAxeViolations(page, 'Benachrichtigungen');
    await inbox
      .getByRole('button', { name: new RegExp(`Neue Aufgabe im Fall ${target.caseNumber}`) })
      .click();
    await page.waitForURL(new RegExp(`/faelle/${target.id}\\?bereich=vermerke`));
    await page.getByRole('form', { name: 'Vermerk schreiben' }).waitFor();
    await page.getByRole('button', { name: 'Benachrichtigungen, keine ungelesen' }).waitFor();
  });
});
