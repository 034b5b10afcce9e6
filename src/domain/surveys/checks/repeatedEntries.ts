/** Every occurrence after the first of a value already seen, with its index: the duplicates to point at. */
export function repeatedEntries<T>(values: readonly T[]): Array<{ index: number; value: T }> {
  const seen = new Set<T>();
  const repeats: Array<{ index: number; value: T }> = [];
  values.forEach((value, index) => {
    if (seen.has(value)) repeats.push({ index, value });
    seen.add(value);
  });
  return repeats;
}
