// A deep copy of JSON-shaped data (what a state file holds): several times faster than
// structuredClone or a JSON round trip on the host state, and like the file store it drops
// undefined fields.
export function plainCopy<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = plainCopy(value[i] as unknown);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = plainCopy(field);
  }
  return out as T;
}
