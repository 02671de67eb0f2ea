import {
  type Kpis,
  type Steering,
  type SteeringQuery,
  type Target,
  type TargetFigure,
  type TargetInput,
  targetFigureInfo,
  trafficLightLabels,
} from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { yearKpis } from './kpis.ts';
import { growthPct, trafficLight } from './lights.ts';
import { deleteTarget, targetRows, upsertTarget } from './queries/steering.ts';
import { resolveRegion } from './regions.ts';

/**
 * Steering (docs/controlling-rentabilitaet.md): every key figure of a region and year with its growth against a
 * baseline year and, where one is set, its target and traffic light. Targets are kept per figure, region (its
 * canonical key: "NH" and "Nordhafen" are one) and year.
 */

type Exact = string | number | null;
const exact = (v: number | null | undefined): Exact => (v === null || v === undefined ? null : v);

/** Every figure of the key figures, in one flat list: its key, label, unit and value (money exact as a string). */
const figures: { key: string; label: string; unit: string; of: (k: Kpis) => Exact }[] = [
  { key: 'jew', label: 'Jugendeinwohner (unter 21)', unit: '', of: (k) => exact(k.jew) },
  { key: 'costs_total', label: 'Kosten gesamt', unit: '€', of: (k) => k.costs.total },
  { key: 'costs_ambulant', label: 'Kosten ambulant', unit: '€', of: (k) => k.costs.ambulant },
  { key: 'costs_stationaer', label: 'Kosten stationär', unit: '€', of: (k) => k.costs.stationaer },
  { key: 'costs_sonstige', label: 'Kosten sonstige', unit: '€', of: (k) => k.costs.sonstige },
  { key: 'per_jew_total', label: 'Kosten je JEW', unit: '€', of: (k) => k.perJew.total },
  { key: 'per_jew_ambulant', label: 'Kosten ambulant je JEW', unit: '€', of: (k) => k.perJew.ambulant },
  { key: 'per_jew_stationaer', label: 'Kosten stationär je JEW', unit: '€', of: (k) => k.perJew.stationaer },
  { key: 'per_jew_sonstige', label: 'Kosten sonstige je JEW', unit: '€', of: (k) => k.perJew.sonstige },
  { key: 'cases_active', label: 'Fälle am 31.12.', unit: '', of: (k) => exact(k.cases.active) },
  { key: 'cases_kosten', label: 'Kostenfälle', unit: '', of: (k) => exact(k.cases.kosten) },
  { key: 'cases_beratung', label: 'Beratungsfälle', unit: '', of: (k) => exact(k.cases.beratung) },
  { key: 'cases_neu', label: 'Neufälle', unit: '', of: (k) => exact(k.cases.neu) },
  { key: 'share_beratung', label: 'Anteil Beratungsfälle', unit: '%', of: (k) => exact(k.shareBeratung) },
  {
    key: 'density_per1000',
    label: 'Hilfedichte',
    unit: 'je 1.000 JEW',
    of: (k) => exact(k.density?.per1000),
  },
  {
    key: 'inanspruchnahme_per10000',
    label: 'Inanspruchnahme',
    unit: 'je 10.000 JEW',
    of: (k) => exact(k.inanspruchnahme?.per10000),
  },
  {
    key: 'ambulant_stationaer_ratio',
    label: 'Verhältnis ambulant zu stationär',
    unit: '',
    of: (k) => exact(k.ambulantStationaerRatio),
  },
  {
    key: 'median_duration_days',
    label: 'Dauer beendeter Hilfen (Median)',
    unit: 'Tage',
    of: (k) => exact(k.medianDurationDays),
  },
  {
    key: 'share_crisis_third_party',
    label: 'Anteil Krisen- und Drittmeldungen',
    unit: '%',
    of: (k) => exact(k.shareCrisisAndThirdParty),
  },
  { key: 'staff_ist_vze', label: 'Personal Ist', unit: 'VZE', of: (k) => exact(k.staffing.istVze) },
  { key: 'cases_per_vze', label: 'Fälle je VZE', unit: '', of: (k) => exact(k.staffing.casesPerVze) },
];

const asNumber = (v: Exact) => (v === null ? null : Number(v));
const asDecimal = (v: string | number) => (typeof v === 'string' ? v : v.toFixed(2));

export async function listTargets(
  db: Kysely<DB>,
  tenantId: string,
  filter: { year?: number; region?: string },
): Promise<Target[]> {
  const rows = await targetRows(db, tenantId, filter);
  return rows.map((r) => ({
    figure: r.figure as TargetFigure,
    region: r.region,
    year: r.year,
    target: r.target,
    tolerancePct: Number(r.tolerance_pct),
  }));
}

export async function steering(db: Kysely<DB>, tenantId: string, q: SteeringQuery): Promise<Steering> {
  const region = await resolveRegion(db, tenantId, q.region);
  const now = await yearKpis(db, tenantId, region.key, q.year);
  const base = q.baseline === undefined ? null : await yearKpis(db, tenantId, region.key, q.baseline);
  const targets = new Map(
    (await listTargets(db, tenantId, { year: q.year, region: region.key })).map((t) => [
      t.figure as string,
      t,
    ]),
  );
  return {
    region: { key: region.key, name: region.name },
    year: q.year,
    baseline: q.baseline ?? null,
    figures: figures.map((f) => {
      const value = f.of(now);
      const baselineValue = base ? asNumber(f.of(base)) : null;
      const target = targets.get(f.key);
      const light =
        target && value !== null
          ? trafficLight(target.figure, asDecimal(value), target.target, target.tolerancePct)
          : null;
      return {
        key: f.key,
        label: f.label,
        unit: f.unit,
        value: asNumber(value),
        baselineValue,
        growthPct: growthPct(asNumber(value), baselineValue),
        target: target ? Number(target.target) : null,
        tolerancePct: target ? target.tolerancePct : null,
        light,
        lightLabel: light ? trafficLightLabels[light] : target ? 'kein Wert' : null,
      };
    }),
  };
}

/** Sets a target (audited); the region is stored by its canonical key. */
export async function setTarget(ctx: Ctx, input: TargetInput): Promise<Target> {
  const region = await resolveRegion(ctx.db, ctx.actor.tenantId, input.region);
  await upsertTarget(ctx.db, ctx.actor.tenantId, {
    figure: input.figure,
    region: region.key,
    year: input.year,
    target: input.target,
    tolerance_pct: input.tolerancePct,
  });
  await ctx.audit({
    action: 'update',
    entityType: 'controlling_target',
    details: { figure: input.figure, region: region.key, year: input.year, target: input.target },
  });
  return {
    figure: input.figure,
    region: region.key,
    year: input.year,
    target: input.target,
    tolerancePct: input.tolerancePct,
  };
}

export async function removeTarget(ctx: Ctx, key: { figure: TargetFigure; region: string; year: number }) {
  const region = await resolveRegion(ctx.db, ctx.actor.tenantId, key.region);
  const removed = await deleteTarget(ctx.db, ctx.actor.tenantId, { ...key, region: region.key });
  if (removed === 0) throw AppError.notFound('Zielwert');
  await ctx.audit({
    action: 'delete',
    entityType: 'controlling_target',
    details: { figure: key.figure, region: region.key, year: key.year },
  });
}

/** The labels of the figures that can carry a target, for the report and the screens. */
export const targetLabel = (figure: TargetFigure) => targetFigureInfo[figure].label;
