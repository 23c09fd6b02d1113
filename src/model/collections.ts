/** Small collection helpers every layer uses (no I/O, no domain knowledge). */

/** Items grouped by key, in first-seen order of keys and of items. */
export function groupBy<T, K extends string = string>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    // Appending in place: copying the group on every insert made large imports quadratic.
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The first item of each key, in order: the best-placed when the items come best first. */
export function firstPerKey<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
