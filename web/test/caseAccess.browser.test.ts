import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const user = (username: string) =>
  h.db
    .selectFrom('app_user')
    .select(['id', 'display_name as name', 'team_id as teamId'])
    .where('tenant_id', '=', h.tenantId)
    .where('username', '=', username)
    .executeTakeFirstOrThrow();

const grantsOf = (caseId: string) =>
  h.db
    .selectFrom('case_access_grant')
    .select('user_id')
    .where('tenant_id', '=', h.tenantId)
    .where('case_id', '=', caseId)
    .execute();

/**
 * An open case of teamleitung's team led by fachkraft, another case manager of the team to take it over, and a
 * case manager of another team to be granted access.
 */
async function scene() {
  const lead = await user('teamleitung');
  const fachkraft = await user('fachkraft');
  const target = await h.db
    .selectFrom('case_file')
    .select(['id', 'case_number as caseNumber'])
    .where('tenant_id', '=', h.tenantId)
    .where('lead_user_id', '=', fachkraft.id)
    .where('status', '=', 'offen')
    .orderBy('case_number')
    .executeTakeFirstOrThrow();
  const caseManagers = await h.db
    .selectFrom('app_user')
    .select(['id', 'display_name as name', 'team_id as teamId'])
    .where('tenant_id', '=', h.tenantId)
    .where('active', '=', true)
    .where((eb) => eb(eb.val('case_manager'), '=', eb.fn.any('roles')))
    .where('id', '<>', fachkraft.id)
    .orderBy('display_name')
    .execute();
  const newLead = caseManagers.find((u) => u.teamId === lead.teamId);
  // Deputies of the old or new lead have access already and would not be offered for a grant.
  const deputies = await h.db
    .selectFrom('deputy')
    .select('deputy_user_id')
    .where('tenant_id', '=', h.tenantId)
    .where('user_id', 'in', [fachkraft.id, newLead?.id ?? fachkraft.id])
    .execute();
  const guest = caseManagers.find(
    (u) => u.teamId !== lead.teamId && !deputies.some((d) => d.deputy_user_id === u.id),
  );
  if (!newLead || !guest) throw new Error('the demo city lacks case managers for this test');
  return { lead, fachkraft, target, newLead, guest };
}

describe('the team lead manages who may see a case', () => {
  it('as teamleitung: sees who has access and why, changes the Fallführung, grants and (after confirming) revokes access', async () => {
    const { page, baseUrl } = h;
    const { lead, fachkraft, target, newLead, guest } = await scene();
    await signIn(page, baseUrl, 'teamleitung');
    await page.getByRole('heading', { name: /Willkommen/ }).waitFor();
    await page.goto(`${baseUrl}/faelle/${target.id}`);
    await page.getByRole('tab', { name: 'Fallführung und Zugriff' }).click();

    // Who has access and why
    const table = page.getByRole('table', { name: 'Personen mit Zugriff' });
    await table.waitFor();
    await table.getByRole('row', { name: new RegExp(`${fachkraft.name}\\s+Fallführung`) }).waitFor();
    await table.getByRole('row', { name: new RegExp(`${lead.name}\\s+Referatsleitung des Teams`) }).waitFor();
    await expectNoAxeViolations(page, 'Fallführung und Zugriff');

    // A new Fallführung, chosen with the keyboard
    const leadSelect = page.getByRole('combobox', { name: 'Fallführung', exact: true });
    await leadSelect.focus();
    await leadSelect.fill(newLead.name);
    // The list filters as the name is typed: choose once it shows the one option left (a loaded machine is slow).
    await page.getByRole('option', { name: newLead.name }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect.poll(() => leadSelect.inputValue()).toBe(newLead.name);
    await page.getByRole('textbox', { name: 'Übergabenotiz' }).fill('Termine bitte vormittags.');
    await page.getByRole('button', { name: 'Fallführung speichern' }).press('Enter');
    await page.getByText(`Die Fallführung hat jetzt ${newLead.name}.`).first().waitFor();
    await table.getByRole('row', { name: new RegExp(`${newLead.name}\\s+Fallführung`) }).waitFor();
    await page.getByRole('definition').filter({ hasText: newLead.name }).first().waitFor();

    // Access for a colleague of another team
    const person = page.getByRole('combobox', { name: 'Person', exact: true });
    await person.click();
    await person.fill(guest.name);
    await page.getByRole('option', { name: new RegExp(`^${guest.name}`) }).click();
    await page.getByRole('button', { name: 'Zugriff gewähren' }).click();
    await page.getByText(`${guest.name} hat jetzt Zugriff auf den Fall.`).first().waitFor();
    const grantRow = table.getByRole('row', {
      name: new RegExp(`${guest.name}\\s+Zugriff gewährt\\s+${lead.name}`),
    });
    await grantRow.waitFor();
    await expectNoAxeViolations(page, 'Zugriff gewährt');

    // Revoking asks first; cancelling keeps the access
    const revoke = page.getByRole('button', { name: `Zugriff entziehen: ${guest.name}` });
    await revoke.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Zugriff entziehen?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'Zugriff entziehen?');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await grantRow.count()).toBe(1);
    expect((await grantsOf(target.id)).map((g) => g.user_id)).toContain(guest.id);

    // Confirmed with the keyboard: the focus starts on "Abbrechen", the next button revokes
    await revoke.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect
      .poll(() =>
        dialog.getByRole('button', { name: 'Abbrechen' }).evaluate((b) => b === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`Der Zugriff von ${guest.name} wurde entzogen.`).first().waitFor();
    await grantRow.waitFor({ state: 'detached' });

    const stored = await h.db
      .selectFrom('case_file')
      .select('lead_user_id')
      .where('tenant_id', '=', h.tenantId)
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(stored.lead_user_id).toBe(newLead.id);
    const change = await h.db
      .selectFrom('case_lead_change')
      .select(['to_user_id', 'note'])
      .where('tenant_id', '=', h.tenantId)
      .where('case_id', '=', target.id)
      .orderBy('changed_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(change).toEqual({ to_user_id: newLead.id, note: 'Termine bitte vormittags.' });
    expect((await grantsOf(target.id)).map((g) => g.user_id)).not.toContain(guest.id);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', h.tenantId)
      .where('entity_type', '=', 'case_access')
      .where('entity_id', '=', target.id)
      .where('actor_id', '=', lead.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['read', 'grant', 'revoke']));
  });

  it('as fachkraft, lead of a case: sees the list, but neither changes the lead nor grants or revokes', async () => {
    const { page, baseUrl } = h;
    const fachkraft = await user('fachkraft');
    const own = await h.db
      .selectFrom('case_file')
      .select('id')
      .where('tenant_id', '=', h.tenantId)
      .where('lead_user_id', '=', fachkraft.id)
      .where('status', '=', 'offen')
      .orderBy('case_number')
      .executeTakeFirstOrThrow();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/anmelden/);
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: /Willkommen/ }).waitFor();
    await page.goto(`${baseUrl}/faelle/${own.id}?bereich=zugriff`);
    const table = page.getByRole('table', { name: 'Personen mit Zugriff' });
    await table.getByRole('row', { name: new RegExp(`${fachkraft.name}\\s+Fallführung`) }).waitFor();
    expect(await page.getByRole('button', { name: 'Fallführung speichern' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Zugriff gewähren' }).count()).toBe(0);
    expect(await table.getByRole('columnheader', { name: 'Aktion' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Zugriff (Fallführung)');
  });
});
