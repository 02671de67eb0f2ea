import { type EngineResult, TARGET_RATIO, TARGET_SLACK_MS } from './measure.ts';

const ms = (v: number) => `${v.toFixed(2)} ms`;

/** The results as one table per database: figure, value, floor, ratio, whether the target is met. */
export function printResults(results: EngineResult[]): void {
  for (const r of results) {
    console.log(
      `\n${r.engine} (${r.scale}${r.generatedIn > 0 ? `, Daten erzeugt in ${r.generatedIn.toFixed(0)} s` : ', Daten aus dem Cache'})`,
    );
    console.log(
      `${'Kennzahl'.padEnd(44)} ${'Wert'.padStart(11)} ${'Boden'.padStart(11)} ${'Faktor'.padStart(7)}  ${'SQL'.padStart(5)}  Ziel`,
    );
    for (const f of r.figures) {
      console.log(
        `${f.name.padEnd(44)} ${ms(f.value).padStart(11)} ${ms(f.floor).padStart(11)} ${`${f.ratio.toFixed(1)}×`.padStart(7)}  ${(f.statements === null ? '' : f.statements.toFixed(1)).padStart(5)}  ${f.met ? 'erreicht' : 'VERFEHLT'}`,
      );
    }
    const bad = r.checks.filter((c) => !c.ok).length;
    console.log(`Querprüfungen: ${r.checks.length - bad} von ${r.checks.length} stimmen`);
  }
  console.log(
    `\nZiel je Kennzahl: höchstens ${TARGET_RATIO}× der Boden (das bloße SQL) oder höchstens ${TARGET_SLACK_MS} ms darüber.`,
  );
}
