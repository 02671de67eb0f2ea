/** Five classes of equal count (quantiles) for the map, with the exact range of the values in each class. */
export const classColours = ['#d0e2f2', '#93bde0', '#4f8fc8', '#1f63a6', '#0b3d73'] as const;

export interface MapClass<T, V> {
  colour: string;
  min: V;
  max: V;
  /** The items holding the smallest and the largest value: the legend labels them from their own figures. */
  first: T;
  last: T;
  count: number;
}

export interface MapClasses<T, V> {
  classes: MapClass<T, V>[];
  classOf: (item: T) => MapClass<T, V> | null;
  /** How many items have no value (drawn grey). */
  missing: number;
}

/**
 * Classes of the items by their values, compared with `compare`: numbers by difference, money (exact decimal
 * strings) with the shared compareMoney, so that two amounts a cent apart never fall together.
 */
export function classify<T, V>(
  items: readonly T[],
  value: (item: T) => V | null,
  compare: (a: V, b: V) => number,
): MapClasses<T, V> {
  const sorted = items
    .flatMap((item) => {
      const v = value(item);
      return v === null ? [] : [{ item, v }];
    })
    .sort((a, b) => compare(a.v, b.v));
  const distinct = sorted.filter(
    (s, i) => i === 0 || compare(s.v, (sorted[i - 1] as { v: V }).v) !== 0,
  ).length;
  const n = Math.min(classColours.length, distinct);
  const classes: MapClass<T, V>[] = [];
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
    const from =
      previous && compare(previous.max, low.v) >= 0 ? slice.find((s) => compare(s.v, previous.max) > 0) : low;
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
    return v === null
      ? null
      : (classes.find((c) => compare(v, c.min) >= 0 && compare(v, c.max) <= 0) ?? null);
  };
  for (const item of items) {
    const c = classOf(item);
    if (c) c.count++;
  }
  return { classes, classOf, missing: items.length - sorted.length };
}
