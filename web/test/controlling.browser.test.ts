import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, expectNoAxeViolations, type Harness, signIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const decimal = (n: number | null) => (n === null ? '' : n.toFixed(2).replace('.', ','));

describe('controlling dashboard', () => {
  it('as controlling: open the dashboard, switch district and period, download a CSV equal to the API', async () => {
    const { page, baseUrl } = h;
    await signIn(page, baseUrl, 'controlling');
    await page.getByRole('link', { name: 'Steuerung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Steuerung' }).waitFor();
    await page.getByRole('table', { name: /Hilfedichte je 1\.000 JEW je Quartal, Stadt/ }).waitFor();
    await expectNoAxeViolations(page, 'Steuerung, Stadt');

    await choose(page, 'Region', /^Deichhausen$/);
    await choose(page, 'Zeitraum von', /^2018$/);
    await choose(page, 'Zeitraum bis', /^2024$/);
    const table = page.getByRole('table', {
      name: 'Hilfedichte je 1.000 JEW je Quartal, Deichhausen, 2018–2024',
    });
    await table.waitFor();
    await expectNoAxeViolations(page, 'Steuerung, Deichhausen 2018–2024');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV herunterladen: Hilfedichte je 1.000 JEW' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Quartal;Deichhausen (je 1.000 JEW);Stadt gesamt (je 1.000 JEW)');

    const api = await page.request.get(
      `${baseUrl}/api/v1/controlling/dashboard?region=DEI&from=2018&to=2024`,
    );
    const data = (await api.json()) as {
      quarters: { quarter: string; densityPer1000: number | null; cityDensityPer1000: number | null }[];
    };
    const expected = data.quarters.map((q) => {
      const [year, quarter] = q.quarter.split('-');
      return `${quarter} ${year};${decimal(q.densityPer1000)};${decimal(q.cityDensityPer1000)}`;
    });
    expect(lines.slice(1)).toEqual(expected);
    expect(expected).toHaveLength(28);

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'XLSX herunterladen: Hilfedichte je 1.000 JEW' }).click();
    const xlsxFile = await (await xlsxDownload).path();
    const book = readFileSync(xlsxFile);
    expect(book.subarray(0, 2).toString()).toBe('PK');
    expect(book.toString('utf8')).toContain('Deichhausen (je 1.000 JEW)');

    // The publication set of the city and every Stadtteil; Deichhausen's own file is exactly its rows of it.
    const setDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Stadt und alle Stadtteile zur Veröffentlichung/ }).click();
    const setLines = readFileSync(await (await setDownload).path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(setLines[0]).toBe(
      'Region;Quartal;Hilfedichte je 1.000 JEW;ambulante Hilfen;stationäre Hilfen;Kostenfälle;Beratungsfälle;Neufälle',
    );
    expect(setLines[1]?.startsWith('Stadt (gesamt);2018-Q1;')).toBe(true);
    const single = await page.request.get(
      `${baseUrl}/api/v1/controlling/export?region=DEI&from=2018&to=2024`,
    );
    const singleLines = (await single.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(singleLines).toHaveLength(29);
    expect(singleLines.slice(1)).toEqual(setLines.filter((l) => l.startsWith('Deichhausen;')));

    // Both downloads are in the audit trail, with the table and its parameters.
    const recorded = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', h.tenantId)
      .where('action', '=', 'export')
      .where('entity_type', '=', 'controlling_table')
      .orderBy('seq')
      .execute();
    expect(recorded.map((r) => r.details)).toEqual(
      ['csv', 'xlsx'].map((format) => ({
        table: 'hilfedichte',
        format,
        region: 'DEI',
        from: 2018,
        to: 2024,
      })),
    );

    await page.getByRole('tab', { name: 'Karte der Stadtteile' }).click();
    await page.getByRole('table', { name: /Kennzahlen der Stadtteile/ }).waitFor();
    await expectNoAxeViolations(page, 'Steuerung, Karte');

    await page.getByRole('tab', { name: 'Personal' }).click();
    await page.getByRole('table', { name: /Personalbemessung/ }).waitFor();
    await expectNoAxeViolations(page, 'Steuerung, Personal');
  });
});
