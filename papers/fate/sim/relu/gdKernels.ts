/**
 * One full-batch gradient evaluation of the empirical §4 loss, specialised to the input dimension d by unrolling the
 * length-d loops (generated once per d, d ≤ UNROLL_MAX). Why: at the 'test'/'quick' sizes (d = 10, m = 40, n ≤ 128)
 * the generic loops spend most of their time on loop control and on the mispredicted `h > 0` branch of a row-major
 * backward pass; unrolled, with the backward pass neuron-major (the d gradient entries of a neuron in locals), one
 * evaluation costs ≈ 2.5× less.
 *
 * Bit-identical to the generic loops of train.ts (trainEmpiricalPlain; relu.test.ts compares whole trainings): every
 * sum is accumulated in the same order from the same +0 start — pre-activations over k ascending, each gradient entry
 * over samples a ascending, skipping exactly the terms the plain loop skips (r_a = 0 or h_ai ≤ 0).
 */
export const UNROLL_MAX = 32;

/**
 * Fills H[a·m + i] = w_iᵀx_a, r_a = f(x_a) − y_a, and the raw gradients gW[i·d + k] = Σ_a r_a 1[h_ai > 0] x_ak,
 * gc[i] = Σ_a r_a relu(h_ai) (unscaled, as in train.ts); returns Σ_a r_a².
 */
export type GradKernel = (X: Float64Array, y: Float64Array, W: Float64Array, c: Float64Array, n: number, m: number, H: Float64Array, r: Float64Array, gW: Float64Array, gc: Float64Array) => number;

const cache = new Map<number, GradKernel>();

/** The kernel for dimension d (1 ≤ d ≤ UNROLL_MAX), generated on first use. */
export function gradKernel(d: number): GradKernel {
  if (!Number.isInteger(d) || d < 1 || d > UNROLL_MAX) throw new RangeError(`gradKernel: d must be an integer in [1, ${UNROLL_MAX}], got ${d}`);
  const hit = cache.get(d);
  if (hit) return hit;
  const ks = Array.from({ length: d }, (_, k) => k);
  const src = `
    let sq = 0;
    for (let a = 0; a < n; a++) {
      const xo = a * ${d};
      ${ks.map((k) => `const x${k} = X[xo + ${k}];`).join(' ')}
      const ho = a * m;
      let f = 0;
      for (let i = 0, wo = 0; i < m; i++, wo += ${d}) {
        let s = 0;
        ${ks.map((k) => `s += x${k} * W[wo + ${k}];`).join(' ')}
        H[ho + i] = s;
        if (s > 0) f += c[i] * s;
      }
      const ra = f / m - y[a];
      r[a] = ra;
      sq += ra * ra;
    }
    for (let i = 0; i < m; i++) {
      let gci = 0;
      ${ks.map((k) => `let g${k} = 0;`).join(' ')}
      for (let a = 0, xo = 0, ho = i; a < n; a++, xo += ${d}, ho += m) {
        const ra = r[a];
        if (ra === 0) continue;
        const h = H[ho];
        if (h <= 0) continue;
        gci = gci + ra * h;
        ${ks.map((k) => `g${k} = g${k} + ra * X[xo + ${k}];`).join(' ')}
      }
      gc[i] = gci;
      const go = i * ${d};
      ${ks.map((k) => `gW[go + ${k}] = g${k};`).join(' ')}
    }
    return sq;`;
  const fn = new Function('X', 'y', 'W', 'c', 'n', 'm', 'H', 'r', 'gW', 'gc', src) as GradKernel;
  cache.set(d, fn);
  return fn;
}

/** Fills out[a·p + i] = relu(w_iᵀx_a) for rows x_a of X (n × d) and w_i of Wf (p × d, row-major). */
export type FeatureKernel = (X: Float64Array, n: number, Wf: Float64Array, p: number, out: Float64Array) => void;

const featureCache = new Map<number, FeatureKernel>();

/**
 * The ReLU features σ(Xwᵀ) for dimension d (1 ≤ d ≤ UNROLL_MAX), unrolled like gradKernel: each pre-activation is
 * summed over k ascending from +0, as in the generic loop of teacher.ts (reluFeaturesPlain), so the values are identical.
 */
export function featureKernel(d: number): FeatureKernel {
  if (!Number.isInteger(d) || d < 1 || d > UNROLL_MAX) throw new RangeError(`featureKernel: d must be an integer in [1, ${UNROLL_MAX}], got ${d}`);
  const hit = featureCache.get(d);
  if (hit) return hit;
  const ks = Array.from({ length: d }, (_, k) => k);
  const src = `
    for (let a = 0, xo = 0, o = 0; a < n; a++, xo += ${d}, o += p) {
      ${ks.map((k) => `const x${k} = X[xo + ${k}];`).join(' ')}
      for (let i = 0, wo = 0; i < p; i++, wo += ${d}) {
        let s = 0;
        ${ks.map((k) => `s += x${k} * Wf[wo + ${k}];`).join(' ')}
        out[o + i] = s > 0 ? s : 0;
      }
    }`;
  const fn = new Function('X', 'n', 'Wf', 'p', 'out', src) as FeatureKernel;
  featureCache.set(d, fn);
  return fn;
}
