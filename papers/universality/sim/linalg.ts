/**
 * Small dense float64 kernels for the universality simulations (row-major Float64Array): blocked
 * multi-right-hand-side triangular solves, X v, Xᵀ a, and the Gram matrix XXᵀ blocked two rows by four (gramRows2x4).
 * Cholesky, the pivoted solve and dot are core/linalg's.
 */

/**
 * Solves L Y = B in place for the rows of B (B is n×d row-major, L lower triangular n×n), or Lᵀ Y = B when
 * `transpose`. Updates of row i are accumulated four source rows at a time (one pass over row i per four).
 */
export function triSolveRows(L: Float64Array, n: number, B: Float64Array, d: number, transpose: boolean): Float64Array {
  const order = transpose ? Array.from({ length: n }, (_, t) => n - 1 - t) : Array.from({ length: n }, (_, t) => t);
  for (const i of order) {
    const ri = i * d;
    const ks: number[] = [];
    if (transpose) for (let k = i + 1; k < n; k++) ks.push(k);
    else for (let k = 0; k < i; k++) ks.push(k);
    const coef = (k: number) => (transpose ? L[k * n + i]! : L[i * n + k]!);
    let q = 0;
    for (; q + 4 <= ks.length; q += 4) {
      const k0 = ks[q]!;
      const k1 = ks[q + 1]!;
      const k2 = ks[q + 2]!;
      const k3 = ks[q + 3]!;
      const l0 = coef(k0);
      const l1 = coef(k1);
      const l2 = coef(k2);
      const l3 = coef(k3);
      const a0 = k0 * d;
      const a1 = k1 * d;
      const a2 = k2 * d;
      const a3 = k3 * d;
      for (let j = 0; j < d; j++) B[ri + j]! -= l0 * B[a0 + j]! + l1 * B[a1 + j]! + l2 * B[a2 + j]! + l3 * B[a3 + j]!;
    }
    for (; q < ks.length; q++) {
      const k = ks[q]!;
      const l = coef(k);
      const a = k * d;
      for (let j = 0; j < d; j++) B[ri + j]! -= l * B[a + j]!;
    }
    const inv = 1 / L[i * n + i]!;
    for (let j = 0; j < d; j++) B[ri + j]! *= inv;
  }
  return B;
}

/** X v (n). */
export function mulXv(X: Float64Array, n: number, d: number, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const ri = i * d;
    for (let k = 0; k < d; k++) s += X[ri + k]! * v[k]!;
    out[i] = s;
  }
  return out;
}

/** Xᵀ a (d). */
export function mulXtA(X: Float64Array, n: number, d: number, a: ArrayLike<number>): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    const ri = i * d;
    for (let k = 0; k < d; k++) out[k]! += ai * X[ri + k]!;
  }
  return out;
}

/**
 * XXᵀ (n × n) for X n×d row-major: core/linalg's gramRows bit for bit — every entry is the same k-ordered sum
 * Σ_k X_ik X_jk — with the lower triangle computed in 2 × 4 register blocks (each loaded X_jk serves two rows),
 * about 1.5× faster at the universality sizes (n ≤ 240, d ≤ 300). Cross-checked entry for entry in linalg.test.ts.
 */
export function gramRows2x4(X: Float64Array, n: number, d: number): Float64Array {
  const G = new Float64Array(n * n);
  const single = (r: number, j: number) => {
    const rr = r * d;
    const rj = j * d;
    let s = 0;
    for (let k = 0; k < d; k++) s += X[rr + k]! * X[rj + k]!;
    G[r * n + j] = s;
  };
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const ra = i * d;
    const rb = ra + d;
    let j = 0;
    for (; j + 3 <= i; j += 4) {
      const r0 = j * d;
      const r1 = r0 + d;
      const r2 = r1 + d;
      const r3 = r2 + d;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0; // prettier-ignore
      for (let k = 0; k < d; k++) {
        const x = X[ra + k]!;
        const y = X[rb + k]!;
        const z0 = X[r0 + k]!;
        const z1 = X[r1 + k]!;
        const z2 = X[r2 + k]!;
        const z3 = X[r3 + k]!;
        a0 += x * z0;
        a1 += x * z1;
        a2 += x * z2;
        a3 += x * z3;
        b0 += y * z0;
        b1 += y * z1;
        b2 += y * z2;
        b3 += y * z3;
      }
      const ia = i * n;
      const ib = ia + n;
      G[ia + j] = a0;
      G[ia + j + 1] = a1;
      G[ia + j + 2] = a2;
      G[ia + j + 3] = a3;
      G[ib + j] = b0;
      G[ib + j + 1] = b1;
      G[ib + j + 2] = b2;
      G[ib + j + 3] = b3;
    }
    for (let jj = j; jj <= i; jj++) single(i, jj);
    for (let jj = j; jj <= i + 1; jj++) single(i + 1, jj);
  }
  for (; i < n; i++) for (let j = 0; j <= i; j++) single(i, j);
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) G[b * n + a] = G[a * n + b]!;
  return G;
}

/**
 * XXᵀ for a design whose entries are all ±1 (the Rademacher law with Σ = I): every entry is the integer
 * Σ_k X_ik X_jk = d − 2·#{k: X_ik ≠ X_jk}, exact in float64 in any order of summation, so this equals gramRows2x4
 * bit for bit (linalg.test.ts) — from the rows packed 32 signs to a word, one XOR and popcount per 32 products.
 */
export function gramSigns(X: Float64Array, n: number, d: number): Float64Array {
  const words = (d + 31) >>> 5;
  const B = new Uint32Array(n * words);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < d; k++) {
      const x = X[i * d + k]!;
      if (x !== 1 && x !== -1) throw new RangeError(`gramSigns: entry ${x} is not ±1`);
      if (x < 0) B[i * words + (k >>> 5)]! |= 1 << (k & 31);
    }
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const bi = i * words;
    for (let j = 0; j <= i; j++) {
      const bj = j * words;
      let diff = 0;
      for (let w = 0; w < words; w++) {
        let v = B[bi + w]! ^ B[bj + w]!;
        v = v - ((v >>> 1) & 0x55555555);
        v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
        diff += (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
      }
      const g = d - 2 * diff;
      G[i * n + j] = g;
      G[j * n + i] = g;
    }
  }
  return G;
}
