import type { FigureSource, StaffSplit } from '@leuchtturm/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type ImportedValue, importedFigures, sourceOf } from './imported.ts';
import { staffOn } from './queries/organisation.ts';
import type { Region } from './regions.ts';

/**
 * Staffing of a region in a year (docs/controlling-imports.md): Soll is imported; Ist is imported when the file
 * gives it for the region and year (a year row or its 31 Dec), otherwise counted from the staff history on 31 Dec of
 * the year, so today's staff never changes a past year. Both split into Casemanagement (case managers) and
 * Referatsleitung (team leads), in VZE and heads. Stadtteile have no staff of their own (teams cross them).
 */
export interface StaffFigures {
  sollVze: number | null;
  istVze: number | null;
  sollSource: FigureSource;
  istSource: FigureSource;
  split: StaffSplit;
}

const num = (v?: ImportedValue) => (v ? Number(v.value) : null);
const round = (n: number) => Math.round(n * 100) / 100;
const add = (a: number | null, b: number | null) =>
  a === null && b === null ? null : round((a ?? 0) + (b ?? 0));

export async function staffFigures(
  db: Kysely<DB>,
  tenantId: string,
  region: Region,
  year: number,
): Promise<StaffFigures> {
  const i = await importedFigures(db, tenantId, [region.key, region.name], String(year));
  const soll = {
    casemanagement: { vze: num(i.staff_soll_cm_vze), heads: num(i.staff_soll_cm_heads) },
    referatsleitung: { vze: num(i.staff_soll_rl_vze), heads: num(i.staff_soll_rl_heads) },
  };
  const sollVze = num(i.staff_soll_vze) ?? add(soll.casemanagement.vze, soll.referatsleitung.vze);
  const sollSource = sourceOf(i.staff_soll_vze, i.staff_soll_cm_vze, i.staff_soll_rl_vze);
  const importedIst = [
    i.staff_ist_vze,
    i.staff_ist_cm_vze,
    i.staff_ist_rl_vze,
    i.staff_ist_cm_heads,
    i.staff_ist_rl_heads,
  ];
  if (importedIst.some((v) => v !== undefined)) {
    const ist = {
      casemanagement: { vze: num(i.staff_ist_cm_vze), heads: num(i.staff_ist_cm_heads) },
      referatsleitung: { vze: num(i.staff_ist_rl_vze), heads: num(i.staff_ist_rl_heads) },
    };
    return {
      sollVze,
      istVze: num(i.staff_ist_vze) ?? add(ist.casemanagement.vze, ist.referatsleitung.vze),
      sollSource,
      istSource: sourceOf(...importedIst),
      split: { soll, ist },
    };
  }
  if (region.kind === 'external' || region.kind === 'district' || region.teamIds.length === 0) {
    const none = { vze: null, heads: null };
    return {
      sollVze,
      istVze: null,
      sollSource,
      istSource: 'none',
      split: { soll, ist: { casemanagement: none, referatsleitung: none } },
    };
  }
  const ist = await staffOn(db, tenantId, region.teamIds, `${year}-12-31`);
  return {
    sollVze,
    istVze: round(ist.casemanagement.vze + ist.referatsleitung.vze),
    sollSource,
    istSource: 'computed',
    split: { soll, ist },
  };
}
