import type { ConfidedMark, HelpType, Measure, MonthlyCost, Provider } from '@leuchtturm/shared';
import { centsToMoney } from '../../shared/money.ts';
import { type CostRow, individualRate } from './costInputs.ts';
import { firstFullMonthCost, type RatePeriod, type RateUnit } from './costRule.ts';
import type { HelpTypeRow, OfferRow, ProviderRow, RateRow } from './queries/catalogue.ts';
import type { CostLabelRow } from './queries/finance.ts';
import type { MeasureRow } from './queries/measures.ts';

/** Rows to responses: only the fields listed here leave the server. */

export function presentHelpType(r: HelpTypeRow): HelpType {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    paragraph: r.paragraph,
    categoryRule: r.category_rule as HelpType['categoryRule'],
    isHze: r.is_hze,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
  };
}

export function presentProviders(
  providers: readonly ProviderRow[],
  offers: readonly OfferRow[],
  rates: readonly RateRow[],
): Provider[] {
  return providers.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind as Provider['kind'],
    version: p.version,
    offers: offers
      .filter((o) => o.provider_id === p.id)
      .map((o) => ({
        id: o.id,
        name: o.name,
        helpTypeId: o.help_type_id,
        helpTypeName: o.help_type_name,
        unit: o.unit,
        rates: rates
          .filter((r) => r.offer_id === o.id)
          .map((r) => ({ amount: r.amount, validFrom: r.valid_from, validTo: r.valid_to })),
      })),
  }));
}

/** The rate a measure is paid at now: the newest one begun by today, or by its begin when it lies ahead. */
function currentRate(rates: readonly RatePeriod[], begin: string, today: string): string | null {
  const on = begin > today ? begin : today;
  let current: RatePeriod | null = null;
  for (const r of rates) if (r.validFrom <= on && (!current || r.validFrom > current.validFrom)) current = r;
  return current?.amount ?? null;
}

/**
 * A measure runs longer than planned when it is approved, has no end recorded, and its planned end lies before
 * today: the case worker decides whether it ends or the help plan extends it (docs/domain.md). Once an end is
 * recorded, the decision is made and the flag goes.
 */
export function isOverrun(
  r: Pick<MeasureRow, 'status' | 'planned_end_on' | 'end_on'>,
  today: string,
): boolean {
  return (
    r.status === 'bewilligt' && r.end_on === null && r.planned_end_on !== null && r.planned_end_on < today
  );
}

/** A measure as lists show it; `rates` are its offer's rate periods (by offer id), `today` the Berlin date. */
export function presentMeasure(
  r: MeasureRow,
  rates: ReadonlyMap<string, readonly RatePeriod[]>,
  today: string,
  /** § 65: the measure's mark as the reader sees it, and whether she may mark it. */
  confided: { mark: ConfidedMark | null; mayMark: boolean },
): Measure {
  const unit: RateUnit = r.individual_unit ?? r.offer_unit ?? 'day';
  const periods = r.individual_amount
    ? individualRate(r.individual_amount)
    : (rates.get(r.offer_id ?? '') ?? []);
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    personId: r.person_id,
    personName: `${r.first_name} ${r.last_name}`,
    helpType: { id: r.help_type_id, name: r.help_type_name, paragraph: r.paragraph },
    provider: r.provider_name,
    offer: r.offer_name,
    unit,
    rate: currentRate(periods, r.begin_on, today),
    category: r.category as Measure['category'],
    beginOn: r.begin_on,
    plannedEndOn: r.planned_end_on,
    endOn: r.end_on,
    endReason: r.end_reason as Measure['endReason'],
    hoursPerWeek: r.hours_per_week,
    status: r.status,
    monthlyEstimate: firstFullMonthCost({
      begin: r.begin_on,
      unit,
      hoursPerWeek: r.hours_per_week,
      rates: periods,
    }),
    beginReason: r.begin_reason,
    withdrawReason: r.withdraw_reason,
    confided: confided.mark,
    mayMarkConfided: confided.mayMark,
    overrun: isOverrun(r, today),
    approvedBy: r.approved_by_name,
    approvedAt: r.approved_at ? r.approved_at.toISOString() : null,
    version: r.version,
  };
}

/** The monthly costs list, by case number; `costs` holds each measure's cost in cents from the cost rule. */
export function presentMonthlyCost(
  month: string,
  costs: readonly { row: CostRow; cents: bigint }[],
  labels: readonly CostLabelRow[],
): MonthlyCost {
  const byId = new Map(labels.map((l) => [l.id, l]));
  let total = 0n;
  const rows = costs.map(({ row, cents }): MonthlyCost['rows'][number] => {
    total += cents;
    const label = byId.get(row.id);
    return {
      measureId: row.id,
      caseId: row.caseId,
      caseNumber: label?.case_number ?? '',
      helpType: label?.help_type ?? '',
      provider: label?.provider ?? null,
      category: row.category as MonthlyCost['rows'][number]['category'],
      amount: centsToMoney(cents),
      paid: row.measure.payments?.has(month) ?? false,
    };
  });
  rows.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  return { month, total: centsToMoney(total), rows };
}
