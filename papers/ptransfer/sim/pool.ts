import type { Stream } from '../../../core/rng/stream.ts';

/**
 * The exact reduction behind the fast path. Every filter stays in
 *   w = w(0) + a_u e_u + a_1 e_1 + a_2 e_2 + Σ_i b_i ξ_i      (ξ_i: the noise patches of the tasks trained on)
 * because each GD step adds multiples of the sample patches (ȳμ and ξ_i). So a filter is a coefficient
 * vector over a *pool* of K vectors — the basis (e_u, e_1, e_2), the initial filters of the upstream and of
 * the downstream model, and the noise patches of both tasks — and every inner product the training and the
 * test error need is an entry of the pool's Gram matrix. This includes the cross Gram ⟨ξ⁽¹⁾_i, ξ⁽²⁾_j⟩ and
 * ⟨ξ⁽¹⁾_i, e_2⟩, ⟨ξ⁽²⁾_j, e_1⟩ that inherited filters bring to the target task: nothing is dropped.
 *
 * Two exact ways to get the Gram:
 *  - 'explicit': the d-dimensional vectors are generated (data.ts) and multiplied (K²d/2 operations); the
 *    tfjs and float64 direct simulations use the very same vectors, which is what the cross-checks need;
 *  - 'wishart': by rotation invariance of the Gaussians we may take e_u, e_1, e_2 to be the first three
 *    coordinates; each pool vector is then (head ∈ R³, scale·g) with g ~ N(0, I_{d−3}), and the Gram of the
 *    g's is Wishart(d − 3, I_K′), drawn by the Bartlett decomposition G = LLᵀ with L lower-trapezoidal,
 *    L_ii = √χ²_{d−3−i}, L_ij ~ N(0, 1) (j < i): K′³/6 operations instead of K′²d/2, and the same law.
 */
export interface PoolBlock {
  offset: number;
  count: number;
}

export interface Pool {
  K: number;
  d: number;
  gram: Float64Array;
  blocks: Record<string, PoolBlock>;
  mode: 'explicit' | 'wishart';
  /** K×d vectors (explicit mode only). */
  vectors?: Float64Array;
}

/** Rows 0..2 of every pool are the orthonormal basis (e_u, e_1, e_2). */
export const BASIS_ROWS = 3;

export interface ExplicitBlock {
  name: string;
  rows: Float64Array;
}

/**
 * The rows of V that `explicitPool` puts together (basis E, then the blocks in order) and where each block starts.
 */
function stack(d: number, E: Float64Array, blocks: readonly ExplicitBlock[]): { K: number; V: Float64Array; meta: Record<string, PoolBlock> } {
  let K = BASIS_ROWS;
  const meta: Record<string, PoolBlock> = {};
  for (const b of blocks) {
    const count = b.rows.length / d;
    meta[b.name] = { offset: K, count };
    K += count;
  }
  const V = new Float64Array(K * d);
  V.set(E.subarray(0, 3 * d), 0);
  for (const b of blocks) V.set(b.rows, meta[b.name]!.offset * d);
  return { K, V, meta };
}

export function explicitPool(d: number, E: Float64Array, blocks: readonly ExplicitBlock[]): Pool {
  const { K, V, meta } = stack(d, E, blocks);
  return { K, d, gram: gramOf(V, K, d), blocks: meta, mode: 'explicit', vectors: V };
}

/**
 * explicitPool of vectors most of which are rows of `base` (same layout): a Gram entry of two rows that are bit for
 * bit those of `base` is copied from base's Gram, every other entry is computed as gramOf computes it (dotRows), so
 * the result is identical to explicitPool (pool.test.ts). The ‖u‖ sweep (sweep.ts) rotates only e_u, e_1 and the
 * target noise: 2 + N_2 of K rows, ≈ 2(2 + N_2)/K of the work (≈ 1/6 at Fig 2's K = 1263).
 */
export function explicitPoolFrom(base: Pool, E: Float64Array, blocks: readonly ExplicitBlock[]): Pool {
  const { K, V, meta } = stack(base.d, E, blocks);
  const d = base.d;
  const B = base.vectors;
  if (B === undefined || base.K !== K) return { K, d, gram: gramOf(V, K, d), blocks: meta, mode: 'explicit', vectors: V };
  // bit patterns compared (two 32-bit words per element): ±0 and NaNs told apart as the arithmetic would
  const vw = new Int32Array(V.buffer, V.byteOffset, 2 * V.length);
  const bw = new Int32Array(B.buffer, B.byteOffset, 2 * B.length);
  const same = new Uint8Array(K);
  for (let i = 0; i < K; i++) {
    let eq = 1;
    for (let t = 2 * i * d, e = t + 2 * d; t < e; t++)
      if (vw[t] !== bw[t]) {
        eq = 0;
        break;
      }
    same[i] = eq;
  }
  const G = new Float64Array(K * K);
  const Gb = base.gram;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j <= i; j++) {
      const s = same[i] && same[j] ? Gb[i * K + j]! : dotRows(V, i * d, j * d, d);
      G[i * K + j] = s;
      G[j * K + i] = s;
    }
  }
  return { K, d, gram: G, blocks: meta, mode: 'explicit', vectors: V };
}

/** ⟨V_i, V_j⟩ for rows at offsets oi, oj: four strided partial sums, added s0 + s1 + s2 + s3 (gramOf's order). */
export function dotRows(V: Float64Array, oi: number, oj: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    s0 += V[oi + t]! * V[oj + t]!;
    s1 += V[oi + t + 1]! * V[oj + t + 1]!;
    s2 += V[oi + t + 2]! * V[oj + t + 2]!;
    s3 += V[oi + t + 3]! * V[oj + t + 3]!;
  }
  for (; t < d; t++) s0 += V[oi + t]! * V[oj + t]!;
  return s0 + s1 + s2 + s3;
}

/** V Vᵀ for K rows of length d (symmetric; entry (i, j) = dotRows of rows i ≥ j). */
export function gramOf(V: Float64Array, K: number, d: number): Float64Array {
  const G = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    const oi = i * d;
    for (let j = 0; j <= i; j++) {
      const s = dotRows(V, oi, j * d, d);
      G[i * K + j] = s;
      G[j * K + i] = s;
    }
  }
  return G;
}

export interface WishartBlock {
  name: string;
  count: number;
  /** Standard deviation of every free coordinate (σ_0 for initial filters, σ_p for noise). */
  scale: number;
  /** Basis coordinates that are zero (the noise projection); [] for initial filters. */
  project: readonly number[];
  /** Stream for the three head coordinates of this block's rows. */
  head: Stream;
}

export function wishartPool(d: number, blocks: readonly WishartBlock[], tail: Stream): Pool {
  if (d < 4) throw new RangeError(`wishartPool: d must be ≥ 4, got ${d}`);
  let K = BASIS_ROWS;
  const meta: Record<string, PoolBlock> = {};
  for (const b of blocks) {
    meta[b.name] = { offset: K, count: b.count };
    K += b.count;
  }
  const Kp = K - BASIS_ROWS;
  const H = new Float64Array(K * 3);
  for (let a = 0; a < 3; a++) H[a * 3 + a] = 1;
  const scale = new Float64Array(K);
  for (const b of blocks) {
    const o = meta[b.name]!.offset;
    for (let i = 0; i < b.count; i++) {
      scale[o + i] = b.scale;
      for (let a = 0; a < 3; a++) {
        const g = b.head.normal();
        H[(o + i) * 3 + a] = b.project.includes(a) ? 0 : b.scale * g;
      }
    }
  }
  // Bartlett factor of the tail Gram (rows of the K′ non-basis vectors, d′ = d − 3 columns).
  const dp = d - 3;
  const cols = Math.min(Kp, dp);
  const L = new Float64Array(Kp * cols);
  for (let i = 0; i < Kp; i++) {
    const lim = Math.min(i, cols);
    for (let j = 0; j < lim; j++) L[i * cols + j] = tail.normal();
    if (i < dp) L[i * cols + i] = Math.sqrt(tail.chiSquare(dp - i));
  }
  const G = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j <= i; j++) {
      let s = H[i * 3]! * H[j * 3]! + H[i * 3 + 1]! * H[j * 3 + 1]! + H[i * 3 + 2]! * H[j * 3 + 2]!;
      if (i >= BASIS_ROWS && j >= BASIS_ROWS) {
        const ii = i - BASIS_ROWS;
        const jj = j - BASIS_ROWS;
        const lim = Math.min(jj + 1, cols); // L is lower-trapezoidal: row jj ≤ ii has entries 0..min(jj, cols−1)
        const oi = ii * cols;
        const oj = jj * cols;
        let t = 0;
        let acc = 0;
        for (; t < lim; t++) acc += L[oi + t]! * L[oj + t]!;
        s += scale[i]! * scale[j]! * acc;
      }
      G[i * K + j] = s;
      G[j * K + i] = s;
    }
  }
  return { K, d, gram: G, blocks: meta, mode: 'wishart' };
}

/** The d-dimensional filters W = C·V of an explicit pool (F×d), for cross-checks. */
export function materialize(pool: Pool, C: Float64Array): Float64Array {
  if (!pool.vectors) throw new Error('materialize: only explicit pools carry their vectors');
  const { K, d } = pool;
  const F = C.length / K;
  const W = new Float64Array(F * d);
  for (let r = 0; r < F; r++) {
    for (let c = 0; c < K; c++) {
      const a = C[r * K + c]!;
      if (a === 0) continue;
      for (let t = 0; t < d; t++) W[r * d + t]! += a * pool.vectors[c * d + t]!;
    }
  }
  return W;
}

/** Coefficients of filters that are exactly the rows of a block (fresh initial filters). */
export function identityCoefficients(pool: Pool, block: string): Float64Array {
  const b = pool.blocks[block];
  if (!b) throw new Error(`pool has no block '${block}'`);
  const C = new Float64Array(b.count * pool.K);
  for (let r = 0; r < b.count; r++) C[r * pool.K + b.offset + r] = 1;
  return C;
}
