import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdpAccount, startTestIdp, type TestIdp } from '../../server/test/oidcProvider.ts';
import { choose, chooseNth, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

const secretEnv = 'LEUCHTTURM_OIDC_BROWSER_SECRET';
let h: Harness;
let idp: TestIdp;
beforeAll(async () => {
  h = await startHarness();
  idp = await startTestIdp(h.baseUrl);
  process.env[secretEnv] = idp.clientSecret;
});
afterAll(async () => {
  await idp?.close();
  await h?.close();
});

const person = (groups: string[], name: string): IdpAccount => ({
  name,
  preferred_username: name.toLowerCase().replace(/\s+/g, '.'),
  email: `${name.split(' ')[0]?.toLowerCase()}@stadt.example`,
  groups,
});

describe('single sign-on through a real OpenID provider', () => {
  it('admin sets up the provider, a case worker signs in through its login page with role and team from a group', async () => {
    const { page, baseUrl } = h;
    await signIn(page, baseUrl, 'admin');
    await page.getByRole('heading', { name: /^Willkommen/ }).waitFor();
    await page.goto(`${baseUrl}/organisation?tab=anmeldung`);
    await page.getByRole('heading', { name: 'Anmeldung mit Dienstkonto (OpenID Connect)' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(`${baseUrl}/api/v1/auth/oidc/callback`);
    await page.getByLabel('Anmeldung mit Dienstkonto anbieten').check();
    await page.getByLabel('Issuer (Adresse des Identitätsanbieters)').fill(idp.issuer);
    await page.getByLabel('Client-ID').fill(idp.clientId);
    await page.getByLabel('Umgebungsvariable mit dem Client-Secret').fill('DATENBANK_PASSWORT');
    await page.getByRole('button', { name: 'Gruppe zuordnen' }).click();
    await page.getByRole('textbox', { name: 'Gruppe 1', exact: true }).fill('jugendamt-fachkraefte');
    await choose(page, 'Rolle für Gruppe 1', 'Case Managerin / Fachkraft');
    const team = await chooseNth(page, 'Team für Gruppe 1', 1);
    await page.getByRole('button', { name: 'Speichern' }).click();
    // A variable outside LEUCHTTURM_OIDC_ is refused under its field, nothing saved.
    await page.getByText('Der Name der Umgebungsvariable muss mit LEUCHTTURM_OIDC_ beginnen').waitFor();
    await expectNoAxeViolations(page, 'the SSO setting with an error');
    await page.getByLabel('Umgebungsvariable mit dem Client-Secret').fill(secretEnv);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Einstellung der Anmeldung wurde gespeichert.').waitFor();
    await expectNoAxeViolations(page, 'the SSO setting');
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/anmelden/);

    idp.accounts.set('ext-4711', person(['jugendamt-fachkraefte', 'alle'], 'Sina Sonne'));
    await page.getByRole('link', { name: 'Mit Dienstkonto anmelden' }).waitFor();
    await expectNoAxeViolations(page, 'the sign-in page with single sign-on');
    await page.getByRole('link', { name: 'Mit Dienstkonto anmelden' }).click();
    // The provider's own login page (oidc-provider's development interaction).
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill('ext-4711');
    await page.locator('input[name="password"]').fill('beliebig');
    await page.locator('button[type="submit"]').click();

    await page.getByRole('heading', { name: 'Willkommen, Sina Sonne' }).waitFor();
    const main = await page.getByRole('main').textContent();
    expect(main).toContain(team);
    expect(main).toContain('Case Managerin');
    await expectNoAxeViolations(page, 'the start page after single sign-on');

    // Sign-out ends the session here and at the provider, which sends the browser back to the sign-in page.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByRole('button', { name: /yes/i }).click();
    await page.waitForURL(`${baseUrl}/anmelden`);
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/anmelden/);
  });

  it('refuses a person whose groups give no role, and says why on the sign-in page', async () => {
    const { page, baseUrl } = h;
    idp.accounts.set('ext-0815', person(['kantine'], 'Karl Koch'));
    await page.goto(`${baseUrl}/anmelden`);
    await page.getByRole('link', { name: 'Mit Dienstkonto anmelden' }).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.locator('input[name="login"]').fill('ext-0815');
    await page.locator('input[name="password"]').fill('beliebig');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/anmelden\?sso=unknown_group/);
    await page.getByRole('alert').filter({ hasText: 'keiner Gruppe an' }).waitFor();
    await expectNoAxeViolations(page, 'the sign-in page after a refused single sign-on');
  });
});
