// Go's time.RFC3339Nano for the daemon's JSON: UTC, trailing zeros of the fraction dropped,
// and Go's zero time for "never" (stored as 0).
export const GO_ZERO_TIME = "0001-01-01T00:00:00Z";

export function rfc3339Nano(ms: number): string {
  if (ms === 0) return GO_ZERO_TIME;
  const iso = new Date(ms).toISOString(); // 2025-06-01T10:00:00.120Z
  const [base, frac] = iso.slice(0, -1).split(".");
  const digits = (frac ?? "").replace(/0+$/, "");
  return digits ? `${base}.${digits}Z` : `${base}Z`;
}
