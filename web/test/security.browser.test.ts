import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signIn, startHarness } from './harness.ts';

/**
 * The Content-Security-Policy and frame protection as Chromium applies them to the built app. Every other browser
 * test shows the app works under the policy (the harness fails on any refusal); this one shows the policy bites.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** Takes the refusals this test provoked on purpose out of the harness's list, returning them. */
function takeViolations(): string {
  const taken = h.cspViolations.splice(0).join('\n');
  return taken;
}

describe('Content-Security-Policy in the browser', () => {
  it('refuses a script injected into the page', async () => {
    const { page, baseUrl } = h;
    await page.goto(`${baseUrl}/anmelden`);
    await page.getByLabel('Benutzername').waitFor();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => h.cspViolations.length).toBeGreaterThan(0);
    expect(takeViolations()).toContain('script-src');
  });

  it('can not be shown in a frame of another page', async () => {
    const { context, baseUrl } = h;
    const other = await context.newPage();
    await other.setContent(`<iframe title="fremd" src="${baseUrl}/anmelden"></iframe>`);
    const frame = other.frames().find((f) => f !== other.mainFrame());
    await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
    await other.close();
    expect(takeViolations()).toContain("frame-ancestors 'none'");
  });

  it('validates a form in the browser without eval, so without any refusal', async () => {
    const { page, baseUrl } = h;
    await signIn(page, baseUrl, 'fachkraft');
    await page.getByRole('link', { name: 'Mein Konto' }).click();
    await page.getByLabel('Bisheriges Passwort').fill('bisher-geheim');
    await page.getByLabel('Neues Passwort', { exact: true }).fill('neu-und-lang-genug-1');
    await page.getByLabel('Neues Passwort wiederholen').fill('neu-und-lang-genug-2');
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    // The shared zod schema (an object) refused the repetition, in the browser.
    await page.getByText('Die beiden neuen Passwörter stimmen nicht überein.').waitFor();
    expect(h.cspViolations).toEqual([]);
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/anmelden/);
  });

  it('lets the district map start its worker and draw, without any refusal', async () => {
    const { page, baseUrl } = h;
    await signIn(page, baseUrl, 'controlling');
    await page.getByRole('link', { name: 'Steuerung' }).click();
    await page.getByRole('tab', { name: 'Karte der Stadtteile' }).click();
    await page.getByRole('table', { name: /Kennzahlen der Stadtteile/ }).waitFor();
    await page.locator('canvas').first().waitFor();
    // maplibre prepares the outlines in its worker; the worker runs only if the policy lets it start.
    await expect
      .poll(() => page.workers().some((w) => /maplibre-gl-worker/.test(w.url())), { timeout: 20_000 })
      .toBe(true);
    expect(h.cspViolations).toEqual([]);
  });
});
