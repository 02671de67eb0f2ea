import type { RentabCategory, RentabRow, RentabSeries } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { Fraction } from '../../shared/money.ts';
import { importedValues } from './aggregates.ts';
import { costPlanRows, extraCostRows } from './queries/steering.ts';
import { type Region, resolveRegion } from './regions.ts';
import { type RegionCost, regionCost, rentabSettings, requiredRegionCost } from './rentabCosts.ts';

/**
 * Rentabilitätsbetrachtung as in the ESPQ report (docs/controlling-rentabilitaet.md): had the site's costs
 * developed like the reference region's, they would have been expected(t) = cost_site(t-1) × cost_ref(t) /
 * cost_ref(t-1); savings(t) = expected(t) - cost_site(t); net(t) = savings(t) - extra_costs(t). Exact until each
 * figure is rounded to the cent; the cumulative net effect adds the rounded yearly net effects, as the table
 * shows them. Forecast rows follow the site's planned cost path after the last year.
 */

const MAX_FORECAST_YEARS = 10;
const pct = (part: Fraction, whole: Fraction) =>
  whole.n === 0n ? null : Number(part.mul(Fraction.int(10_000)).div(whole).toCents()) / 10_000;

interface Extra {
  staff: Fraction;
  training: Fraction;
  other: Fraction;
  source: 'entered' | 'imported' | 'none';
}

/** Entered extra costs of the site and year; else an imported lump (`extra_costs`) counted as other. */
async function extraCosts(
  db: Kysely<DB>,
  tenantId: string,
  site: Region,
  entered: Map<number, { staff: string; training: string; other: string }>,
  year: number,
): Promise<Extra> {
  const row = entered.get(year);
  if (row)
    return {
      staff: Fraction.parse(row.staff),
      training: Fraction.parse(row.training),
      other: Fraction.parse(row.other),
      source: 'entered',
    };
  const lump = (await importedValues(db, tenantId, [site.key, site.name], String(year))).extra_costs;
  return {
    staff: Fraction.zero,
    training: Fraction.zero,
    other: lump === undefined ? Fraction.zero : Fraction.parse(lump),
    source: lump === undefined ? 'none' : 'imported',
  };
}

interface Step {
  year: number;
  forecast: boolean;
  sitePrev: Fraction;
  site: RegionCost | { cost: Fraction; source: 'planned' };
  refPrev: Fraction;
  ref: { cost: Fraction; source: RentabRow['sources']['reference'] };
  extra: Extra;
}

function row(step: Step, cumulativeBefore: bigint): { row: RentabRow; netCents: bigint } {
  const { sitePrev, refPrev } = step;
  const site = step.site.cost;
  const ref = step.ref.cost;
  const expected = sitePrev.mul(ref).div(refPrev);
  const savings = expected.sub(site);
  const extraTotal = step.extra.staff.add(step.extra.training).add(step.extra.other);
  const net = savings.sub(extraTotal);
  const netCents = net.toCents();
  return {
    netCents,
    row: {
      year: step.year,
      forecast: step.forecast,
      costSitePrev: sitePrev.toMoney(),
      costSite: site.toMoney(),
      costRefPrev: refPrev.toMoney(),
      costRef: ref.toMoney(),
      siteChangePct: pct(site.sub(sitePrev), sitePrev),
      refChangePct: pct(ref.sub(refPrev), refPrev),
      expected: expected.toMoney(),
      savings: savings.toMoney(),
      savingsPct: pct(savings, sitePrev),
      extra: {
        staff: step.extra.staff.toMoney(),
        training: step.extra.training.toMoney(),
        other: step.extra.other.toMoney(),
        total: extraTotal.toMoney(),
        source: step.extra.source,
      },
      net: net.toMoney(),
      cumulativeNet: new Fraction(cumulativeBefore + netCents, 100n).toMoney(),
      sources: { site: step.site.source, reference: step.ref.source },
    },
  };
}

function zeroReference(reference: Region, year: number): AppError {
  return AppError.validation(
    'reference',
    `Die Kosten von „${reference.name}“ ${year} sind null; es gibt keine Entwicklung, mit der sich rechnen ließe.`,
  );
}

export async function rentabSeries(
  db: Kysely<DB>,
  tenantId: string,
  q: { site: string; reference: string; from: number; to: number },
  categoriesOverride?: readonly RentabCategory[],
): Promise<RentabSeries> {
  const site = await resolveRegion(db, tenantId, q.site);
  const reference = await resolveRegion(db, tenantId, q.reference);
  if (site.key === reference.key)
    throw AppError.validation('reference', 'Standort und Vergleichsregion müssen verschieden sein.');
  const categories = categoriesOverride ?? (await rentabSettings(db, tenantId)).rentabCategories;
  const entered = new Map((await extraCostRows(db, tenantId, site.key)).map((r) => [r.year, r]));
  const costOf = (region: Region, year: number, field: string) =>
    requiredRegionCost(db, tenantId, region, year, categories, field);

  const steps: Step[] = [];
  let sitePrev = (await costOf(site, q.from - 1, 'site')).cost;
  let refPrev = (await costOf(reference, q.from - 1, 'reference')).cost;
  for (let year = q.from; year <= q.to; year++) {
    const siteNow = await costOf(site, year, 'site');
    const refNow = await costOf(reference, year, 'reference');
    if (refPrev.n === 0n) throw zeroReference(reference, year - 1);
    steps.push({
      year,
      forecast: false,
      sitePrev,
      site: siteNow,
      refPrev,
      ref: refNow,
      extra: await extraCosts(db, tenantId, site, entered, year),
    });
    sitePrev = siteNow.cost;
    refPrev = refNow.cost;
  }

  // Forecast: the site's planned costs for the years after the last; the reference's planned costs where it has
  // them, else its last year's development carried forward (or its actual costs where they exist).
  const last = steps[steps.length - 1] as Step;
  const growth = last.ref.cost.div(last.refPrev);
  const sitePlan = new Map((await costPlanRows(db, tenantId, site.key)).map((r) => [r.year, r.cost]));
  const refPlan = new Map((await costPlanRows(db, tenantId, reference.key)).map((r) => [r.year, r.cost]));
  const forecastSteps: Step[] = [];
  for (let year = q.to + 1; year <= q.to + MAX_FORECAST_YEARS && sitePlan.has(year); year++) {
    const planned = refPlan.get(year);
    const actual = planned === undefined ? await regionCost(db, tenantId, reference, year, categories) : null;
    const ref: Step['ref'] =
      planned !== undefined
        ? { cost: Fraction.parse(planned), source: 'planned' }
        : actual
          ? actual
          : { cost: refPrev.mul(growth), source: 'extrapolated' };
    if (refPrev.n === 0n) throw zeroReference(reference, year - 1);
    const siteNow = { cost: Fraction.parse(sitePlan.get(year) as string), source: 'planned' as const };
    forecastSteps.push({
      year,
      forecast: true,
      sitePrev,
      site: siteNow,
      refPrev,
      ref,
      extra: await extraCosts(db, tenantId, site, entered, year),
    });
    sitePrev = siteNow.cost;
    refPrev = ref.cost;
  }

  let cumulative = 0n;
  let savingsCents = 0n;
  let extraCents = 0n;
  const rows: RentabRow[] = [];
  for (const step of steps) {
    const r = row(step, cumulative);
    cumulative += r.netCents;
    savingsCents += Fraction.parse(r.row.savings).toCents();
    extraCents += Fraction.parse(r.row.extra.total).toCents();
    rows.push(r.row);
  }
  const totals = {
    savings: new Fraction(savingsCents, 100n).toMoney(),
    extra: new Fraction(extraCents, 100n).toMoney(),
    net: new Fraction(cumulative, 100n).toMoney(),
  };
  const forecast: RentabRow[] = [];
  for (const step of forecastSteps) {
    const r = row(step, cumulative);
    cumulative += r.netCents;
    forecast.push(r.row);
  }
  return {
    site: site.name,
    reference: reference.name,
    from: q.from,
    to: q.to,
    categories: [...categories],
    rows,
    forecast,
    totals,
  };
}
