import type { Measurement } from '../core/measurement.ts';

/**
 * Simulate once, use everywhere (issue 14 item 3): an in-process, content-addressed memo of simulation results.
 * A result is keyed by (simulation id, canonical JSON of its parameters, canonical JSON of its run options — seed,
 * draws and any other option), so checks and figures that run the same simulation at the same parameters and seed
 * in one process share one run. A simulation is a deterministic function of exactly these (seeded streams in,
 * measurement out: sim/sim.ts), which is what makes the memo exact rather than approximate.
 *
 * Bounded: least-recently-used eviction by entry count and by an estimate of the bytes held. Callers never share an
 * object with the cache (it stores a structuredClone; a hit returns another), so a caller that sorts or edits `values` cannot change what the next
 * caller sees. A running (async) simulation is shared too: a second call with the same key waits for the first.
 * TTC_SIM_CACHE=0 turns it off; TTC_SIM_CACHE_STATS=1 prints hits and misses per simulation when the process exits.
 */

export interface CacheStats {
  hits: number;
  misses: number;
  evictions: number;
  entries: number;
  bytes: number;
  bySim: Record<string, { hits: number; misses: number }>;
}

/** JSON with object keys sorted at every level (and NaN/±Infinity spelled out), so equal content gives one key. */
export function canonicalJson(x: unknown): string {
  if (typeof x === 'number') return Number.isFinite(x) ? JSON.stringify(x) : `"${String(x)}"`;
  if (x === null || typeof x !== 'object') return JSON.stringify(x) ?? 'undefined';
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return `[${Array.from(x as ArrayLike<unknown>, canonicalJson).join(',')}]`;
  const o = x as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export function cacheKey(simId: string, params: unknown, opts: unknown): string {
  return `${simId}|${canonicalJson(params)}|${canonicalJson(opts)}`;
}

/** A rough size of a plain result: 8 bytes a number, the length of strings, nested arrays/objects walked. */
function sizeOf(x: unknown, depth = 0): number {
  if (depth > 8) return 0;
  if (typeof x === 'number') return 8;
  if (typeof x === 'string') return 2 * x.length;
  if (x === null || typeof x !== 'object') return 8;
  if (ArrayBuffer.isView(x)) return x.byteLength;
  if (Array.isArray(x)) return x.reduce((s: number, v) => s + sizeOf(v, depth + 1), 16);
  return Object.values(x as Record<string, unknown>).reduce((s: number, v) => s + sizeOf(v, depth + 1), 32);
}

type Entry = { value: Measurement; bytes: number; async: boolean } | { pending: Promise<Measurement>; bytes: 0 };

export class SimCache {
  private map = new Map<string, Entry>();
  private bytes = 0;
  private st = { hits: 0, misses: 0, evictions: 0 };
  private bySim: Record<string, { hits: number; misses: number }> = {};
  constructor(
    readonly maxEntries = 512,
    readonly maxBytes = 128 * 1024 * 1024,
  ) {}

  stats(): CacheStats {
    return { ...this.st, entries: this.map.size, bytes: this.bytes, bySim: structuredClone(this.bySim) };
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
    this.st = { hits: 0, misses: 0, evictions: 0 };
    this.bySim = {};
  }

  /** The memoised run: `run` is called only on a miss; the result's kind (sync or a promise) is kept. */
  run(simId: string, params: unknown, opts: unknown, run: () => Measurement | Promise<Measurement>): Measurement | Promise<Measurement> {
    const key = cacheKey(simId, params, opts);
    const per = (this.bySim[simId] ??= { hits: 0, misses: 0 });
    const hit = this.map.get(key);
    if (hit) {
      this.st.hits++;
      per.hits++;
      // Most recently used last.
      this.map.delete(key);
      this.map.set(key, hit);
      if ('value' in hit) return hit.async ? Promise.resolve(structuredClone(hit.value)) : structuredClone(hit.value);
      return hit.pending.then((v) => structuredClone(v));
    }
    this.st.misses++;
    per.misses++;
    const out = run();
    if (out instanceof Promise) {
      const pending = out.then(
        (v) => {
          if (this.map.get(key)?.bytes === 0) this.store(key, v, true);
          return v;
        },
        (e) => {
          this.map.delete(key);
          throw e;
        },
      );
      this.map.set(key, { pending, bytes: 0 });
      return pending.then((v) => structuredClone(v));
    }
    // The cache keeps its own copy (store clones); the caller may have the original — one copy per miss, not two.
    this.store(key, out, false);
    return out;
  }

  private store(key: string, v: Measurement, async: boolean): void {
    let copy: Measurement;
    try {
      copy = structuredClone(v);
    } catch {
      this.map.delete(key); // not plain data (e.g. a function inside): not cached
      return;
    }
    const bytes = sizeOf(copy);
    const old = this.map.get(key);
    if (old) this.bytes -= old.bytes;
    this.map.delete(key);
    if (bytes > this.maxBytes) return;
    this.map.set(key, { value: copy, bytes, async });
    this.bytes += bytes;
    for (const [k, e] of this.map) {
      if (this.map.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      if (!('value' in e)) continue; // a running simulation is not evicted
      this.map.delete(k);
      this.bytes -= e.bytes;
      this.st.evictions++;
    }
  }
}

/** The process's cache, shared by every simulation defined with defineSimulation. */
export const simCache = new SimCache();

export const simCacheEnabled = (): boolean => (globalThis.process?.env?.TTC_SIM_CACHE ?? '1') !== '0';

if (globalThis.process?.env?.TTC_SIM_CACHE_STATS === '1') {
  globalThis.process.on('exit', () => {
    const s = simCache.stats();
    const rate = s.hits + s.misses ? ((100 * s.hits) / (s.hits + s.misses)).toFixed(1) : '0';
    process.stderr.write(`sim cache: ${s.hits} hits, ${s.misses} misses (${rate} % hits), ${s.evictions} evictions, ${s.entries} entries, ${(s.bytes / 1e6).toFixed(1)} MB; ${JSON.stringify(s.bySim)}\n`);
  });
}
