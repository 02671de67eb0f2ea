import type { PaymentImportReport } from '@leuchtturm/shared';
import { monthBounds, parseCsv, z } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { centsToMoney, moneyToCents } from '../../shared/money.ts';
import { listPaymentTargets, upsertPayment } from './queries/finance.ts';

/**
 * Payments import from CSV (`measure,month,amount`; a header line is allowed; `;` or `,` as separator, decimal
 * comma or point). Every line is checked; the file is written only when every line is accepted (all or nothing),
 * and never on a dry run.
 */

const paymentLine = z.object({
  measure: z.uuid(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  amount: z.string().regex(/^\d{1,9}([.,]\d{1,2})?$/),
});
const lineReasons: Record<string, string> = {
  measure: 'Die Maßnahme ist keine gültige Kennung.',
  month: 'Der Monat muss die Form JJJJ-MM haben.',
  amount: 'Der Betrag muss eine Zahl mit höchstens zwei Nachkommastellen sein.',
};
const header = /^(ma(ß|ss)nahme|measure)$/i;

interface PaymentLine {
  measureId: string;
  month: string;
  amount: string;
  line: number;
}

/** The lines of the file as payments, and every line refused with its number and reason. */
export function readPaymentLines(csv: string): {
  accepted: PaymentLine[];
  rejected: PaymentImportReport['rejected'];
} {
  // No cell of a payment line holds a ";", so one anywhere means German spreadsheet style ("1400,00" split by ";");
  // otherwise "," separates and a decimal comma needs quotes.
  const rows = parseCsv(csv, csv.includes(';') ? ';' : ',');
  const rejected: PaymentImportReport['rejected'] = [];
  const accepted: PaymentLine[] = [];
  const seen = new Set<string>();
  rows.forEach(({ line, cells: raw }, index) => {
    const cells = raw.map((c) => c.trim());
    if (index === 0 && header.test(cells[0] ?? '')) return;
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
      rejected.push({ line, reason: lineReasons[field] ?? 'Ungültige Zeile.' });
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
  return { accepted, rejected };
}

export async function importPayments(ctx: Ctx, csv: string, dryRun: boolean): Promise<PaymentImportReport> {
  const tenantId = ctx.actor.tenantId;
  const { accepted, rejected } = readPaymentLines(csv);
  if (accepted.length === 0 && rejected.length === 0)
    throw AppError.validation('file', 'Die Datei enthält keine Zeilen.');

  const ids = [...new Set(accepted.map((a) => a.measureId))];
  const measures = new Map((await listPaymentTargets(ctx.db, tenantId, ids)).map((m) => [m.id, m]));
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
    for (const a of valid) await upsertPayment(ctx.db, tenantId, a);
    await ctx.audit({ action: 'import', entityType: 'payment', details: { rows: valid.length } });
  }
  return { accepted: valid.length, rejected, written: write, total };
}
