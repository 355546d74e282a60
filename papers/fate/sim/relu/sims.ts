import type { ParamSpec, Params } from '../../../../core/params.ts';
import { measurement, summary } from '../../../../core/measurement.ts';
import { Stream } from '../../../../core/rng/stream.ts';
import type { SimSpec } from '../../../../sim/sim.ts';
import { DEFAULT_TEACHER_LAW, TEACHER_LAWS, drawTeacher, gaussianInputs, leastSquares, mse, outputs, sourceTeacher, targetAndSourceFeatures, teacherLawNote, unitRows, type Teacher } from './teacher.ts';

/** §4 simulations that need no training: Monte Carlo of the L2 overlaps and of kernel regression. */

export const dRelu: ParamSpec = { name: 'd', symbol: 'd', description: 'input dimension', domain: { min: 2, max: 400, integer: true }, default: 20 };
export const mstarP: ParamSpec = { name: 'mstar', symbol: 'm*', description: 'target-teacher width', domain: { min: 2, max: 400, integer: true }, default: 20 };
export const muP: ParamSpec = {
  name: 'mu',
  symbol: 'μ',
  description: 'fraction of teacher neurons removed from the source (μm* must be an integer)',
  domain: { min: 0, max: 1, maxOpen: true },
  default: 0.5,
};
export const teacherSeedP: ParamSpec = { name: 'teacherSeed', symbol: 's*', description: 'seed of the teacher draw (W*, c*, A)', domain: { min: 1, max: 0x7fffffff, integer: true }, default: 1 };
/** The law of the teacher's output weights (teacher.ts): not printed; default matched to Fig 4(c–d), 0 replays the earlier N(0, 1). */
export const teacherLawP: ParamSpec = {
  name: 'teacherLaw',
  symbol: 'law(c*)',
  description: `law of the teacher output weights c*_i: ${TEACHER_LAWS.map((l, i) => `${i} = ${l}`).join(', ')} (not printed; ${DEFAULT_TEACHER_LAW} matches Fig 4(c–d); 0 was the law before issue 12)`,
  domain: { min: 0, max: TEACHER_LAWS.length - 1, integer: true },
  default: DEFAULT_TEACHER_LAW,
};
export const nP: ParamSpec = { name: 'n', symbol: 'n', description: 'number of target samples', domain: { min: 1, max: 20000, integer: true } };
export const testNP: ParamSpec = { name: 'testN', symbol: 'N_test', description: 'fresh test points per draw for the L2 risk', domain: { min: 100, max: 200000, integer: true }, default: 4000 };

/** |A| = μm* must be an integer leaving at least one neuron. */
export const muConstraint = (p: Params): string | null => {
  const k = p.mu! * p.mstar!;
  if (Math.abs(k - Math.round(k)) > 1e-9) return `mu (μ) · mstar (m*) must be an integer (|A| = μm*); got ${p.mu} · ${p.mstar} = ${k}`;
  if (Math.round(k) >= p.mstar!) return `mu (μ) must leave at least one source neuron; got μm* = ${Math.round(k)} of m* = ${p.mstar}`;
  return null;
};

export function removedOf(p: Params): number {
  return Math.round(p.mu! * p.mstar!);
}

/** The teacher for a teacherSeed (the same draw in every simulation and property). */
export function teacherFor(p: Params): Teacher {
  return drawTeacher(Stream.fromSeed(Stream.childSeed(p.teacherSeed!, 'relu-teacher')), p.d!, p.mstar!, removedOf(p), p.teacherLaw ?? DEFAULT_TEACHER_LAW);
}

export const overlapMcSim: SimSpec = {
  id: 'fate.sec4.overlap-mc',
  paper: 'fate',
  title: 'Monte Carlo of the ReLU overlap E[σ(w_iᵀx)σ(w_jᵀx)] for unit w_i, w_j at cosine u, x ~ N(0, I_d)',
  quantity: 'E[σ(w_iᵀx)σ(w_jᵀx)]',
  params: [
    { name: 'u', symbol: 'u', description: 'cosine of the angle between w_i and w_j', domain: { min: -1, max: 1 } },
    dRelu,
    { name: 'samples', symbol: 'M', description: 'Gaussian inputs per draw', domain: { min: 10, max: 1e6, integer: true }, default: 4000 },
  ],
  defaultDraws: 20,
  run(p, { seed, draws }) {
    const d = p.d!;
    const M = p.samples!;
    const vals = Stream.replicates(seed, draws).map((rng) => {
      // A random pair at cosine u in R^d: w_i random unit, w_j = u w_i + √(1−u²) v with v ⟂ w_i random unit.
      const [wi, g] = unitRows(rng, 2, d) as [Float64Array, Float64Array];
      let pr = 0;
      for (let k = 0; k < d; k++) pr += g[k]! * wi[k]!;
      for (let k = 0; k < d; k++) g[k] = g[k]! - pr * wi[k]!;
      const gn = Math.hypot(...g);
      const s = Math.sqrt(Math.max(0, 1 - p.u! * p.u!));
      const wj = wi.map((v, k) => p.u! * v + (s * g[k]!) / gn);
      let acc = 0;
      const x = new Float64Array(d);
      for (let a = 0; a < M; a++) {
        rng.fillNormal(x);
        let si = 0;
        let sj = 0;
        for (let k = 0; k < d; k++) {
          si += wi[k]! * x[k]!;
          sj += wj[k]! * x[k]!;
        }
        if (si > 0 && sj > 0) acc += si * sj;
      }
      return acc / M;
    });
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: vals, method: `Monte Carlo, ${M} inputs per draw in d = ${d}` });
  },
};

/**
 * Linear transfer with the idealised pretrained kernel (Fig 4a–b: the pretrained kernel equals the
 * source teacher's): least squares (min-norm below p = (1−μ)m* points) of f*_t on the kept teacher
 * features σ(w*_iᵀx), i ∉ A, from n noiseless target points (σ = 0 as in Fig 4). The L2 risk is
 * estimated on a fresh test sample. Values: R_lt(n); extra: R_lt(2n) on an independent set and the
 * Richardson extrapolation 2R(2n) − R(n) (exact if C(n) ∝ 1/n, the paper's C(n) ∼ 1/n).
 */
export const kernelRegressionSim: SimSpec = {
  id: 'fate.sec4.kernel-regression',
  paper: 'fate',
  title: 'Linear transfer = least squares on the source teacher\'s ReLU features, noiseless target, Monte Carlo L2 risk',
  quantity: 'R_lt(n) = ‖f̂ − f*_t‖²_{L2}',
  params: [dRelu, mstarP, muP, nP, teacherSeedP, testNP, teacherLawP],
  constraints: [muConstraint],
  defaultDraws: 20,
  run(p, { seed, draws }) {
    const t = teacherFor(p);
    const src = sourceTeacher(t);
    const d = p.d!;
    const T = p.testN!;
    // Target values and source features from one pass over the teacher's features (targetAndSourceFeatures).
    const fit = (rng: Stream, n: number): number => {
      const X = gaussianInputs(rng, n, d);
      const { y, F } = targetAndSourceFeatures(t, X, n);
      const c = leastSquares(F, n, src.W.length, y);
      const Xt = gaussianInputs(rng, T, d);
      const test = targetAndSourceFeatures(t, Xt, T);
      return mse(outputs(test.F, T, c, 1), test.y);
    };
    const rows = Stream.replicates(seed, draws).map((rng) => {
      const r1 = fit(rng, p.n!);
      const r2 = fit(rng, 2 * p.n!);
      return { r1, r2, rich: 2 * r2 - r1 };
    });
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      params: p,
      seed,
      values: rows.map((r) => r.r1),
      extra: { R_2n: summary(rows.map((r) => r.r2)), richardson: summary(rows.map((r) => r.rich)) },
      method: `least squares on ${src.W.length} kept teacher features, min-norm when n < p; L2 risk on ${T} fresh points; ${teacherLawNote(p.teacherLaw ?? DEFAULT_TEACHER_LAW)}`,
    });
  },
};

/**
 * Monte Carlo of ‖P⊥f*_t‖²/‖f*_t‖² without the arc-cosine formula: per draw a fresh teacher (W*, c*)
 * and removed set A; least squares of f*_t on the kept features over N fresh points, residual and
 * ‖f*_t‖² on N further fresh points (the out-of-sample residual is biased up by ≈ p/N, relative).
 * The same seed gives the same (W*, c*) at every μ (A is drawn after them), so two μ are paired.
 */
export const perpMcSim: SimSpec = {
  id: 'fate.sec4.perp-mc',
  paper: 'fate',
  title: 'Monte Carlo ‖P⊥f*_t‖²/‖f*_t‖² by large-sample least squares on the source teacher\'s features (fresh teacher per draw)',
  quantity: '‖P⊥f*_t‖²_{L2} / ‖f*_t‖²_{L2}',
  params: [dRelu, mstarP, muP, { name: 'N', symbol: 'N', description: 'fit and test points per draw', domain: { min: 100, max: 200000, integer: true }, default: 6000 }, teacherLawP],
  constraints: [muConstraint],
  defaultDraws: 20,
  run(p, { seed, draws }) {
    const d = p.d!;
    const N = p.N!;
    const vals = Stream.replicates(seed, draws).map((rng) => {
      const t = drawTeacher(rng, d, p.mstar!, removedOf(p), p.teacherLaw ?? DEFAULT_TEACHER_LAW);
      const src = sourceTeacher(t);
      const X = gaussianInputs(rng, N, d);
      const fitSet = targetAndSourceFeatures(t, X, N);
      const c = leastSquares(fitSet.F, N, src.W.length, fitSet.y);
      const Xt = gaussianInputs(rng, N, d);
      const test = targetAndSourceFeatures(t, Xt, N);
      const yt = test.y;
      const res = mse(outputs(test.F, N, c, 1), yt);
      let norm = 0;
      for (const v of yt) norm += v * v;
      return res / (norm / N);
    });
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      params: p,
      seed,
      values: vals,
      method: `least squares on ${N} points, residual on ${N} fresh points; ${teacherLawNote(p.teacherLaw ?? DEFAULT_TEACHER_LAW)}`,
    });
  },
};
