import { type HelpType, householdRoles, type Provider, type RateUnit, todayIso } from '@leuchtturm/shared';
import { currentHelpTypes, rateLabel, rateOn } from './queries.ts';

export function roleLabel(role: string): string {
  return (householdRoles.labels as Record<string, string>)[role] ?? role;
}

/**
 * What the form "Hilfe anlegen" offers for the values chosen so far: the help types valid today, the category
 * (§ 35, § 35a, or § 41 on such a help), an individual rate (only § 27 Abs. 2) and the providers' offers for the
 * help type, or for § 41 also those of the underlying help, each with its rate on the day the help begins.
 */
export function measureChoices(
  helpTypes: readonly HelpType[],
  providers: readonly Provider[],
  v: {
    helpTypeId: string | null;
    underlyingHelpTypeId: string | null;
    offerId: string | null;
    individual: boolean;
    unit: RateUnit;
    beginOn: string;
  },
) {
  const types = currentHelpTypes(helpTypes);
  const type = types.find((t) => t.id === v.helpTypeId);
  const underlyingTypes = types.filter((t) => t.isHze && t.categoryRule !== 'underlying');
  const underlying =
    type?.categoryRule === 'underlying' ? types.find((t) => t.id === v.underlyingHelpTypeId) : undefined;
  const showCategory = type?.categoryRule === 'per_measure' || underlying?.categoryRule === 'per_measure';
  const flexible = type?.code === '27.2';
  const individual = flexible && v.individual;
  const offerTypeIds = [type?.id, underlying?.id].filter(Boolean);
  const rateDay = /^\d{4}-\d{2}-\d{2}$/.test(v.beginOn) ? v.beginOn : todayIso();
  const offers = providers.flatMap((p) =>
    p.offers
      .filter((o) => offerTypeIds.includes(o.helpTypeId))
      .map((o) => ({
        value: o.id,
        unit: o.unit,
        label: `${p.name} – ${o.name} (${rateLabel(o.unit, rateOn(o.rates, rateDay)?.amount)})`,
      })),
  );
  const offer = offers.find((o) => o.value === v.offerId);
  const unit: RateUnit | undefined = individual ? v.unit : offer?.unit;
  return { types, type, underlyingTypes, underlying, showCategory, flexible, individual, offers, unit };
}
