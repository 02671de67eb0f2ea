import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as files from '../../../test/controllingImports.ts';
import { testDatabase } from '../../../test/db.ts';
import { createTestTenant } from '../../../test/factories.ts';
import {
  cliDatabase,
  importAggregatesCommand,
  importPopulationCommand,
  kpiCommand,
  rentabilitaetCommand,
} from '../../cli/controlling.ts';

/**
 * The same import files as imports.int.test.ts through `leuchtturm import aggregates`, `kpi` and
 * `report rentabilitaet`, run in this process on the test database (cliDatabase), with their exit codes and output.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'leuchtturm-imports-'));
const originalOpen = cliDatabase.open;
beforeAll(async () => {
  const handle = await testDatabase();
  cliDatabase.open = async () => ({ ...handle, close: async () => {} });
});
afterAll(() => {
  cliDatabase.open = originalOpen;
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

function file(name: string, text: string) {
  const p = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(p, text);
  return p;
}

async function run(command: typeof kpiCommand, values: Record<string, unknown>, positionals: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const code = await command.run(values as never, positionals);
  vi.restoreAllMocks();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function tenant() {
  return (await createTestTenant((await testDatabase()).db)).slug;
}

const kpi = async (slug: string, region: string, year: number) =>
  JSON.parse((await run(kpiCommand, { tenant: slug, region, year: String(year), json: true })).out);

describe('imported figures through the CLI', () => {
  it('adds up a year given only by quarters', async () => {
    const slug = await tenant();
    const imported = await run(importAggregatesCommand, { tenant: slug }, [file('q', files.byQuarters)]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('11 Werte importiert');
    const k = await kpi(slug, 'Bremen', 2022);
    expect(k.costs.total).toBe('11000.75');
    expect(k.sources.costs).toBe('derived');
  });

  it('adds up a year given only by months, for the cost-benefit check', async () => {
    const slug = await tenant();
    expect((await run(importAggregatesCommand, { tenant: slug }, [file('q', files.byQuarters)])).code).toBe(
      0,
    );
    expect((await run(importAggregatesCommand, { tenant: slug }, [file('m', files.byMonths)])).code).toBe(0);
    expect((await kpi(slug, 'Bremen', 2023)).costs.ambulant).toBe('12000.50');
    const r = await run(rentabilitaetCommand, {
      tenant: slug,
      site: 'Walle',
      reference: 'Bremen',
      year: '2023',
      json: true,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ expected: '1090.88', savings: '-9.12' });
  });

  it('uses a Stichtag stock for its year (Hilfedichte)', async () => {
    const slug = await tenant();
    expect((await run(importAggregatesCommand, { tenant: slug }, [file('s', files.stichtag)])).code).toBe(0);
    const text = await run(kpiCommand, { tenant: slug, region: 'Hamburg', year: '2023' });
    expect(text.out).toContain('Hilfedichte: 5 je 1.000 JEW');
    expect((await kpi(slug, 'Hamburg', 2023)).density).toEqual({ per1000: 5, per10000: 50 });
  });

  it('refuses an inconsistent file with exit code 2, naming the line, and writes nothing', async () => {
    const slug = await tenant();
    const refused = await run(importAggregatesCommand, { tenant: slug }, [file('x', files.inconsistent)]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Zeile 6');
    expect((await kpi(slug, 'Kiel', 2024)).jew).toBeNull();
    expect((await kpi(slug, 'Bremen', 2024)).costs.total).toBeNull();
  });

  it('imports young inhabitants of its own districts, all or nothing', async () => {
    const slug = await tenant();
    const bad = await run(importPopulationCommand, { tenant: slug }, [
      file('p', 'district,year,age_band,residents\nNH,2024,0-5,100\nAltona,2024,0-5,5'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Zeile 3');
    expect((await kpi(slug, 'NH', 2024)).jew).toBeNull();
    const good = await run(importPopulationCommand, { tenant: slug }, [
      file('p', 'district,year,age_band,residents\nNH,2024,0-5,100\nNordhafen,2024,18-20,50'),
    ]);
    expect(good.code).toBe(0);
    expect(good.out).toContain('NH 2024: 150 unter 21, 100 unter 18');
    expect(await kpi(slug, 'NH', 2024)).toMatchObject({
      jew: 150,
      jewU18: 100,
      sources: { jew: 'computed' },
    });
  });
});
