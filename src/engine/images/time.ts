// Go's time.RFC3339Nano for UTC instants held in ms: trailing zeros of the fraction dropped.
export const GO_ZERO_TIME = "0001-01-01T00:00:00Z";

export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2025-06-01T10:00:00.120Z
  const [base, frac] = iso.slice(0, -1).split(".");
  const f = (frac ?? "").replace(/0+$/, "");
  return f ? `${base}.${f}Z` : `${base}Z`;
}
