import type { MonthlyCost, PaymentImportReport } from '@leuchtturm/shared';
import { z } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { centsToMoney, moneyToCents } from '../../shared/money.ts';
import { loadCostInputs } from './costInputs.ts';
import { exactCost } from './costRule.ts';

/** Wirtschaftliche Jugendhilfe: providers, offers and rates; monthly costs; the payments import. */

export async function createProvider(ctx: Ctx, input: { name: string; kind: string }): Promise<string> {
  const row = await ctx.db
    .insertInto('provider')
    .values({ tenant_id: ctx.actor.tenantId, name: input.name, kind: input.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'create', entityType: 'provider', entityId: row.id });
  return row.id;
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
  const provider = await ctx.db
    .selectFrom('provider')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', input.providerId)
    .executeTakeFirst();
  if (!provider) throw AppError.validation('providerId', 'Diesen Träger gibt es nicht.');
  const type = await ctx.db
    .selectFrom('help_type')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', input.helpTypeId)
    .executeTakeFirst();
  if (!type) throw AppError.validation('helpTypeId', 'Diese Hilfeart gibt es nicht.');
  const row = await ctx.db
    .insertInto('service_offer')
    .values({
      tenant_id: tenantId,
      provider_id: input.providerId,
      name: input.name,
      help_type_id: input.helpTypeId,
      unit: input.unit,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('rate')
    .values({
      tenant_id: tenantId,
      offer_id: row.id,
      valid_from: input.rate.validFrom,
      valid_to: null,
      amount: input.rate.amount,
    })
    .execute();
  await ctx.audit({ action: 'create', entityType: 'service_offer', entityId: row.id });
  return row.id;
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
  const rates = await ctx.db
    .selectFrom('rate')
    .select(['valid_from', 'valid_to'])
    .where('tenant_id', '=', tenantId)
    .where('offer_id', '=', offerId)
    .orderBy('valid_from', 'desc')
    .forUpdate()
    .execute();
  const open = rates[0];
  if (!open) throw AppError.notFound('Das Leistungsangebot');
  if (input.validFrom <= open.valid_from) {
    throw AppError.validation(
      'validFrom',
      'Ein neuer Satz gilt ab einem Tag nach dem Beginn des geltenden Satzes.',
    );
  }
  const dayBefore = new Date(Date.parse(`${input.validFrom}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  await ctx.db
    .updateTable('rate')
    .set({ valid_to: dayBefore })
    .where('tenant_id', '=', tenantId)
    .where('offer_id', '=', offerId)
    .where('valid_from', '=', open.valid_from)
    .execute();
  await ctx.db
    .insertInto('rate')
    .values({
      tenant_id: tenantId,
      offer_id: offerId,
      valid_from: input.validFrom,
      valid_to: null,
      amount: input.amount,
    })
    .execute();
  await ctx.audit({
    action: 'update',
    entityType: 'rate',
    entityId: offerId,
    details: { validFrom: input.validFrom },
  });
}

const monthBounds = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};

/** The cost of every approved measure in a month (by measure and case), from the one cost rule. */
export async function monthlyCosts(ctx: Ctx, month: string): Promise<MonthlyCost> {
  const { from, to } = monthBounds(month);
  const inputs = await loadCostInputs(ctx.db, ctx.actor.tenantId, { from, to, approvedOnly: true });
  const meta = new Map(
    inputs.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('measure as m')
            .innerJoin('case_file as c', (j) =>
              j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.case_id'),
            )
            .innerJoin('help_type as h', (j) =>
              j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
            )
            .leftJoin('service_offer as o', (j) =>
              j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.offer_id'),
            )
            .leftJoin('provider as p', (j) =>
              j.onRef('p.tenant_id', '=', 'o.tenant_id').onRef('p.id', '=', 'o.provider_id'),
            )
            .select(['m.id', 'c.case_number', 'h.name as help_type', 'p.name as provider'])
            .where('m.tenant_id', '=', ctx.actor.tenantId)
            .where(
              'm.id',
              'in',
              inputs.map((i) => i.id),
            )
            .execute()
        ).map((r) => [r.id, r]),
  );
  let total = 0n;
  const rows = inputs.map((i) => {
    const cents = exactCost(i.measure, from, to).toCents();
    total += cents;
    const m = meta.get(i.id);
    return {
      measureId: i.id,
      caseId: i.caseId,
      caseNumber: m?.case_number ?? '',
      helpType: m?.help_type ?? '',
      provider: m?.provider ?? null,
      category: i.category as MonthlyCost['rows'][number]['category'],
      amount: centsToMoney(cents),
      paid: i.measure.payments?.has(month) ?? false,
    };
  });
  rows.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  await ctx.audit({ action: 'read', entityType: 'monthly_costs', details: { month, measures: rows.length } });
  return { month, total: centsToMoney(total), rows };
}

const paymentLine = z.object({
  measure: z.uuid(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  amount: z.string().regex(/^\d{1,9}([.,]\d{1,2})?$/),
});

/**
 * Payments import from CSV (`measure,month,amount`; a header line is allowed; ; or , as separator). Every line is
 * checked; the file is written only when every line is accepted (all or nothing), and never on a dry run.
 */
export async function importPayments(ctx: Ctx, csv: string, dryRun: boolean): Promise<PaymentImportReport> {
  const tenantId = ctx.actor.tenantId;
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rejected: PaymentImportReport['rejected'] = [];
  const accepted: { measureId: string; month: string; amount: string; line: number }[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text) return;
    // German spreadsheets write "1400,00" and separate with ";"; others use "," and "1400.00".
    const separator = text.includes(';') ? ';' : ',';
    const cells = text.split(separator).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (index === 0 && /^(ma(ß|ss)nahme|measure)$/i.test(cells[0] ?? '')) return;
    if (cells.length !== 3) {
      rejected.push({
        line,
        reason: `Erwartet drei Spalten (Maßnahme, Monat, Betrag), gefunden ${cells.length}.`,
      });
      return;
    }
    const parsed = paymentLine.safeParse({ measure: cells[0], month: cells[1], amount: cells[2] });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      const reasons: Record<string, string> = {
        measure: 'Die Maßnahme ist keine gültige Kennung.',
        month: 'Der Monat muss die Form JJJJ-MM haben.',
        amount: 'Der Betrag muss eine Zahl mit höchstens zwei Nachkommastellen sein.',
      };
      rejected.push({ line, reason: reasons[field] ?? 'Ungültige Zeile.' });
      return;
    }
    const key = `${parsed.data.measure}|${parsed.data.month}`;
    if (seen.has(key)) {
      rejected.push({
        line,
        reason: 'Für diese Maßnahme und diesen Monat steht schon eine Zeile in der Datei.',
      });
      return;
    }
    seen.add(key);
    accepted.push({
      measureId: parsed.data.measure,
      month: parsed.data.month,
      amount: parsed.data.amount.replace(',', '.'),
      line,
    });
  });
  if (accepted.length === 0 && rejected.length === 0)
    throw AppError.validation('file', 'Die Datei enthält keine Zeilen.');

  const ids = [...new Set(accepted.map((a) => a.measureId))];
  const measures = new Map(
    ids.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('measure')
            .select(['id', 'status', 'begin_on', 'end_on'])
            .where('tenant_id', '=', tenantId)
            .where('id', 'in', ids)
            .execute()
        ).map((m) => [m.id, m]),
  );
  const valid = accepted.filter((a) => {
    const m = measures.get(a.measureId);
    const { from, to } = monthBounds(a.month);
    const reason = !m
      ? 'Diese Maßnahme gibt es nicht.'
      : m.status !== 'bewilligt'
        ? 'Die Maßnahme ist nicht bewilligt.'
        : m.begin_on > to || (m.end_on !== null && m.end_on < from)
          ? 'Die Maßnahme lief in diesem Monat nicht.'
          : null;
    if (reason) rejected.push({ line: a.line, reason });
    return !reason;
  });
  rejected.sort((a, b) => a.line - b.line);
  const total = centsToMoney(valid.reduce((sum, a) => sum + moneyToCents(a.amount), 0n));
  const write = !dryRun && rejected.length === 0;
  if (write) {
    for (const a of valid) {
      await ctx.db
        .insertInto('payment')
        .values({ tenant_id: tenantId, measure_id: a.measureId, month: `${a.month}-01`, amount: a.amount })
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'measure_id', 'month'])
            .doUpdateSet({ amount: a.amount, imported_at: new Date() }),
        )
        .execute();
    }
    await ctx.audit({ action: 'import', entityType: 'payment', details: { rows: valid.length } });
  }
  return { accepted: valid.length, rejected, written: write, total };
}
