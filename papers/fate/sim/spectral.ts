/**
 * Eigenvalues of a symmetric matrix together with the coordinates of a few given vectors in its
 * eigenbasis, without forming the eigenvectors: Householder tridiagonalisation (each reflector also
 * applied to the vectors) followed by the implicit QL iteration of EISPACK tql2 (each Givens rotation
 * also applied to the vectors). Cost ≈ (2/3)n³ for the reduction plus O(n²·#vectors) for QL, about
 * the cost of a Gram matrix: the fine-tuning flow (fineTuneFlow.ts) decouples in this basis, which is
 * what makes its stiff integration O(n) per step at d = 500.
 */
export interface SpectralProjection {
  /** Eigenvalues λ_i (unsorted; index i matches every projection). */
  values: Float64Array;
  /** projections[j][i] = q_iᵀ v_j for the j-th input vector v_j and eigenvector q_i. */
  projections: Float64Array[];
}

/**
 * A is n×n symmetric, row-major; only its lower triangle is read, and it is overwritten. The input
 * vectors are not modified.
 */
export function symmetricEigenProject(a: Float64Array, n: number, vectors: readonly ArrayLike<number>[]): SpectralProjection {
  const proj = vectors.map((v) => {
    if (v.length < n) throw new RangeError(`symmetricEigenProject: vector of length ${v.length} < n = ${n}`);
    return Float64Array.from({ length: n }, (_, i) => v[i]!);
  });
  const d = new Float64Array(n);
  const e = new Float64Array(n); // e[i] couples i − 1 and i (tql2 convention)
  tridiagonalize(a, n, d, e, proj);
  tql(n, d, e, proj);
  return { values: d, projections: proj };
}

/**
 * Eigenvalues of the symmetric tridiagonal matrix with diagonal `diag` (length n) and off-diagonal `off`
 * (length n − 1, off[i] couples i and i + 1), by the same implicit QL iteration with no vectors: O(n²).
 * The inputs are not modified.
 */
export function tridiagonalEigenvalues(diag: ArrayLike<number>, off: ArrayLike<number>): Float64Array {
  const n = diag.length;
  if (off.length !== Math.max(0, n - 1)) throw new RangeError(`tridiagonalEigenvalues: off-diagonal of length ${off.length}, need ${Math.max(0, n - 1)}`);
  const d = Float64Array.from(diag);
  const e = new Float64Array(n);
  for (let i = 1; i < n; i++) e[i] = off[i - 1]!; // tql convention: e[i] couples i − 1 and i
  tql(n, d, e, []);
  return d;
}

/** Householder reduction of the lower triangle of A to tridiagonal form T = QᵀAQ; the vectors become Qᵀv. */
function tridiagonalize(a: Float64Array, n: number, d: Float64Array, e: Float64Array, vecs: Float64Array[]): void {
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k + 2 < n; k++) {
    d[k] = a[k * n + k]!;
    const o = k + 1;
    let xx = 0;
    for (let i = o; i < n; i++) xx += a[i * n + k]! ** 2;
    const x0 = a[o * n + k]!;
    if (xx === 0) {
      e[o] = 0;
      continue;
    }
    const alpha = x0 > 0 ? -Math.sqrt(xx) : Math.sqrt(xx);
    for (let i = o; i < n; i++) v[i] = a[i * n + k]!;
    v[o] = x0 - alpha;
    const beta = 1 / (xx - x0 * alpha); // 2/‖v‖², ‖v‖² = 2(‖x‖² − x₀α)
    e[o] = alpha;
    // p = β A₂₂ v from the lower triangle of the trailing block.
    for (let i = o; i < n; i++) p[i] = 0;
    for (let i = o; i < n; i++) {
      const oi = i * n;
      const vi = v[i]!;
      let s = 0;
      for (let j = o; j < i; j++) {
        const aij = a[oi + j]!;
        s += aij * v[j]!;
        p[j]! += aij * vi;
      }
      p[i]! += s + a[oi + i]! * vi;
    }
    let pv = 0;
    for (let i = o; i < n; i++) {
      p[i]! *= beta;
      pv += p[i]! * v[i]!;
    }
    const half = 0.5 * beta * pv;
    for (let i = o; i < n; i++) p[i]! -= half * v[i]!; // p ← w = p − (β/2)(pᵀv)v
    // A₂₂ ← A₂₂ − v wᵀ − w vᵀ (lower triangle).
    for (let i = o; i < n; i++) {
      const oi = i * n;
      const vi = v[i]!;
      const wi = p[i]!;
      for (let j = o; j <= i; j++) a[oi + j]! -= vi * p[j]! + wi * v[j]!;
    }
    for (const x of vecs) {
      let s = 0;
      for (let i = o; i < n; i++) s += v[i]! * x[i]!;
      s *= beta;
      for (let i = o; i < n; i++) x[i]! -= s * v[i]!;
    }
  }
  if (n >= 2) {
    d[n - 2] = a[(n - 2) * n + n - 2]!;
    e[n - 1] = a[(n - 1) * n + n - 2]!;
  }
  d[n - 1] = a[(n - 1) * n + n - 1]!;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e) (EISPACK tql2); rotations applied to the vectors as row vectors. */
function tql(n: number, d: Float64Array, e: Float64Array, vecs: Float64Array[]): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > 60) throw new Error(`symmetricEigenProject: QL did not converge at index ${l}`);
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = Math.sqrt(p * p + 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.sqrt(p * p + e[i]! * e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          for (const x of vecs) {
            const t = x[i + 1]!;
            x[i + 1] = s * x[i]! + c * t;
            x[i] = c * x[i]! - s * t;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}
