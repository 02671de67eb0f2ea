import type { HelpType, Provider } from '@leuchtturm/shared';
import { addDays } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { presentHelpType, presentProviders } from './presenter.ts';
import * as q from './queries/catalogue.ts';

/**
 * The catalogue a measure is planned from: help types, providers with their offers and rates. No personal data:
 * read by everyone who plans help; help types are kept by admins, providers, offers and rates by the
 * Wirtschaftliche Jugendhilfe (the routes declare who).
 */

export async function listHelpTypes(ctx: Ctx): Promise<HelpType[]> {
  return (await q.listHelpTypes(ctx.db, ctx.actor.tenantId)).map(presentHelpType);
}

export async function createHelpType(ctx: Ctx, input: Omit<HelpType, 'id' | 'version'>): Promise<string> {
  const id = await q.insertHelpType(ctx.db, {
    tenant_id: ctx.actor.tenantId,
    code: input.code,
    name: input.name,
    paragraph: input.paragraph,
    category_rule: input.categoryRule,
    is_hze: input.isHze,
    valid_from: input.validFrom,
    valid_to: input.validTo,
  });
  await ctx.audit({ action: 'create', entityType: 'help_type', entityId: id });
  return id;
}

export async function listProviders(ctx: Ctx): Promise<Provider[]> {
  const tenantId = ctx.actor.tenantId;
  const providers = await q.listProviderRows(ctx.db, tenantId);
  const offers = await q.listOfferRows(ctx.db, tenantId);
  const rates = await q.listRateRows(ctx.db, tenantId);
  return presentProviders(providers, offers, rates);
}

export async function createProvider(ctx: Ctx, input: { name: string; kind: string }): Promise<string> {
  const id = await q.insertProvider(ctx.db, ctx.actor.tenantId, input);
  await ctx.audit({ action: 'create', entityType: 'provider', entityId: id });
  return id;
}

export async function createOffer(
  ctx: Ctx,
  input: {
    providerId: string;
    name: string;
    helpTypeId: string;
    unit: 'day' | 'hour' | 'month';
    rate: { amount: string; validFrom: string };
  },
): Promise<string> {
  const tenantId = ctx.actor.tenantId;
  if (!(await q.findProvider(ctx.db, tenantId, input.providerId)))
    throw AppError.validation('providerId', 'Diesen Träger gibt es nicht.');
  if (!(await q.findHelpType(ctx.db, tenantId, input.helpTypeId)))
    throw AppError.validation('helpTypeId', 'Diese Hilfeart gibt es nicht.');
  const id = await q.insertOffer(ctx.db, tenantId, input);
  await q.insertOpenRate(ctx.db, tenantId, id, input.rate);
  await ctx.audit({ action: 'create', entityType: 'service_offer', entityId: id });
  return id;
}

/**
 * A new rate from a date on: the current open rate ends the day before, so that a rate change takes effect from
 * its date only and earlier days keep their rate.
 */
export async function changeRate(
  ctx: Ctx,
  offerId: string,
  input: { amount: string; validFrom: string },
): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const [open] = await q.lockRatesOfOffer(ctx.db, tenantId, offerId);
  if (!open) throw AppError.notFound('Das Leistungsangebot');
  if (input.validFrom <= open.valid_from) {
    throw AppError.validation(
      'validFrom',
      'Ein neuer Satz gilt ab einem Tag nach dem Beginn des geltenden Satzes.',
    );
  }
  await q.endRate(ctx.db, tenantId, offerId, open.valid_from, addDays(input.validFrom, -1));
  await q.insertOpenRate(ctx.db, tenantId, offerId, input);
  await ctx.audit({
    action: 'update',
    entityType: 'rate',
    entityId: offerId,
    details: { validFrom: input.validFrom },
  });
}
