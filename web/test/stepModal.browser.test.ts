import { todayIso } from '@leuchtturm/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseOfFachkraft } from './fixtures.ts';
import { choose, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** An open case led by fachkraft, and the ids of fachkraft and teamleitung (one team). */
async function caseAndColleagues() {
  const target = await caseOfFachkraft(h);
  const teamLead = await h.db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', h.tenantId)
    .where('username', '=', 'teamleitung')
    .executeTakeFirstOrThrow();
  return { caseId: target.id, participantIds: [target.userId, teamLead.id] };
}

describe('a step saved from a modal dialog (StepModalForm)', () => {
  it('as fachkraft: when someone saved the Auftrag meanwhile, the result offers "Neu laden" instead of overwriting', async () => {
    const { page, baseUrl } = h;
    const { caseId, participantIds } = await caseAndColleagues();
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();

    // The test's own Auftrag, through the API as the signed-in user: a Kurzberatung puts the case in the grey area.
    const today = todayIso();
    const created = await page.evaluate(
      async ({ caseId, participantIds, today }) => {
        const me = await (await fetch('/api/v1/auth/me')).json();
        const post = (path: string, body: unknown) =>
          fetch(`/api/v1/cases/${caseId}/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: JSON.stringify(body),
          });
        const consultation = await post('risk-consultations', {
          heldOn: today,
          participantIds,
          facts: 'Sorge um die Schulbesuche.',
          area: 'grau',
          nextSteps: 'Auftrag erteilen.',
        });
        const mandate = await post('mandates', {
          kind: 'auftrag',
          purpose: 'klaerung',
          text: 'Teststern: Schulbescheinigung vorlegen',
          addressee: 'Mutter',
          dueOn: today,
          checkMethod: 'Vorlage im Amt',
          reviewOn: today,
          consequence: null,
        });
        return [consultation.status, mandate.status];
      },
      { caseId, participantIds, today },
    );
    expect(created).toEqual([201, 201]);

    await page.goto(`${baseUrl}/faelle/${caseId}?bereich=einordnung`);
    const row = page.getByRole('row').filter({ hasText: 'Teststern: Schulbescheinigung vorlegen' });
    await row.getByRole('button', { name: /^Ergebnis erfassen/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Ergebnis: Auftrag bis/ });
    await choose(page, 'Ergebnis', /^erfüllt$/);

    // Someone else saves the Auftrag meanwhile.
    await sql`update mandate set version = version + 1
      where tenant_id = ${h.tenantId} and case_id = ${caseId} and text = 'Teststern: Schulbescheinigung vorlegen'`.execute(
      h.db,
    );
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: 'Nicht gespeichert' });
    await alert.waitFor();
    await expectNoAxeViolations(page, 'Ergebnis eines Auftrags, Versionskonflikt');
    await alert.getByRole('button', { name: 'Neu laden' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const stored = await h.db
      .selectFrom('mandate')
      .select('result')
      .where('tenant_id', '=', h.tenantId)
      .where('text', '=', 'Teststern: Schulbescheinigung vorlegen')
      .executeTakeFirstOrThrow();
    expect(stored.result).toBe('offen');
  });
});
