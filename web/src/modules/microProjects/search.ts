// Imported by the router, which is part of the first bundle: no zod at runtime.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (value: unknown) => (typeof value === 'string' && uuid.test(value) ? value : undefined);
const year = (value: unknown) => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2200 ? n : undefined;
};

export interface ProjectsSearch {
  districtId?: string;
  year?: number;
}
export function validateProjectsSearch(search: Record<string, unknown>): ProjectsSearch {
  const districtId = id(search.districtId);
  const y = year(search.year);
  return { ...(districtId ? { districtId } : {}), ...(y ? { year: y } : {}) };
}

export interface NewProjectSearch {
  needId?: string;
}
export function validateNewProjectSearch(search: Record<string, unknown>): NewProjectSearch {
  const needId = id(search.needId);
  return needId ? { needId } : {};
}

export interface BudgetSearch {
  year?: number;
}
export function validateBudgetSearch(search: Record<string, unknown>): BudgetSearch {
  const y = year(search.year);
  return y ? { year: y } : {};
}
