import { endReasons, providerKinds } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';

/**
 * The record per help for the official Kinder- und Jugendhilfestatistik on erzieherische Hilfen (§ 99 Abs. 1
 * SGB VIII) for a year: helps of §§ 27-35a and 41 that ran in the year (ended in it, or continuing on 31 Dec).
 * The mapping of every column is documented in docs/hze-statistics.md. Fields the case file does not hold yet are
 * exported empty rather than guessed.
 */
export const hzeColumns = [
  'Kennung',
  'Art des Trägers',
  'Hilfeart (§)',
  'Ort der Hilfe',
  'Beginn Monat',
  'Beginn Jahr',
  'Ende Monat',
  'Ende Jahr',
  'Status zum Jahresende',
  'Grund der Beendigung',
  'Geschlecht',
  'Geburtsmonat',
  'Geburtsjahr',
  'Deutsch vorrangig gesprochene Sprache',
  'Grund 1',
  'Grund 2',
  'Grund 3',
  'Vorausgegangene Gefährdungseinschätzung',
] as const;

const genderCodes: Record<string, string> = { weiblich: 'w', maennlich: 'm', divers: 'd', ohne_angabe: 'o' };

function csvCell(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export async function hzeStatisticsCsv(ctx: Ctx, year: number): Promise<{ csv: string; rows: number }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await ctx.db
    .selectFrom('measure as m')
    .innerJoin('help_type as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.help_type_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
    )
    .leftJoin('service_offer as o', (j) =>
      j.onRef('o.tenant_id', '=', 'm.tenant_id').onRef('o.id', '=', 'm.offer_id'),
    )
    .leftJoin('provider as pr', (j) =>
      j.onRef('pr.tenant_id', '=', 'o.tenant_id').onRef('pr.id', '=', 'o.provider_id'),
    )
    .select((eb) => [
      'm.id',
      'm.begin_on',
      'm.end_on',
      'm.end_reason',
      'm.category',
      'm.reasons',
      'h.paragraph',
      'pr.kind as provider_kind',
      'p.gender',
      'p.birth_date',
      'p.language',
      eb
        .exists(
          eb
            .selectFrom('risk_consultation as rc')
            .select('rc.id')
            .whereRef('rc.tenant_id', '=', 'm.tenant_id')
            .whereRef('rc.case_id', '=', 'm.case_id')
            .where('rc.area', '=', 'gefaehrdung')
            .whereRef('rc.held_on', '<=', 'm.begin_on'),
        )
        .as('preceding_assessment'),
    ])
    .where('m.tenant_id', '=', ctx.actor.tenantId)
    .where('m.status', '=', 'bewilligt')
    .where('h.is_hze', '=', true)
    .where('m.begin_on', '<=', to)
    .where((eb) => eb.or([eb('m.end_on', 'is', null), eb('m.end_on', '>=', from)]))
    .orderBy('m.begin_on')
    .orderBy('m.id')
    .execute();
  const lines = rows.map((r) => {
    const ended = r.end_on !== null && r.end_on <= to;
    const reasons = [...r.reasons, '', '', ''].slice(0, 3);
    return [
      r.id,
      r.provider_kind
        ? providerKinds.labels[r.provider_kind as keyof typeof providerKinds.labels]
        : 'öffentlicher Träger',
      r.paragraph,
      r.category === 'stationaer' ? 'außerhalb des Elternhauses' : 'im Elternhaus / ambulant',
      r.begin_on.slice(5, 7),
      r.begin_on.slice(0, 4),
      ended ? (r.end_on as string).slice(5, 7) : '',
      ended ? (r.end_on as string).slice(0, 4) : '',
      ended ? 'beendet' : 'andauernd',
      ended && r.end_reason ? endReasons.labels[r.end_reason as keyof typeof endReasons.labels] : '',
      genderCodes[r.gender] ?? '',
      r.birth_date.slice(5, 7),
      r.birth_date.slice(0, 4),
      r.language === null ? '' : r.language.toLowerCase() === 'deutsch' ? 'ja' : 'nein',
      ...reasons,
      r.preceding_assessment ? 'ja' : 'nein',
    ]
      .map((v) => csvCell(String(v)))
      .join(';');
  });
  await ctx.audit({ action: 'export', entityType: 'hze_statistics', details: { year, rows: rows.length } });
  return {
    csv: `\uFEFF${hzeColumns.join(';')}\r\n${lines.map((l) => `${l}\r\n`).join('')}`,
    rows: rows.length,
  };
}
