import { ageBands, type PopulationImportReport } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { districtRows } from './queries/organisation.ts';
import { replacePopulation } from './queries/population.ts';

/**
 * Import of the young inhabitants (JEW) per district, year and age band (docs/controlling-imports.md): rows
 * `district,year,age_band,residents`, for the office's own Stadtteile only (code or name). The whole file is
 * accepted or nothing is written; a district and year in the file replace all its stored age bands.
 */
const bands: readonly string[] = ageBands;

export async function importPopulation(
  ctx: Ctx,
  csv: string,
  dryRun = false,
): Promise<PopulationImportReport> {
  const tenantId = ctx.actor.tenantId;
  const districts = await districtRows(ctx.db, tenantId);
  const byKey = new Map(
    districts.flatMap((d) => [[d.code.toLowerCase(), d] as const, [d.name.toLowerCase(), d] as const]),
  );
  const rows: { districtId: string; code: string; year: number; band: string; residents: number }[] = [];
  const rejected: PopulationImportReport['rejected'] = [];
  const seen = new Set<string>();
  csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const text = raw.trim();
      if (!text || text.startsWith('#')) return;
      const cells = text.split(text.includes(';') ? ';' : ',').map((c) => c.trim().replace(/^"|"$/g, ''));
      if (index === 0 && ['district', 'stadtteil'].includes(cells[0]?.toLowerCase() ?? '')) return;
      if (cells.length !== 4) {
        rejected.push({
          line,
          reason: `Erwartet vier Spalten (district, year, age_band, residents), gefunden ${cells.length}.`,
        });
        return;
      }
      const [name, year, band, residents] = cells as [string, string, string, string];
      const district = byKey.get(name.toLowerCase());
      const reason = !district
        ? `„${name}“ ist kein Stadtteil dieses Jugendamts (Kürzel oder Name).`
        : !/^\d{4}$/.test(year) || Number(year) < 1990 || Number(year) > 2100
          ? `Das Jahr „${year}“ liegt nicht zwischen 1990 und 2100.`
          : !bands.includes(band)
            ? `Die Altersgruppe „${band}“ ist unbekannt. Erlaubt: ${bands.join(', ')}.`
            : !/^\d{1,9}$/.test(residents.replace(/\./g, ''))
              ? `„${residents}“ ist keine Anzahl (ganze Zahl ab 0).`
              : seen.has(`${district.id}|${year}|${band}`)
                ? 'Derselbe Stadtteil, dasselbe Jahr und dieselbe Altersgruppe stehen schon weiter oben.'
                : null;
      if (reason || !district) {
        rejected.push({ line, reason: reason ?? '' });
        return;
      }
      seen.add(`${district.id}|${year}|${band}`);
      rows.push({
        districtId: district.id,
        code: district.code,
        year: Number(year),
        band,
        residents: Number(residents.replace(/\./g, '')),
      });
    });
  const written = !dryRun && rejected.length === 0 && rows.length > 0;
  if (written) {
    await replacePopulation(
      ctx.db,
      tenantId,
      rows.map((r) => ({
        district_id: r.districtId,
        year: r.year,
        age_band: r.band,
        residents: r.residents,
      })),
    );
    await ctx.audit({ action: 'import', entityType: 'population', details: { rows: rows.length } });
  }
  const preview = new Map<string, PopulationImportReport['preview'][number]>();
  for (const r of rows) {
    const key = `${r.code}|${r.year}`;
    const p = preview.get(key) ?? { district: r.code, year: r.year, u21: 0, u18: 0 };
    p.u21 += r.residents;
    if (r.band !== '18-20') p.u18 += r.residents;
    preview.set(key, p);
  }
  return {
    accepted: rows.length,
    rejected,
    written,
    preview: [...preview.values()].sort((a, b) => a.district.localeCompare(b.district) || a.year - b.year),
  };
}
