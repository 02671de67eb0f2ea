import { readFileSync } from 'node:fs';
import { rentabSeriesQuerySchema } from '@leuchtturm/shared';
import { readConfig } from '../config.ts';
import { resolveTenant } from '../modules/auth/service.ts';
import { importAggregates } from '../modules/controlling/aggregates.ts';
import { yearKpis } from '../modules/controlling/kpis.ts';
import { importPopulation } from '../modules/controlling/population.ts';
import { rentabilitaet } from '../modules/controlling/rentabilitaet.ts';
import { rentabSeries } from '../modules/controlling/rentabSeries.ts';
import { systemActor } from '../shared/actor.ts';
import { inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { openMigrated } from './database.ts';
import type { Command } from './main.ts';
import { printSeries } from './rentabSeries.ts';

/** How the commands open the database; tests put their own database here to run a command in-process. */
export const cliDatabase = { open: () => openMigrated(readConfig()) };

async function withTenant<T>(
  slug: unknown,
  fn: (handle: Awaited<ReturnType<typeof openMigrated>>, tenantId: string) => Promise<T>,
): Promise<T> {
  const config = readConfig();
  const handle = await cliDatabase.open();
  try {
    const tenant = await resolveTenant(handle.db, config, typeof slug === 'string' ? slug : undefined);
    return await fn(handle, tenant.id);
  } finally {
    await handle.close();
  }
}

function fail(error: unknown): number {
  if (error instanceof AppError) {
    console.error(error.message);
    return 2;
  }
  throw error;
}

const yearOf = (value: unknown) => {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw AppError.validation('year', 'Bitte ein Jahr angeben, z. B. --year 2025.');
  return year;
};

export const kpiCommand: Command = {
  description: 'Kennzahlen einer Region und eines Jahres (Kosten, je JEW, Dichte, Fallarten ...).',
  usage:
    'leuchtturm kpi --region REGION --year JAHR [--baseline JAHR] [--tenant SLUG] [--json]\n\n  REGION: stadt, Kürzel oder Name eines Sozialzentrums, Teams oder Stadtteils, oder eine importierte externe Region.',
  options: {
    region: { type: 'string' },
    year: { type: 'string' },
    baseline: { type: 'string' },
    tenant: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values) {
    try {
      const result = await withTenant(values.tenant, (h, tenantId) =>
        yearKpis(
          h.db,
          tenantId,
          String(values.region ?? 'stadt'),
          yearOf(values.year),
          values.baseline ? yearOf(values.baseline) : undefined,
        ),
      );
      if (values.json) console.log(JSON.stringify(result));
      else {
        console.log(`${result.region.name}, ${result.year}: ${result.jew ?? '–'} Jugendeinwohner (unter 21)`);
        console.log(
          `  Kosten: ambulant ${result.costs.ambulant ?? '–'} €, stationär ${result.costs.stationaer ?? '–'} €, sonstige ${result.costs.sonstige ?? '–'} €, gesamt ${result.costs.total ?? '–'} € (${result.sources.costs})`,
        );
        console.log(`  je JEW: gesamt ${result.perJew.total ?? 'nicht verfügbar'} €`);
        console.log(
          `  Hilfedichte: ${result.density ? `${result.density.per1000} je 1.000 JEW` : 'nicht verfügbar'}`,
        );
      }
      return 0;
    } catch (error) {
      return fail(error);
    }
  },
};

export const rentabilitaetCommand: Command = {
  description:
    'Rentabilitätsbetrachtung (ESPQ): erwartete Kosten, Einsparung, Netto-Effekt eines Projektstandorts.',
  usage:
    'leuchtturm report rentabilitaet --site REGION --reference REGION (--year JAHR | --from JAHR --to JAHR) [--tenant SLUG] [--json]\n\n  Mit --from/--to: die Reihe mit kumuliertem Netto-Effekt und den Prognosezeilen aus dem geplanten Kostenpfad.',
  options: {
    site: { type: 'string' },
    reference: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    tenant: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values) {
    try {
      if (!values.site || !values.reference)
        throw AppError.validation('site', 'Bitte --site und --reference angeben.');
      const site = String(values.site);
      const reference = String(values.reference);
      if (values.from !== undefined || values.to !== undefined) {
        const q = rentabSeriesQuerySchema.safeParse({
          site,
          reference,
          from: yearOf(values.from),
          to: yearOf(values.to),
        });
        if (!q.success) throw AppError.validation('to', q.error.issues[0]?.message ?? 'Ungültiger Zeitraum.');
        const s = await withTenant(values.tenant, (h, tenantId) => rentabSeries(h.db, tenantId, q.data));
        if (values.json) console.log(JSON.stringify(s));
        else printSeries(s);
        return 0;
      }
      const r = await withTenant(values.tenant, (h, tenantId) =>
        rentabilitaet(h.db, tenantId, site, reference, yearOf(values.year)),
      );
      if (values.json) console.log(JSON.stringify(r));
      else {
        console.log(`Rentabilität ${r.site} gegen ${r.reference}, ${r.year}:`);
        for (const [label, value] of Object.entries(r).slice(3))
          console.log(`  ${label.padEnd(14)} ${value} €`);
      }
      return 0;
    } catch (error) {
      return fail(error);
    }
  },
};

export const importAggregatesCommand: Command = {
  description:
    'Importiert aggregierte Kennzahlen aus einer CSV-Datei (region,period,metric,value); alles oder nichts.',
  usage: 'leuchtturm import aggregates DATEI.csv [--tenant SLUG] [--dry-run]',
  options: { tenant: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  positionals: true,
  async run(values, positionals = []) {
    const file = positionals[0];
    if (!file) {
      console.error('Bitte die CSV-Datei angeben.');
      return 2;
    }
    const csv = readFileSync(file, 'utf8');
    try {
      const report = await withTenant(values.tenant, (h, tenantId) =>
        inTransaction(h.db, systemActor(tenantId), (ctx) =>
          importAggregates(ctx, csv, Boolean(values['dry-run'])),
        ),
      );
      for (const r of report.rejected) console.error(`  Zeile ${r.line}: ${r.reason}`);
      console.log(
        report.written
          ? `${report.accepted} Werte importiert (Regionen: ${report.regions.join(', ')}).`
          : `Nichts geschrieben: ${report.accepted} Zeilen in Ordnung, ${report.rejected.length} abgelehnt.`,
      );
      return report.rejected.length === 0 ? 0 : 1;
    } catch (error) {
      return fail(error);
    }
  },
};

export const importPopulationCommand: Command = {
  description:
    'Importiert Jugendeinwohner je Stadtteil, Jahr und Altersgruppe (district,year,age_band,residents); alles oder nichts.',
  usage: 'leuchtturm import population DATEI.csv [--tenant SLUG] [--dry-run]',
  options: { tenant: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  positionals: true,
  async run(values, positionals = []) {
    const file = positionals[0];
    if (!file) {
      console.error('Bitte die CSV-Datei angeben.');
      return 2;
    }
    const csv = readFileSync(file, 'utf8');
    try {
      const report = await withTenant(values.tenant, (h, tenantId) =>
        inTransaction(h.db, systemActor(tenantId), (ctx) =>
          importPopulation(ctx, csv, Boolean(values['dry-run'])),
        ),
      );
      for (const r of report.rejected) console.error(`  Zeile ${r.line}: ${r.reason}`);
      for (const p of report.preview)
        console.log(`  ${p.district} ${p.year}: ${p.u21} unter 21, ${p.u18} unter 18`);
      console.log(
        report.written
          ? `${report.accepted} Zeilen importiert.`
          : `Nichts geschrieben: ${report.accepted} Zeilen in Ordnung, ${report.rejected.length} abgelehnt.`,
      );
      return report.rejected.length === 0 ? 0 : 1;
    } catch (error) {
      return fail(error);
    }
  },
};
