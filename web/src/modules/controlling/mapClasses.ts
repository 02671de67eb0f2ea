/** Five classes of equal count (quantiles) for the map, with the exact range of the values in each class. */
export const classColours = ['#d0e2f2', '#93bde0', '#4f8fc8', '#1f63a6', '#0b3d73'] as const;

export interface MapClass<T> {
  colour: string;
  min: number;
  max: number;
  /** The items holding the smallest and the largest value: the legend labels them from their own figures. */
  first: T;
  last: T;
  count: number;
}

export function classify<T>(
  items: readonly T[],
  value: (item: T) => number | null,
): { classes: MapClass<T>[]; classOf: (item: T) => MapClass<T> | null } {
  const sorted = items
    .flatMap((item) => {
      const v = value(item);
      return v === null ? [] : [{ item, v }];
    })
    .sort((a, b) => a.v - b.v);
  const distinct = new Set(sorted.map((s) => s.v)).size;
  const n = Math.min(classColours.length, distinct);
  const classes: MapClass<T>[] = [];
  for (let i = 0; i < n; i++) {
    const slice = sorted.slice(
      Math.floor((i * sorted.length) / n),
      Math.floor(((i + 1) * sorted.length) / n),
    );
    const low = slice[0];
    const high = slice[slice.length - 1];
    if (low === undefined || high === undefined) continue;
    // Equal values stay in one class: a value already covered by the previous class is left there.
    const previous = classes[classes.length - 1];
    const from = previous && previous.max >= low.v ? slice.find((s) => s.v > previous.max) : low;
    if (from === undefined) continue;
    classes.push({ colour: '', min: from.v, max: high.v, first: from.item, last: high.item, count: 0 });
  }
  // Spread the colours over the classes that remain, from light to dark.
  classes.forEach((c, i) => {
    const index =
      classes.length === 1
        ? classColours.length - 2
        : Math.round((i * (classColours.length - 1)) / (classes.length - 1));
    c.colour = classColours[index] ?? classColours[0];
  });
  const classOf = (item: T) => {
    const v = value(item);
    return v === null ? null : (classes.find((c) => v >= c.min && v <= c.max) ?? null);
  };
  for (const item of items) {
    const c = classOf(item);
    if (c) c.count++;
  }
  return { classes, classOf };
}
