/**
 * Canonical JSON: object keys sorted, `undefined` dropped, non-finite numbers written as null, −0 as 0,
 * two-space indentation and a final newline. Two equal values always give the same bytes.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(normalize(value), null, 2)}\n`;
}

export function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalize(v)));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined || typeof v === 'function') continue;
      out[k] = normalize(v);
    }
    return out;
  }
  return String(value);
}

/** The report as compared for determinism and merging: everything except `timings`. */
export function withoutTimings<T extends { timings?: unknown }>(report: T): Omit<T, 'timings'> {
  const { timings: _t, ...rest } = report;
  void _t;
  return rest;
}

/** A stable 31-bit seed from a base seed and a label (FNV-1a over the label, mixed with the seed). */
export function deriveSeed(base: number, label: string): number {
  let h = 0x811c9dc5 ^ (base >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 1) % 0x7fffffff || 1;
}
