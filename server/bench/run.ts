import { parseArgs } from 'node:util';
import { readConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import type { Scale } from '../src/modules/demo/generator.ts';
import { scales } from '../src/modules/demo/generator.ts';
import { atlasBench } from './atlas.ts';
import { casesBench } from './cases.ts';
import { controllingBench } from './controlling.ts';
import { BENCH_PASSWORD, BENCH_SLUG, type BenchDatabase, openEmbedded, openPostgres } from './dataset.ts';
import { financeBench } from './finance.ts';
import { type BenchContext, countingPlugin, type EngineResult, type Figure } from './measure.ts';
import { printResults } from './report.ts';
import { worklistBench } from './worklist.ts';

/**
 * `npm run bench [-- --db pglite|postgres|both] [--only PART] [--scale city] [--short] [--json]`: speed figures on
 * the demo data, each against the bare SQL it needs ("floor"), measured in the same run, on the embedded database
 * and on PostgreSQL (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres). Every figure's target: within
 * 2× its floor or at most 5 ms above it. Exits non-zero when a cross-check fails, never because of a timing.
 * `--short` (or CI=true): `small` scale and few iterations.
 */
const parts: Record<string, (ctx: BenchContext) => Promise<Figure[]>> = {
  cases: casesBench,
  finance: financeBench,
  controlling: controllingBench,
  worklist: worklistBench,
  atlas: atlasBench,
};

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    only: { type: 'string' },
    scale: { type: 'string' },
    short: { type: 'boolean' },
    db: { type: 'string', default: 'both' },
  },
});
const short = values.short ?? process.env.CI === 'true';
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const selected = values.only ? values.only.split(',') : Object.keys(parts);
for (const name of selected) {
  if (!parts[name]) fail(`Unbekannter Teil „${name}“. Vorhanden: ${Object.keys(parts).join(', ')}`);
}
const scale = (values.scale ?? (short ? 'small' : 'city')) as Scale;
if (!(scale in scales)) fail(`Unbekannte Größe „${scale}“.`);
const engines = values.db === 'both' ? ['pglite', 'postgres'] : [values.db ?? ''];
for (const e of engines) {
  if (e !== 'pglite' && e !== 'postgres') fail(`Unbekannte Datenbank „${e}“: pglite, postgres oder both.`);
}
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (msg: string) => {
  if (!values.json) console.log(msg);
  else console.error(msg);
};

const results: EngineResult[] = [];
for (const engine of engines) {
  log(`\n${engine === 'pglite' ? 'Eingebettete Datenbank (PGlite)' : `PostgreSQL`}, Größe ${scale}:`);
  const started = Date.now();
  const data: BenchDatabase =
    engine === 'pglite' ? await openEmbedded(scale, log) : await openPostgres(adminUrl, scale, log);
  log(`  bereit in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const app = await buildApp({
    db: data.handle.db.withPlugin(countingPlugin),
    config: { ...readConfig({}), webDistDir: '/nonexistent' },
  });
  await app.ready();
  const result: EngineResult = { engine, scale, generatedIn: data.generatedIn, figures: [], checks: [] };
  const ctx: BenchContext = {
    app,
    db: data.handle.db,
    tenantId: data.tenantId,
    slug: BENCH_SLUG,
    password: BENCH_PASSWORD,
    runs: (full) => (short ? Math.min(full, Math.max(10, Math.round(full / 5))) : full),
    log,
    check: (name, ok, detail) => {
      result.checks.push({ name, ok, detail });
      log(`  ${ok ? 'stimmt' : 'FALSCH'}: ${name} (${detail})`);
    },
  };
  try {
    for (const name of selected) {
      const part = parts[name];
      if (part) result.figures.push(...(await part(ctx)));
    }
  } finally {
    await app.close();
    await data.close();
  }
  results.push(result);
}

if (values.json) console.log(JSON.stringify({ short, results }, null, 2));
else printResults(results);
const failed = results.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `${r.engine}: ${c.name}`));
if (failed.length > 0) {
  console.error(`\nQuerprüfungen fehlgeschlagen: ${failed.join('; ')}`);
  process.exit(1);
}
process.exit(0);
