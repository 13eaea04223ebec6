// api/types/filters semantics the image list needs: key validation, boolean values and
// label key[=value] matching, with the daemon's error texts (filters/errors.go invalidFilter).
import type { Filters } from "../api-types.js";
import { invalidParameter } from "../errors.js";

/** invalidFilter.Error: Go prints the values slice as "[a b]". */
export function invalidFilter(key: string, values?: string[]) {
  return invalidParameter(values === undefined ? `invalid filter '${key}'` : `invalid filter '${key}=[${values.join(" ")}]'`);
}

export function validateFilterKeys(filters: Filters, accepted: readonly string[]): void {
  for (const key of Object.keys(filters)) if (!accepted.includes(key)) throw invalidFilter(key);
}

/** Args.GetBoolOrDefault. */
export function filterBool(filters: Filters, key: string, dflt: boolean): boolean {
  const values = filters[key];
  if (values === undefined) return dflt;
  if (values.length === 0) throw invalidFilter(key);
  const isFalse = values.includes("0") || values.includes("false");
  const isTrue = values.includes("1") || values.includes("true");
  if (isFalse === isTrue) throw invalidFilter(key, values);
  return isTrue;
}

/** Args.MatchKVList: every "key" or "key=value" must be present among the labels. */
export function matchLabels(wanted: readonly string[], labels: Record<string, string> | null | undefined): boolean {
  if (wanted.length === 0) return true;
  if (!labels || Object.keys(labels).length === 0) return false;
  return wanted.every((w) => {
    const eq = w.indexOf("=");
    const k = eq < 0 ? w : w.slice(0, eq);
    if (!(k in labels)) return false;
    return eq < 0 || labels[k] === w.slice(eq + 1);
  });
}
