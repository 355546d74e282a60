import { Stream } from '../../../core/rng/stream.ts';

/**
 * The standard normals of a replicate's test stream, kept for the next cell that draws them. The two members of a
 * paired regime (checks/pairs.ts: B = A with one ingredient changed) run on the same replicate streams, so at equal
 * filter count both draw the very same ζ-normals for their Monte Carlo test errors (fast.ts testErrorsGaussian):
 * drawing them once is an exact reuse (Box–Muller from the stream is ≈ 2/3 of a small cell's CPU). Keyed by the
 * stream's seed: the normals are the stream's sequence, whatever the chunking, so a shorter request is a prefix of a
 * longer one. Bounded by bytes (least recently used dropped first); a cell gets a read-only view to use at once.
 */
const CACHE = new Map<number, Float64Array>();
const CAP_BYTES = 48e6;
let bytes = 0;

export function testNormals(streamSeed: number, count: number): Float64Array {
  const hit = CACHE.get(streamSeed);
  if (hit !== undefined && hit.length >= count) {
    CACHE.delete(streamSeed);
    CACHE.set(streamSeed, hit);
    return hit;
  }
  if (hit !== undefined) {
    CACHE.delete(streamSeed);
    bytes -= hit.byteLength;
  }
  const g = Stream.fromSeed(streamSeed).normals(count);
  if (g.byteLength <= CAP_BYTES) {
    while (bytes + g.byteLength > CAP_BYTES) {
      const [k, v] = CACHE.entries().next().value!;
      CACHE.delete(k);
      bytes -= v.byteLength;
    }
    CACHE.set(streamSeed, g);
    bytes += g.byteLength;
  }
  return g;
}

/** For tests: empty the cache. */
export function clearTestNormals(): void {
  CACHE.clear();
  bytes = 0;
}
