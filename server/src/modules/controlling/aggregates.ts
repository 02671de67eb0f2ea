import { type AggregateImportReport, aggregateMetrics } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { firstDisagreement } from './consistency.ts';
import { upsertAggregates } from './queries/aggregates.ts';

/**
 * Imported aggregates: rows `region,period,metric,value`. `period` is a year (2012), a quarter (2012-Q3), a month
 * (2012-07) or a date (Stichtag). The whole file is accepted or nothing is written, with a report of every rejected
 * line. A file that gives a period and its parts (a year and its quarters, a quarter and its months, a year and its
 * 31 Dec) with values that disagree is refused as a whole: 400 naming the line (`csv.lineN`).
 */
const metrics: readonly string[] = aggregateMetrics.values;

const periodPattern = /^(\d{4})(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export async function importAggregates(
  ctx: Ctx,
  csv: string,
  dryRun = false,
): Promise<AggregateImportReport> {
  const rows: { region: string; period: string; metric: string; value: string; line: number }[] = [];
  const rejected: AggregateImportReport['rejected'] = [];
  const seen = new Set<string>();
  csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const text = raw.trim();
      if (!text || text.startsWith('#')) return;
      const separator = text.includes(';') ? ';' : ',';
      const cells = text.split(separator).map((c) => c.trim().replace(/^"|"$/g, ''));
      if (index === 0 && cells[0]?.toLowerCase() === 'region') return;
      if (cells.length !== 4) {
        rejected.push({
          line,
          reason: `Erwartet vier Spalten (region, period, metric, value), gefunden ${cells.length}.`,
        });
        return;
      }
      const [region, period, metric, rawValue] = cells as [string, string, string, string];
      const value = separator === ';' ? rawValue.replace(/\./g, '').replace(',', '.') : rawValue;
      const reason = !region
        ? 'Die Region fehlt.'
        : !periodPattern.test(period)
          ? `Der Zeitraum „${period}“ ist weder Jahr (2012), Quartal (2012-Q3), Monat (2012-07) noch Datum (2012-12-31).`
          : !metrics.includes(metric)
            ? `Die Kennzahl „${metric}“ ist unbekannt. Erlaubt: ${metrics.join(', ')}.`
            : !/^-?\d{1,14}(\.\d{1,2})?$/.test(value)
              ? `Der Wert „${rawValue}“ ist keine Zahl mit höchstens zwei Nachkommastellen.`
              : seen.has(`${region}|${period}|${metric}`)
                ? 'Dieselbe Region, derselbe Zeitraum und dieselbe Kennzahl stehen schon weiter oben.'
                : null;
      if (reason) {
        rejected.push({ line, reason });
        return;
      }
      seen.add(`${region}|${period}|${metric}`);
      rows.push({ region, period, metric, value, line });
    });
  const conflict = rejected.length === 0 ? firstDisagreement(rows) : null;
  if (conflict) throw AppError.validation(`csv.line${conflict.line}`, conflict.message);
  const written = !dryRun && rejected.length === 0 && rows.length > 0;
  if (written) {
    await upsertAggregates(
      ctx.db,
      ctx.actor.tenantId,
      rows.map(({ region, period, metric, value }) => ({ region, period, metric, value })),
    );
    await ctx.audit({ action: 'import', entityType: 'aggregate', details: { rows: rows.length } });
  }
  return {
    accepted: rows.length,
    rejected,
    written,
    regions: [...new Set(rows.map((r) => r.region))].sort(),
  };
}

/** The reader of imported values lives in imported.ts; this name stays for the code that imports it from here. */
export { importedValues } from './imported.ts';
