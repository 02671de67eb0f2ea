/** Select options from one of the shared code lists (packages/shared/src/hzeStatistics.ts): "code – label". */
export const codeOptions = (list: { values: readonly string[]; labels: Record<string, string> }) =>
  list.values.map((value) => ({ value, label: list.labels[value] ?? value }));
