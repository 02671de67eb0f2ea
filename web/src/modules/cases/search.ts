import type { caseAreas, MyCasesQuery } from '@leuchtturm/shared';

// Imported by the router, which is part of the first bundle: type imports only, no zod at runtime.

/** The filters of "Meine Fälle" as they stand in the address; defaults are left out. */
export interface MyCasesSearch {
  status?: Exclude<MyCasesQuery['status'], 'offen'>;
  area?: (typeof caseAreas.values)[number];
  q?: string;
  sort?: Exclude<MyCasesQuery['sort'], 'faellig'>;
  scope?: Exclude<MyCasesQuery['scope'], 'mine'>;
}

const statuses = ['abgeschlossen', 'alle'] as const satisfies readonly MyCasesSearch['status'][];
const areas = ['leistung', 'grau', 'gefaehrdung'] as const satisfies readonly MyCasesSearch['area'][];
const sorts = ['eingang', 'name'] as const satisfies readonly MyCasesSearch['sort'][];

function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return list.find((entry) => entry === value);
}

export function validateMyCasesSearch(search: Record<string, unknown>): MyCasesSearch {
  const status = oneOf(statuses, search.status);
  const area = oneOf(areas, search.area);
  const q = typeof search.q === 'string' ? search.q.trim().slice(0, 100) : '';
  const sort = oneOf(sorts, search.sort);
  return {
    ...(status ? { status } : {}),
    ...(area ? { area } : {}),
    ...(q ? { q } : {}),
    ...(sort ? { sort } : {}),
    ...(search.scope === 'team' ? { scope: 'team' as const } : {}),
  };
}
