import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('Wiederaufnahme', () => {
  it('as teamleitung: reopens a closed case of her team through the dialog, which asks for the reason', async () => {
    const { page, baseUrl } = h;
    const lead = await h.db
      .selectFrom('app_user')
      .select(['id', 'team_id'])
      .where('tenant_id', '=', h.tenantId)
      .where('username', '=', 'teamleitung')
      .executeTakeFirstOrThrow();
    // A closed case of her team: the demo's live work changes open cases only.
    const closed = await h.db
      .selectFrom('case_file')
      .select('id')
      .where('tenant_id', '=', h.tenantId)
      .where('team_id', '=', lead.team_id)
      .where('status', '=', 'abgeschlossen')
      .orderBy('case_number')
      .executeTakeFirstOrThrow();
    await signIn(page, baseUrl, 'teamleitung');
    await page.getByRole('heading', { name: /Willkommen/ }).waitFor();
    await page.goto(`${baseUrl}/faelle/${closed.id}?bereich=abschluss`);
    await page.getByRole('button', { name: 'Fall wieder aufnehmen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fall wieder aufnehmen' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'Fall wieder aufnehmen');

    // Without a reason nothing is sent: the field says why.
    await dialog.getByRole('button', { name: 'Fall wieder aufnehmen' }).click();
    await dialog.getByText('Bitte ausfüllen.').waitFor();
    await dialog.getByRole('textbox', { name: /Grund der Wiederaufnahme/ }).fill('Neue Meldung der Schule.');
    await dialog.getByRole('button', { name: 'Fall wieder aufnehmen' }).click();
    await page.getByText('Der Fall wurde wieder aufgenommen.').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // Open again, the page offers the closing form.
    await page.getByRole('button', { name: 'Fall abschließen' }).waitFor();

    const stored = await h.db
      .selectFrom('case_file')
      .select('status')
      .where('tenant_id', '=', h.tenantId)
      .where('id', '=', closed.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('offen');
    const reopening = await h.db
      .selectFrom('case_reopening')
      .select(['reason', 'reopened_by'])
      .where('tenant_id', '=', h.tenantId)
      .where('case_id', '=', closed.id)
      .executeTakeFirstOrThrow();
    expect(reopening).toEqual({ reason: 'Neue Meldung der Schule.', reopened_by: lead.id });
  });
});
