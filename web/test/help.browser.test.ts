import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpTopics } from '../src/modules/help/topics.ts';
import { caseOfFachkraft } from './fixtures.ts';
import { expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await signIn(h.page, h.baseUrl, 'fachkraft');
  await h.page.getByRole('heading', { name: 'Willkommen, Frida Fachkraft' }).waitFor();
});
afterAll(() => h?.close());

describe('Hilfe and Glossar', () => {
  it('as fachkraft: the help link of a case page opens the help of that part of the case file', async () => {
    const { page, baseUrl } = h;
    // Only read here, never changed.
    const target = await caseOfFachkraft(h);
    await page.goto(`${baseUrl}/faelle/${target.id}`);
    await page.getByRole('tab', { name: 'Überblick' }).waitFor();
    await page.getByRole('link', { name: 'Hilfe', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fälle und Fallakte' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/hilfe/faelle');
    await page
      .getByRole('heading', { level: 2, name: 'Einordnung: Leistungs-, Grau- und Gefährdungsbereich' })
      .waitFor();

    // From the tab Kinderschutz, its own page.
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=kinderschutz`);
    await page.getByRole('tab', { name: 'Kinderschutz (§ 8a)', selected: true }).waitFor();
    await page.getByRole('link', { name: 'Hilfe', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kinderschutz (§ 8a)' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/hilfe/kinderschutz');

    // From the tab Einordnung, its section of the cases help, which gets the focus.
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=einordnung`);
    await page.getByRole('tab', { name: 'Einordnung', selected: true }).waitFor();
    await page.getByRole('link', { name: 'Hilfe', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fälle und Fallakte' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#einordnung');
    await page.waitForFunction(() => document.activeElement?.id === 'einordnung');
  });

  it('as fachkraft: a form field explains its term and links the glossary in a new tab', async () => {
    const { page, baseUrl, context } = h;
    const target = await caseOfFachkraft(h);
    await page.goto(`${baseUrl}/faelle/${target.id}?bereich=einordnung`);
    const form = page.getByRole('form', { name: 'Kurzberatung zur Risikoeinschätzung erfassen' });
    await form.waitFor();
    await form
      .getByText(
        'Der Bereich entscheidet, ob die Familie freiwillig Hilfe bekommt, Aufträge oder Auflagen gelten.',
      )
      .waitFor();
    await expectNoAxeViolations(page, 'Fallakte, Einordnung, mit Hinweisen');

    const opened = context.waitForEvent('page');
    await form.getByRole('link', { name: 'Graubereich (öffnet in neuem Tab)' }).click();
    const glossaryTab = await opened;
    await glossaryTab.getByRole('heading', { level: 3, name: 'Graubereich' }).waitFor();
    expect(new URL(glossaryTab.url()).pathname).toBe('/hilfe/glossar');
    await glossaryTab.waitForFunction(() => document.activeElement?.id === 'graubereich');
    await glossaryTab.close();
    // The form is still there, with what was typed.
    await form.waitFor();
  });

  it('as fachkraft: the glossary filter finds Graubereich and says when nothing matches', async () => {
    const { page, baseUrl } = h;
    await page.goto(`${baseUrl}/hilfe/glossar`);
    const filter = page.getByRole('searchbox', { name: 'Begriffe filtern' });
    await filter.waitFor();
    await page.getByRole('heading', { level: 3, name: 'Leistungsbereich' }).waitFor();

    await filter.fill('Graubereich');
    await page.getByRole('heading', { level: 3, name: 'Graubereich' }).waitFor();
    await page
      .getByRole('status')
      .getByText(/^\d+ von \d+ Begriffen$/)
      .waitFor();
    expect(await page.getByRole('heading', { level: 3, name: 'Leistungsbereich' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'Glossar, gefiltert');

    await filter.fill('Quatschwort');
    await page.getByRole('status').getByText('Kein Begriff gefunden.').waitFor();
    expect(await page.getByRole('heading', { level: 3 }).count()).toBe(0);
  });

  it('as fachkraft: every help page and the overview pass axe', async () => {
    const { page, baseUrl } = h;
    await page.goto(`${baseUrl}/hilfe`);
    await page.getByRole('heading', { level: 1, name: 'Hilfe' }).waitFor();
    await expectNoAxeViolations(page, 'Hilfe, Übersicht');
    for (const topic of helpTopics) {
      await page.goto(`${baseUrl}/hilfe/${topic.id}`);
      await page.getByRole('heading', { level: 1, name: topic.title }).waitFor();
      // The page's text is loaded on demand: wait for it before checking.
      await page
        .locator(topic.id === 'glossar' ? 'article h3' : 'section h2')
        .first()
        .waitFor();
      await expectNoAxeViolations(page, `Hilfe: ${topic.title}`);
    }
    await page.goto(`${baseUrl}/hilfe/gibt-es-nicht`);
    await page.getByRole('heading', { level: 1, name: 'Hilfeseite nicht gefunden' }).waitFor();
    await expectNoAxeViolations(page, 'Hilfe: unbekannte Seite');
  });
});
