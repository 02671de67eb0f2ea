import { ageCohorts, atlasKinds } from '@leuchtturm/shared';

export const kindOptions = atlasKinds.values.map((k) => ({ value: k, label: atlasKinds.labels[k] }));
export const cohortOptions = ageCohorts.values.map((c) => ({ value: c, label: ageCohorts.labels[c] }));
/** "0-3, 3-10" in the list, the labels where there is room. */
export const cohortList = (cohorts: readonly string[]) => (cohorts.length ? cohorts.join(', ') : 'alle');
