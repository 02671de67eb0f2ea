import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp } from '../src/http/app.ts';
import { generateDemoData, type Scale, scales } from '../src/modules/demo/generator.ts';
import { atlasBench } from './atlas.ts';
import { casesBench } from './cases.ts';
import { controllingBench } from './controlling.ts';
import { financeBench } from './finance.ts';
import type { BenchContext, Figure } from './measure.ts';
import { worklistBench } from './worklist.ts';

/**
 * `npm run bench [-- --json] [--only NAME] [--scale city]`: speed figures on demo data, each against the bare SQL
 * it needs ("floor"), measured in the same run. Lower is better for every figure.
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
    scale: { type: 'string', default: 'city' },
  },
});
const selected = values.only ? [values.only] : Object.keys(parts);
for (const name of selected) {
  if (!parts[name]) {
    console.error(`Unbekannter Teil „${name}“. Vorhanden: ${Object.keys(parts).join(', ')}`);
    process.exit(2);
  }
}
const scale = values.scale as Scale;
if (!(scale in scales)) {
  console.error(`Unbekannte Größe „${scale}“.`);
  process.exit(2);
}

const log = (msg: string) => {
  if (!values.json) console.log(msg);
  else console.error(msg);
};
const dir = mkdtempSync(path.join(tmpdir(), 'leuchtturm-bench-'));
const handle = process.env.DATABASE_URL
  ? await openDatabase({ url: process.env.DATABASE_URL })
  : await openDatabase({ dataDir: dir });
await migrateToLatest(handle.db);
const slug = `bench-${Date.now()}`;
const started = Date.now();
log(`Erzeuge Demo-Daten (${scale}) auf ${handle.kind} ...`);
const summary = await generateDemoData(handle.db, { scale, password: 'bench-passwort-1', slug });
log(
  `  fertig in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary.counts.case_file} Fälle, ${summary.counts.person} Personen`,
);
const app = await buildApp({ db: handle.db, config: { ...readConfig({}), webDistDir: '/nonexistent' } });
await app.ready();

const figures: Figure[] = [];
for (const name of selected) {
  const part = parts[name];
  if (part)
    figures.push(
      ...(await part({
        app,
        db: handle.db,
        tenantId: summary.tenantId,
        slug,
        password: 'bench-passwort-1',
        log,
      })),
    );
}
await app.close();
await handle.close();
rmSync(dir, { recursive: true, force: true });

if (values.json) {
  console.log(JSON.stringify({ figures }));
} else {
  console.log('\nname                                   value   unit  target   floor   ratio  pass');
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(36)} ${f.value.toFixed(2).padStart(8)} ${f.unit.padEnd(4)} ${String(f.target).padStart(7)} ${f.floor.toFixed(2).padStart(7)} ${f.ratio.toFixed(1).padStart(7)}  ${f.pass ? 'ja' : 'NEIN'}`,
    );
  }
}
process.exit(figures.every((f) => f.pass) ? 0 : 1);
