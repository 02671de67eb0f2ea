import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('sign-in, start page, sign-out', () => {
  it('signs in as fachkraft, shows who and which team, signs out; every page passes axe', async () => {
    const { page, baseUrl } = h;
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/anmelden/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Anmelden');
    expect(await axeViolations(page)).toEqual([]);

    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
    const main = await page.getByRole('main').textContent();
    expect(main).toContain('Team Deichhausen');
    expect(main).toContain('Sozialzentrum Nord');
    expect(main).toContain('Case Managerin');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/anmelden/);
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/anmelden/);
  });

  it('locks the account after five wrong passwords and says so', async () => {
    const { page, baseUrl } = h;
    await page.goto(`${baseUrl}/anmelden`);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Benutzername').fill('leitung');
      await page.getByLabel('Passwort', { exact: true }).fill(`falsch-${i}`);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: i < 4 ? 'falsch' : 'gesperrt' })
        .waitFor();
    }
    expect(await page.getByRole('alert').textContent()).toContain('Zu viele fehlgeschlagene Anmeldeversuche');
    expect(await axeViolations(page)).toEqual([]);
  });
});
