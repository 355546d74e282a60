/**
 * Faithful simulations for `universality` (Ghane, Akhtiamov, Hassibi, arXiv 2410.02164; model in
 * theory/universality/model.ts). Design rows x = Σ^{1/2} g with Σ = diag(spectrum) and g having iid
 * entries of mean 0 and variance 1 from one of several laws; y = xᵀw* + σz (regression) or
 * y = ±sign(xᵀw*) with label flips (classification). Fine-tuning from w_0 is computed either by a real
 * SGD loop (sgd.ts) or as its known end point, the interpolator nearest w_0:
 *     w_ft = w_0 + Xᵀ(XXᵀ)⁻¹(y − Xw_0)   (n < d; XXᵀ is invertible a.s. for these laws at n ≪ d).
 * The regression risk reported is the excess risk ‖w − w*‖²_Σ = E(y − xᵀw)² − σ².
 */
import { normalCdf, normalQuantile } from '../../../core/stats/index.ts';
import { cholWasm, invRowNormsWasm } from './cholWasm.ts'; // core Cholesky / inverseRowNormsSquared bit for bit, wasm
import { cholSolveInPlace } from '../../../core/linalg/triangular.ts';
import { gramSigns, mulXtA, mulXv } from './linalg.ts';
// XXᵀ and the triangular solves: f64x2 WebAssembly kernels, gramRows2x4 / triSolveRows bit for bit (gramWasm.test.ts)
import { gramWasm as gramRows, triSolveWasm as triSolveRows } from './gramWasm.ts';
import { mapLaw } from './lawFill.ts';
import { FastStream, fillNormalSigns, type Draws } from './rng.ts';
import { testPointsWasm } from './testPointsWasm.ts';
import { centredChi2Pairs } from './chi2.ts';

export const LAWS = ['gaussian', 'rademacher', 'chi2', 'uniform'] as const;
export type Law = (typeof LAWS)[number];

/**
 * One entry with mean 0, variance 1 from the law. All laws are driven by the same standard normal g
 * (coupled draws: at a fixed seed, the Gaussian and Rademacher/uniform designs are strongly
 * correlated, which makes law-vs-law contrasts precise). Every map is increasing in g (a quantile coupling), so each
 * law is as correlated with the Gaussian design as its shape allows:
 *   gaussian g;  rademacher sign(g);  uniform √3(2Φ(g) − 1);  chi2 (h² − 1)/√2 (centred, scaled χ²_1) with
 *   h = −Φ⁻¹(Φ(−g)/2), the half-normal quantile of Φ(g) (h² is then the χ²_1 quantile of Φ(g)). The earlier
 *   (g² − 1)/√2 has the same law but is uncorrelated with g, which left the χ² − Gaussian contrasts of
 *   universality.laws needing up to 10× the draws of the other laws.
 */
export function lawEntry(law: Law, g: number): number {
  switch (law) {
    case 'gaussian':
      return g;
    case 'rademacher':
      return g >= 0 ? 1 : -1;
    case 'uniform':
      return Math.sqrt(3) * (2 * normalCdf(g) - 1);
    case 'chi2': {
      const h = -normalQuantile(Math.max(Number.MIN_VALUE, normalCdf(-g) / 2));
      return (h * h - 1) / Math.SQRT2;
    }
  }
}

/** The n·d standard normals behind a design, in the order drawDesign consumes them. */
export function drawNormals(s: Draws, n: number, d: number): Float64Array {
  const Z = new Float64Array(n * d);
  if (s instanceof FastStream) return s.fillNormals(Z);
  for (let i = 0; i < n * d; i++) Z[i] = s.normal();
  return Z;
}

/**
 * n × d design with rows Σ^{1/2} g, Σ = diag(spectrum): entry i is sd[i mod d]·lawEntry(law, i-th normal), computed by
 * lawFill.ts mapLaw (bit for bit lawEntry, the law chosen once per design; lawFill.test.ts).
 */
export function drawDesign(s: Draws, law: Law, n: number, spectrum: ArrayLike<number>): Float64Array {
  // ±1 entries straight from the pairs' uniforms where the normals' magnitudes cannot matter (rng.ts fillNormalSigns)
  if (law === 'rademacher' && s instanceof FastStream && isIdentity(spectrum)) return fillNormalSigns(s, new Float64Array(n * spectrum.length));
  return designFrom(drawNormals(s, n, spectrum.length), law, spectrum);
}
/** The design of drawDesign from its normals Z (overwritten). */
export function designFrom(Z: Float64Array, law: Law, spectrum: ArrayLike<number>): Float64Array {
  return mapLaw(law, Z, Float64Array.from(spectrum, Math.sqrt));
}

/** The interpolator nearest w_0: w_0 + Xᵀ(XXᵀ)⁻¹(y − Xw_0). */
export function nearestInterpolator(X: Float64Array, n: number, d: number, y: Float64Array, w0: ArrayLike<number>, gram: (X: Float64Array, n: number, d: number) => Float64Array = gramRows): Float64Array {
  const G = gram(X, n, d);
  if (!cholWasm(G, n)) throw new RangeError('XXᵀ is singular (n too close to d, or a degenerate design)');
  const Xw0 = mulXv(X, n, d, w0);
  const r = Float64Array.from(y, (yi, i) => yi - Xw0[i]!);
  const a = cholSolveInPlace(G, n, r);
  const step = mulXtA(X, n, d, a);
  return Float64Array.from(step, (x, k) => x + w0[k]!);
}

export interface RegressionProblem {
  law: Law;
  n: number;
  spectrum: ArrayLike<number>;
  wStar: ArrayLike<number>;
  w0: ArrayLike<number>;
  sigma: number;
}

function excessRisk(spectrum: ArrayLike<number>, w: ArrayLike<number>, wStar: ArrayLike<number>): number {
  let r = 0;
  for (let k = 0; k < spectrum.length; k++) r += spectrum[k]! * (w[k]! - wStar[k]!) ** 2;
  return r;
}

/**
 * Σ-weighted squared norm of X⁺ = Xᵀ(XXᵀ)⁻¹: ‖(XXᵀ)⁻¹XΣ^{1/2}‖²_F = tr(X⁺ᵀ Σ X⁺) — the conditional
 * expectation over the label noise of ‖X⁺z‖²_Σ per unit σ². L is the Cholesky factor of XXᵀ.
 */
export function noiseFactor(X: Float64Array, n: number, d: number, L: Float64Array, spectrum: ArrayLike<number>): number {
  // Σ = I: tr(X⁺ᵀX⁺) = tr((XXᵀ)⁻¹) = ‖L⁻¹‖²_F, O(n³) instead of the O(n²d) solves below (cross-checked in core.test.ts).
  if (isIdentity(spectrum)) return invRowNormsWasm(L, n).reduce((a, b) => a + b, 0);
  return noiseFactorSolves(X, n, d, L, spectrum);
}

/** The Gram kernel for a design: ±1 entries (Rademacher, Σ = I) by popcounts (linalg.ts gramSigns, the same bits). */
function gramOf(law: Law, spectrum: ArrayLike<number>): (X: Float64Array, n: number, d: number) => Float64Array {
  return law === 'rademacher' && isIdentity(spectrum) ? gramSigns : gramRows;
}

function isIdentity(spectrum: ArrayLike<number>): boolean {
  for (let k = 0; k < spectrum.length; k++) if (spectrum[k] !== 1) return false;
  return true;
}

/** The general form by two blocked triangular solves: Σ_ij s_j ((XXᵀ)⁻¹X)²_ij. Exported for the cross-check. */
export function noiseFactorSolves(X: Float64Array, n: number, d: number, L: Float64Array, spectrum: ArrayLike<number>): number {
  const Y = triSolveRows(L, n, Float64Array.from(X), d, false); // L⁻¹X
  triSolveRows(L, n, Y, d, true); // L⁻ᵀL⁻¹X = (XXᵀ)⁻¹X
  let t = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) t += spectrum[j]! * Y[i * d + j]! ** 2;
  return t;
}

/**
 * One replicate: excess risks of the pretrained and fine-tuned models on a fresh design from `s`.
 * noise 'draw': y = Xw* + σz with z drawn, risk of the resulting w_ft.
 * noise 'integrate' (default): the expectation over z given X, computed exactly — w_ft − w* splits into a
 * noise-free part (fit of y = Xw*) and X⁺z, uncorrelated given X, so E_z‖w_ft − w*‖²_Σ = ‖w_ft⁰ − w*‖²_Σ +
 * σ² tr(X⁺ᵀΣX⁺). This removes the label-noise sampling variance (and its skew) from every draw.
 */
export function regressionReplicate(p: RegressionProblem, s: Draws, noise: 'draw' | 'integrate' = 'integrate'): { fineTuned: number; pretrained: number } {
  const d = p.spectrum.length;
  const X = drawDesign(s, p.law, p.n, p.spectrum);
  const y = mulXv(X, p.n, d, p.wStar);
  if (noise === 'draw') {
    for (let i = 0; i < p.n; i++) y[i]! += p.sigma * s.normal();
    const w = nearestInterpolator(X, p.n, d, y, p.w0);
    return { fineTuned: excessRisk(p.spectrum, w, p.wStar), pretrained: excessRisk(p.spectrum, p.w0, p.wStar) };
  }
  return integratedRisks(p, X, y);
}

/** The 'integrate' risks of the design X (y = Xw*). */
function integratedRisks(p: RegressionProblem, X: Float64Array, y: Float64Array = mulXv(X, p.n, p.spectrum.length, p.wStar)): { fineTuned: number; pretrained: number } {
  const d = p.spectrum.length;
  const G = gramOf(p.law, p.spectrum)(X, p.n, d);
  if (!cholWasm(G, p.n)) throw new RangeError('XXᵀ is singular (n too close to d, or a degenerate design)');
  // y − Xw_0 and w_0 + Xᵀa by plain loops (Float64Array.from with a per-element callback was ≈ 5% of a regime)
  const Xw0 = mulXv(X, p.n, d, p.w0);
  const r = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) r[i] = y[i]! - Xw0[i]!;
  const a = cholSolveInPlace(G, p.n, r);
  const w = mulXtA(X, p.n, d, a);
  for (let k = 0; k < d; k++) w[k] = w[k]! + p.w0[k]!;
  const noisePart = p.sigma > 0 ? p.sigma * p.sigma * noiseFactor(X, p.n, d, G, p.spectrum) : 0;
  return { fineTuned: excessRisk(p.spectrum, w, p.wStar) + noisePart, pretrained: excessRisk(p.spectrum, p.w0, p.wStar) };
}

/**
 * Replicate k of a run depends only on (problem, seed, k): Stream.replicates is prefix-stable. A check that extends a
 * regime from a first batch to more draws (checks/support.ts withPower) therefore gets the first batch from this memo
 * and computes only the added replicates — the same numbers a fresh run of all draws gives (tested in core.test.ts).
 */
const prefixMemo = new Map<string, { fineTuned: number[]; pretrained: number[] }>();
const MEMO_ENTRIES = 256;
type Memo = { fineTuned: number[]; pretrained: number[] };
const memoKey = (kind: string, p: object, seed: number) => `${kind}|${seed}|${JSON.stringify(p)}`;
const memoGet = (kind: string, p: object, seed: number): Memo => prefixMemo.get(memoKey(kind, p, seed)) ?? { fineTuned: [], pretrained: [] };
function memoPut(kind: string, p: object, seed: number, m: Memo): void {
  const key = memoKey(kind, p, seed);
  prefixMemo.delete(key);
  prefixMemo.set(key, m);
  if (prefixMemo.size > MEMO_ENTRIES) prefixMemo.delete(prefixMemo.keys().next().value!);
}
function memoReplicates(kind: string, p: object, seed: number, draws: number, one: (s: Draws) => { fineTuned: number; pretrained: number }): Memo {
  const m = memoGet(kind, p, seed);
  if (m.fineTuned.length < draws) {
    const streams = FastStream.replicates(seed, draws);
    for (let i = m.fineTuned.length; i < draws; i++) push(m, one(streams[i]!));
  }
  memoPut(kind, p, seed, m);
  return { fineTuned: m.fineTuned.slice(0, draws), pretrained: m.pretrained.slice(0, draws) };
}

export function regressionRisks(p: RegressionProblem, seed: number, draws: number, noise: 'draw' | 'integrate' = 'integrate'): { fineTuned: number[]; pretrained: number[] } {
  return memoReplicates(`regression-${noise}`, p, seed, draws, (s) => regressionReplicate(p, s, noise));
}

/**
 * regressionRisks (noise 'integrate') of a law and of the Gaussian design it is coupled to (the same problem with law
 * 'gaussian'), computed together: replicate k of both draws the same n·d normals from stream k (that is the
 * coupling), so they are drawn once and mapped through the law for one arm. Both land in the prefix memo under the
 * keys regressionRisks uses, so the two calls that follow are memo hits with the numbers separate calls would give
 * (bit for bit, core.test.ts).
 */
export function coupledRegressionRisks(p: RegressionProblem, seed: number, draws: number): void {
  coupledRichardsonRisks([p], seed, draws);
}

/**
 * coupledRegressionRisks for several sizes of one regime at once — a Richardson pair (d and d/2) — on the same seed.
 * Replicate k of every size draws its normals from the same fresh stream k, so the n_h·d_h normals of a smaller
 * design are the first n_h·d_h of the largest design's (FastStream.fillNormals of a prefix length gives a prefix: the
 * same Box–Muller pairs in the same order, an odd last value the first of its pair — rng.test.ts): they are drawn once
 * for the largest and copied. Law arms (p.law ≠ Gaussian) are mapped from them as a separate run maps its own, and
 * land in the prefix memo under the keys regressionRisks uses — the same numbers as separate runs, bit for bit
 * (core.test.ts). Gaussian problems (no law arm) are computed once.
 */
export function coupledRichardsonRisks(ps: readonly RegressionProblem[], seed: number, draws: number): void {
  const kind = 'regression-integrate';
  const arms = ps.map((p) => {
    const pg: RegressionProblem = { ...p, law: 'gaussian' };
    return { p, pg, mL: memoGet(kind, p, seed), mG: memoGet(kind, pg, seed), m: p.n * p.spectrum.length, law: p.law !== 'gaussian' };
  });
  const from = Math.min(...arms.map((a) => Math.min(a.mL.fineTuned.length, a.mG.fineTuned.length)));
  if (from >= draws) return;
  const big = arms.reduce((a, b) => (b.m > a.m ? b : a));
  const streams = FastStream.replicates(seed, draws);
  for (let i = from; i < draws; i++) {
    const Z = drawNormals(streams[i]!, big.p.n, big.p.spectrum.length);
    for (const a of arms) {
      const needL = a.law && i >= a.mL.fineTuned.length;
      const needG = i >= a.mG.fineTuned.length;
      if (!needL && !needG) continue;
      const z = Z.slice(0, a.m);
      if (needL) push(a.mL, integratedRisks(a.p, designFrom(needG ? Float64Array.from(z) : z, a.p.law, a.p.spectrum)));
      if (needG) push(a.mG, integratedRisks(a.pg, designFrom(z, 'gaussian', a.p.spectrum)));
    }
  }
  for (const a of arms) {
    if (a.law) memoPut(kind, a.p, seed, a.mL);
    memoPut(kind, a.pg, seed, a.mG);
  }
}
const push = (m: { fineTuned: number[]; pretrained: number[] }, r: { fineTuned: number; pretrained: number }) => {
  m.fineTuned.push(r.fineTuned);
  m.pretrained.push(r.pretrained);
};

export interface ClassificationProblem {
  law: Law;
  n: number;
  d: number;
  wStar: ArrayLike<number>;
  w0: ArrayLike<number>;
  /** Label-flip probability. */
  flip: number;
  /** Fresh test points per replicate for the Monte Carlo classification error. */
  nTest: number;
  /**
   * 'plain': every law's test points are Σ^{1/2}g mapped through lawEntry, sign disagreements counted (the reference).
   * 'fast' (default): the same expectation over test points at lower cost — for the Gaussian law the exact one,
   * P(sign(gᵀw) ≠ sign(gᵀw*)) = arccos(cos∠(w, w*))/π (Sheppard's orthant probability; g is rotation invariant, so only
   * the angle of (w, w*) matters), with no test points; for the other laws test entries drawn directly from the law
   * (±1 from one random bit, √3(2u − 1) from one uniform, centred χ²_1 in pairs: chi2.ts centredChi2Pairs)
   * instead of through a normal — test points need no coupling across laws. Cross-checked against 'plain' in core.test.ts.
   */
  testPoints?: 'plain' | 'fast';
  /**
   * 'direct' (default): χ² and uniform entries drawn from the law as test points are (testRow); 'coupled': drawDesign's
   * quantile coupling to a normal (which law-vs-Gaussian contrasts need; no classification check contrasts laws, and it
   * cost a normal plus Φ / Φ⁻¹ per entry). Same law per entry: cross-checked against 'coupled' in core.test.ts.
   */
  design?: 'direct' | 'coupled';
}

/** Sheppard: for g ~ N(0, I), P(sign(gᵀa) ≠ sign(gᵀb)) = ∠(a, b)/π. */
function gaussianDisagreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    ab += a[k]! * b[k]!;
    aa += a[k]! * a[k]!;
    bb += b[k]! * b[k]!;
  }
  return Math.acos(Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)))) / Math.PI;
}

/** One test entry of the law drawn directly (no coupling to a normal): same law as lawEntry(law, g); χ² in pairs (chi2.ts centredChi2Pairs). */
function directEntry(law: Law, s: Draws): number {
  switch (law) {
    case 'gaussian':
      return s.normal();
    case 'rademacher':
      return s.sign();
    case 'uniform':
      return Math.sqrt(3) * (2 * s.uniform() - 1);
    case 'chi2':
      throw new Error('χ² test entries come in pairs: centredChi2Pairs');
  }
}


/** Plain test points: entries lawEntry(law, normal) — the reference. Counts of sign(xᵀw) ≠ sign(xᵀw*) and of w_0's. */
function plainDisagreements(p: ClassificationProblem, s: Draws, w: Float64Array): [number, number] {
  let eFt = 0;
  let e0 = 0;
  for (let t = 0; t < p.nTest; t++) {
    let a = 0;
    let b = 0;
    let c = 0;
    for (let k = 0; k < p.d; k++) {
      const v = lawEntry(p.law, s.normal());
      a += v * p.wStar[k]!;
      b += v * w[k]!;
      c += v * p.w0[k]!;
    }
    const sa = a >= 0;
    if (sa !== b >= 0) eFt++;
    if (sa !== c >= 0) e0++;
  }
  return [eFt, e0];
}

const SQRT3 = Math.sqrt(3);
/**
 * One test point's entries in `buf`, drawn directly from the law (directEntry's values in its order): from a FastStream
 * by its block fills (rng.ts, the same draws), else entry by entry.
 */
function testRow(law: Law, s: Draws, buf: Float64Array): void {
  const d = buf.length;
  if (!(s instanceof FastStream)) {
    if (law === 'chi2') centredChi2Pairs(s, buf);
    else for (let k = 0; k < d; k++) buf[k] = directEntry(law, s);
    return;
  }
  if (law === 'rademacher') s.fillSigns(buf);
  else if (law === 'uniform') {
    s.fillUniforms(buf);
    for (let k = 0; k < d; k++) buf[k] = SQRT3 * (2 * buf[k]! - 1);
  } else if (law === 'chi2') centredChi2Pairs(s, buf);
  else s.fillNormals(buf);
}

/**
 * Test points drawn directly from the law (testRow); counts of sign(xᵀw) ≠ sign(xᵀw*) and of w_0's. Rademacher and
 * uniform points from a FastStream by testPointsWasm.ts (bit for bit kernel 'js': testPointsWasm.test.ts).
 */
export function directDisagreements(law: Law, s: Draws, nTest: number, wStar: Float64Array, w: Float64Array, w0: Float64Array, kernel: 'wasm' | 'js' = 'wasm'): [number, number] {
  if (kernel === 'wasm' && s instanceof FastStream && (law === 'rademacher' || law === 'uniform')) {
    const r = testPointsWasm(law, s, nTest, wStar, w, w0);
    if (r) return r;
  }
  const d = wStar.length;
  const buf = new Float64Array(d);
  let eFt = 0;
  let e0 = 0;
  for (let t = 0; t < nTest; t++) {
    testRow(law, s, buf);
    let a = 0;
    let b = 0;
    let c = 0;
    for (let k = 0; k < d; k++) {
      const v = buf[k]!;
      a += v * wStar[k]!;
      b += v * w[k]!;
      c += v * w0[k]!;
    }
    const sa = a >= 0;
    if (sa !== b >= 0) eFt++;
    if (sa !== c >= 0) e0++;
  }
  return [eFt, e0];
}

/** n·d iid entries of the law drawn directly (testRow's draws). */
export function directDesign(law: Law, s: Draws, m: number): Float64Array {
  const X = new Float64Array(m);
  testRow(law, s, X);
  return X;
}

/**
 * One replicate of binary classification with isotropic design (Σ = I): labels sign(xᵀw*) flipped with
 * probability `flip`; fine-tuning interpolates the ±1 labels from w_0 (SGD end point on the square
 * loss). Test error P(sign(xᵀw) ≠ y) over fresh points of the same law (nTest of them, or exactly for the
 * Gaussian law in 'fast' mode), with the label flip integrated exactly: flip + (1 − 2·flip)·P(sign(xᵀw) ≠ sign(xᵀw*)).
 */
export function classificationReplicate(p: ClassificationProblem, s: Draws): { fineTuned: number; pretrained: number } {
  const ones = new Float64Array(p.d).fill(1);
  const direct = (p.design ?? 'direct') === 'direct' && (p.law === 'chi2' || p.law === 'uniform');
  const X = direct ? directDesign(p.law, s, p.n * p.d) : drawDesign(s, p.law, p.n, ones);
  const m = mulXv(X, p.n, p.d, p.wStar);
  const y = Float64Array.from(m, (v) => (v >= 0 ? 1 : -1) * (s.uniform() < p.flip ? -1 : 1));
  const w = nearestInterpolator(X, p.n, p.d, y, p.w0, gramOf(p.law, ones));
  const f = p.flip;
  const fast = (p.testPoints ?? 'fast') === 'fast';
  if (fast && p.law === 'gaussian') {
    return { fineTuned: f + (1 - 2 * f) * gaussianDisagreement(w, p.wStar), pretrained: f + (1 - 2 * f) * gaussianDisagreement(p.w0, p.wStar) };
  }
  const [eFt, e0] = fast ? directDisagreements(p.law, s, p.nTest, Float64Array.from(p.wStar), w, Float64Array.from(p.w0)) : plainDisagreements(p, s, w);
  return { fineTuned: f + ((1 - 2 * f) * eFt) / p.nTest, pretrained: f + ((1 - 2 * f) * e0) / p.nTest };
}

export function classificationErrors(p: ClassificationProblem, seed: number, draws: number): { fineTuned: number[]; pretrained: number[] } {
  return memoReplicates('classification', p, seed, draws, (s) => classificationReplicate(p, s));
}
