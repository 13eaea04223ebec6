// Go's RFC3339Nano for the daemon's JSON (trailing zeros of the fraction dropped; zero time).
export function rfc3339Nano(ms: number): string {
  if (ms === 0) return "0001-01-01T00:00:00Z";
  const iso = new Date(ms).toISOString(); // 2025-06-01T10:00:00.123Z
  const [whole, frac = "000Z"] = iso.split(".");
  const digits = frac.replace("Z", "").replace(/0+$/, "");
  return digits ? `${whole}.${digits}Z` : `${whole}Z`;
}
