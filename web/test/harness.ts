import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { readConfig } from '../../server/src/config.ts';
import { type DatabaseHandle, openDatabase } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { buildApp } from '../../server/src/http/app.ts';
import { generateDemoData } from '../../server/src/modules/demo/generator.ts';

export const DEMO_PASSWORD = 'leuchtturm-demo';
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * A real server (embedded database with the small demo city, the built web app) on a free port, and a fresh
 * headless Chromium profile. The web app must be built first (`npm run test:browser` does).
 * The server sends its Content-Security-Policy as in production; whatever the browser refuses under it is collected,
 * and `close()` fails the test file if there was any: every page a browser test visits proves the policy fits the
 * app.
 */
export interface Harness {
  baseUrl: string;
  db: DatabaseHandle['db'];
  tenantId: string;
  context: BrowserContext;
  page: Page;
  cspViolations: string[];
  /**
   * The server's clock for the work list and the sessions' timeouts (buildApp's `now`, a test-only hook): real time
   * plus what the test has moved it on. Give it to a JobRunner as `now` to run the deadline sweeps at the same time.
   */
  clock: { now(): Date; advance(ms: number): void };
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const handle: DatabaseHandle = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  const demo = await generateDemoData(handle.db, { scale: 'small', password: DEMO_PASSWORD });
  let offsetMs = 0;
  const clock = {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms: number) => {
      offsetMs += ms;
    },
  };
  const app: FastifyInstance = await buildApp({
    db: handle.db,
    config: { ...readConfig({ LEUCHTTURM_WEB_DIST: process.env.LEUCHTTURM_WEB_DIST }), port: 0 },
    now: clock.now,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const profile = mkdtempSync(path.join(tmpdir(), 'leuchtturm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale: 'de-DE',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const cspViolations: string[] = [];
  // Chromium logs most refusals on the console, but not an eval the page refuses and catches (zod probes for eval
  // so): the page's securitypolicyviolation event reports those.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  context.on('console', (message) => {
    const text = message.text();
    if (text.includes('Content Security Policy') || text.startsWith('CSP violation:'))
      cspViolations.push(text);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    baseUrl: address,
    db: handle.db,
    tenantId: demo.tenantId,
    context,
    page,
    cspViolations,
    clock,
    async close() {
      await context.close();
      await app.close();
      await handle.close();
      rmSync(profile, { recursive: true, force: true });
      if (cspViolations.length > 0) {
        throw new Error(
          `The browser refused under the Content-Security-Policy:\n${cspViolations.join('\n')}`,
        );
      }
    },
  };
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now; returns the violations, empty when clean. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  // Let transitions finish first: a notification fading in has, for a moment, too little contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
    timeout: 5000,
  });
  // Evaluated through the DevTools protocol: an inline <script> would be refused by the app's CSP, as it should.
  await page.evaluate(`${axeSource}\n;undefined`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<AxeResult> } })
      .axe;
    type AxeResult = { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/anmelden`);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Signs in and waits for the start page's greeting, so that the next navigation runs in the session. */
export async function signInAs(page: Page, baseUrl: string, username: string) {
  await signIn(page, baseUrl, username);
  await page.getByRole('heading', { name: /Willkommen/ }).waitFor();
}

/** Signs out through the header's button and waits for the sign-in page. */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.waitForURL(/\/anmelden/);
}

/** Signs the current user out and `username` in, as when a colleague takes over the browser. */
export async function switchUser(page: Page, baseUrl: string, username: string) {
  await signOut(page);
  await signInAs(page, baseUrl, username);
}

/** Picks an option of a Mantine Select / MultiSelect (role combobox) by its visible text. */
export async function choose(page: Page, combobox: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Chooses the intake's street from the directory's suggestions: types part of its name into the "Straße" combobox
 * and picks the suggestion (shown as "Name · Postleitzahl Stadtteil").
 */
export async function chooseStreet(page: Page, typed: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: 'Straße', exact: true }).fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Picks the n-th option (0-based) of a combobox, for lists whose entries the test does not know by name. */
export async function chooseNth(page: Page, combobox: string, n: number): Promise<string> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  const option = page.getByRole('option').nth(n);
  const text = (await option.textContent()) ?? '';
  await option.click();
  return text.trim();
}

export async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(`axe on ${where}: ${JSON.stringify(violations, null, 2)}`);
}
