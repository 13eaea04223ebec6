// Which containers a listing shows, shared by the full listing and the stored view.

/** Which containers a listing shows: `--last` counts every state, else stopped ones need `--all`. */
export function selectListed<C, S>(
  sorted: C[],
  how: { all: boolean; limit: number; running: (c: C) => boolean; matches?: (c: C) => boolean; summarize: (c: C) => S },
): S[] {
  const result: S[] = [];
  for (const c of sorted) {
    if (how.limit > 0 && result.length === how.limit) break;
    if (!how.running(c) && !how.all && how.limit <= 0) continue;
    if (how.matches && !how.matches(c)) continue;
    result.push(how.summarize(c));
  }
  return result;
}
