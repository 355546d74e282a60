import type { ParamSpec, Params } from '../../../../core/params.ts';
import { measurement, summary, type Measurement } from '../../../../core/measurement.ts';
import { Stream } from '../../../../core/rng/stream.ts';
import type { SimSpec } from '../../../../sim/sim.ts';
import { dRelu, mstarP, muConstraint, muP, teacherFor, teacherLawP, teacherSeedP } from './sims.ts';
import { DEFAULT_TEACHER_LAW, gaussianInputs, leastSquares, mse, outputs, reluFeatures, sourceTeacher, targetValues, teacherLawNote, type Teacher } from './teacher.ts';
import { initStudent, trainEmpirical, trainPopulation, type Student, type TrainOptions } from './train.ts';
import { trainEmpiricalFast, trainPopulationFast } from './trainFast.ts';
import { trainFlow } from './flow.ts';
import { trainPopulationFlow } from './popFlow.ts';
import { reluOutputs32 } from './outputs32.ts';
import { exactRisk } from './exactRisk.ts';
import { ensureTf } from '../../../../sim/tf/backend.ts';

/** §4 simulations with a trained student: pretraining (Fig 4a–b), scratch (Fig 4c), transfer (Fig 4e). */

const mP: ParamSpec = { name: 'm', symbol: 'm', description: 'student width', domain: { min: 2, max: 2000, integer: true }, default: 40 };
const lr0P: ParamSpec = { name: 'lr0', symbol: 'η/m', description: 'learning rate per unit width (paper 0.01)', domain: { min: 0, minOpen: true, max: 10 }, default: 0.05 };
const pretrainStepsP: ParamSpec = { name: 'pretrainSteps', symbol: 'T_pre', description: 'population GD steps (paper ≤ 1e5)', domain: { min: 0, max: 1e6, integer: true }, default: 3000 };
const stepsP: ParamSpec = { name: 'steps', symbol: 'T', description: 'empirical GD steps for scratch training (paper ≤ 1e5)', domain: { min: 1, max: 1e6, integer: true }, default: 3000 };
const nP: ParamSpec = { name: 'n', symbol: 'n', description: 'number of target samples', domain: { min: 1, max: 5000, integer: true } };
const testNP: ParamSpec = { name: 'testN', symbol: 'N_test', description: 'fresh test points for the L2 risk', domain: { min: 100, max: 200000, integer: true }, default: 4000 };
const fastP: ParamSpec = {
  name: 'fast',
  symbol: 'f32',
  description: '1: mixed-precision training (tfjs float32 GEMMs, float64 state and kernel sums; trainFast.ts, cross-checked in relu.test.ts); 0: plain float64',
  domain: { min: 0, max: 1, integer: true },
  default: 0,
};

const flowTolP: ParamSpec = {
  name: 'flowTol',
  symbol: 'tol',
  description: 'scratch training: 0 = GD at the fixed lr0; > 0 = the gradient flow with the step chosen by this local-error tolerance (flow.ts; each accepted step a GD step, cross-checked against fixed small-step GD in flow.test.ts), same stopping rule and flow time lr0·steps',
  domain: { min: 0, max: 1e-2 },
  default: 0,
};

const exactRiskP: ParamSpec = {
  name: 'exactRisk',
  symbol: 'exact',
  description: '1: the scratch risk as the exact L2 norm (arc-cosine kernel over the neurons, exactRisk.ts; the test points are still drawn, so training is unchanged); 0: Monte Carlo on testN fresh points',
  domain: { min: 0, max: 1, integer: true },
  default: 0,
};

const note = (p: Params) => `${teacherLawNote(p.teacherLaw ?? DEFAULT_TEACHER_LAW)}; student w_i uniform on S^{d−1}, c_i = 1e-7; full-batch GD with η = lr0·m, spherical constraint by Riemannian step + renormalisation`;

function opts(p: Params, steps: number): TrainOptions {
  return { lr0: p.lr0!, maxSteps: steps, lossTol: 1e-6, cInit: 1e-7 };
}

/** Relative Frobenius distance of the two kernels' Gram matrices on one shared sample (Fig 4a–b). */
export function kernelGap(X: Float64Array, P: number, d: number, Wa: readonly Float64Array[], Wb: readonly Float64Array[]): number {
  const Fa = reluFeatures(X, P, d, Wa);
  const Fb = reluFeatures(X, P, d, Wb);
  const ma = Wa.length;
  const mb = Wb.length;
  let num = 0;
  let den = 0;
  for (let a = 0; a < P; a++)
    for (let b = 0; b < P; b++) {
      let ka = 0;
      for (let i = 0; i < ma; i++) ka += Fa[a * ma + i]! * Fa[b * ma + i]!;
      let kb = 0;
      for (let i = 0; i < mb; i++) kb += Fb[a * mb + i]! * Fb[b * mb + i]!;
      ka /= ma;
      kb /= mb;
      num += (ka - kb) ** 2;
      den += kb * kb;
    }
  return Math.sqrt(num / den);
}

/** The population pretraining on the chosen path (fast = 1 needs `await ensureTf()` first). */
function population(st: Student, Ws: readonly Float64Array[], cs: ArrayLike<number>, scale: number, p: Params, steps: number): { steps: number; loss: number; relLoss: number } {
  // flowTol > 0 (the paper's sizes): the same flow time on the error-controlled gradient-flow path (popFlow.ts; at
  // d = 100, m = 1000: ≈ 214 gradient evaluations instead of 5000 fixed steps, end point within 0.1 % of the flow).
  if ((p.flowTol ?? 0) > 0) {
    const r = trainPopulationFlow(st, Ws, cs, scale, { lossTol: 1e-6, maxTime: p.lr0! * steps, tol: p.flowTol!, lr0Start: 0.05, lr0Max: 8, fast: p.fast ?? 0 });
    return { steps: r.evals, loss: r.loss, relLoss: r.relLoss };
  }
  return p.fast === 1 ? trainPopulationFast(st, Ws, cs, scale, { ...opts(p, steps), traceEvery: Infinity }) : trainPopulation(st, Ws, cs, scale, opts(p, steps));
}

/** Empirical (scratch) training on the chosen path; `steps` counts gradient evaluations (the cost). */
function empirical(st: Student, X: Float64Array, y: Float64Array, n: number, p: Params): { steps: number; loss: number } {
  if ((p.flowTol ?? 0) > 0) {
    const r = trainFlow(st, X, y, n, { lossTol: 1e-6, maxTime: p.lr0! * p.steps!, tol: p.flowTol!, lr0Start: 0.05, lr0Max: 8, fast: p.fast ?? 0 });
    return { steps: r.evals, loss: r.loss };
  }
  return p.fast === 1 ? trainEmpiricalFast(st, X, y, n, { ...opts(p, p.steps!), traceEvery: Infinity }) : trainEmpirical(st, X, y, n, opts(p, p.steps!));
}

const engine = (p: Params) =>
  `${p.fast === 1 ? 'mixed precision (tfjs float32 GEMMs, float64 state)' : 'float64'}${(p.flowTol ?? 0) > 0 ? `; scratch and population-pretraining steps chosen by local-error control (tolerance ${p.flowTol}, lr0 0.05 … 8, flow.ts, popFlow.ts)` : ''}`;

const pretrained = new Map<string, { st: Student; relLoss: number; steps: number }>();

/** The student pretrained on the source teacher's population loss, memoised per (params, seed). */
export function pretrainedStudent(t: Teacher, p: Params, seed: number): { st: Student; relLoss: number; steps: number } {
  const key = JSON.stringify([p.d, p.m, p.mstar, p.mu, p.teacherSeed, p.teacherLaw ?? DEFAULT_TEACHER_LAW, p.lr0, p.pretrainSteps, p.fast ?? 0, p.flowTol ?? 0, seed]);
  const hit = pretrained.get(key);
  if (hit) return hit;
  const rng = Stream.fromSeed(Stream.childSeed(seed, 'pretrain-init'));
  const st = initStudent(rng, p.m!, p.d!, 1e-7);
  const src = sourceTeacher(t);
  const r = population(st, src.W, src.c, src.scale, p, p.pretrainSteps!);
  const out = { st, relLoss: r.relLoss, steps: r.steps };
  if (pretrained.size > 32) pretrained.clear();
  pretrained.set(key, out);
  return out;
}

export const pretrainSim: SimSpec = {
  id: 'fate.sec4.pretrain',
  paper: 'fate',
  title: 'Population pretraining of the ReLU student on the source teacher; distance of its kernel to the source teacher\'s on a shared sample',
  quantity: '‖K_student − K_source‖_F / ‖K_source‖_F after pretraining',
  params: [dRelu, mP, mstarP, muP, teacherSeedP, lr0P, pretrainStepsP, { name: 'P', symbol: 'P', description: 'shared sample size for the Gram matrices', domain: { min: 10, max: 2000, integer: true }, default: 100 }, fastP, teacherLawP, flowTolP],
  constraints: [muConstraint],
  defaultDraws: 3,
  async run(p, { seed, draws }) {
    if (p.fast === 1) await ensureTf();
    const t = teacherFor(p);
    const src = sourceTeacher(t);
    const rows = Stream.replicates(seed, draws).map((rng) => {
      const st = initStudent(rng, p.m!, p.d!, 1e-7);
      const X = gaussianInputs(rng, p.P!, p.d!);
      const before = kernelGap(X, p.P!, p.d!, st.W, src.W);
      const r = population(st, src.W, src.c, src.scale, p, p.pretrainSteps!);
      return { before, after: kernelGap(X, p.P!, p.d!, st.W, src.W), relLoss: r.relLoss, steps: r.steps };
    });
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      params: p,
      seed,
      values: rows.map((r) => r.after),
      extra: { atInit: summary(rows.map((r) => r.before)), reduction: summary(rows.map((r) => r.before - r.after)), relLoss: summary(rows.map((r) => r.relLoss)), steps: summary(rows.map((r) => r.steps)) },
      method: `exact population loss via the arc-cosine overlap (re-derived in train.ts), ${engine(p)}; ≤ ${p.pretrainSteps} steps (gradient-flow time ${p.lr0! * p.pretrainSteps!}), lr0 = ${p.lr0}, stop at loss ≤ 1e-6; kernels (1/m)Σσ(w_iᵀx)σ(w_iᵀx′) vs (1/((1−μ)m*))Σ_{i∉A}σ(w*_iᵀx)σ(w*_iᵀx′) on ${p.P} shared Gaussian points; ${note(p)}`,
    });
  },
};

function scratchRisk(rng: Stream, t: Teacher, p: Params, n: number, X: Float64Array, y: Float64Array, Xt: Float64Array, yt: Float64Array, T: number): { risk: number; loss: number; steps: number } {
  const st = initStudent(rng, p.m!, p.d!, 1e-7);
  const r = empirical(st, X, y, n, p);
  return { risk: mse(studentOutputs(Xt, T, p.d!, st, p.fast ?? 0), yt), loss: r.loss, steps: r.steps };
}

/**
 * The student's outputs (1/m) Σ c_i σ(w_iᵀx) on the test sample. fast = 1: the pre-activations W Xtᵀ as one float32
 * GEMM (tfjs; ≈ 1e-7 relative per entry, so the risk ≈ 1e-3 moves by ≪ 1e-6 of itself), the sum over neurons in
 * float64 — at the paper's sizes the float64 loop (T·m·d = 1e9 multiply-adds per risk) cost more than the training.
 */
export function studentOutputs(Xt: Float64Array, T: number, d: number, st: Student, fast: number): Float64Array {
  const m = st.W.length;
  if (fast !== 1) return outputs(reluFeatures(Xt, T, d, st.W), T, st.c, 1 / m);
  // reluOutputs32 forms the same float32 GEMM and sums c_i·relu(h) over neurons in the same order (wasm kernel; the
  // branching JavaScript loop this function had before, bit for bit: studentSims.test.ts); then ÷ m as before.
  const out = reluOutputs32(Xt, T, d, st.W, st.c, 1);
  for (let a = 0; a < T; a++) out[a] = out[a]! / m;
  return out;
}

/**
 * The scratch measurement, synchronously (with fast = 1 the caller must have awaited ensureTf()).
 * Extra: final training loss and steps per draw (the stopping rule is loss ≤ 1e-6 or the step cap).
 */
export function scratchMeasure(p: Params, seed: number, draws: number): Measurement {
  const t = teacherFor(p);
  const T = p.testN!;
  const exact = p.exactRisk === 1;
  const rows = Stream.replicates(seed, draws).map((rng) => {
    const X = gaussianInputs(rng, p.n!, p.d!);
    const y = targetValues(t, X, p.n!);
    const Xt = gaussianInputs(rng, T, p.d!);
    if (!exact) return scratchRisk(rng, t, p, p.n!, X, y, Xt, targetValues(t, Xt, T), T);
    // exactRisk = 1: the test points are still drawn (so the student's initialisation, drawn next, and its training
    // are those of exactRisk = 0 bit for bit); its risk is the exact L2 norm instead of their Monte-Carlo average.
    const st = initStudent(rng, p.m!, p.d!, 1e-7);
    const r = empirical(st, X, y, p.n!, p);
    return { risk: exactRisk(st, t), loss: r.loss, steps: r.steps };
  });
  return measurement({
    simId: 'fate.sec4.scratch',
    quantity: 'R_sc(n) = ‖f_sc − f*_t‖²_{L2}',
    params: p,
    seed,
    values: rows.map((r) => r.risk),
    extra: { trainLoss: summary(rows.map((r) => r.loss)), steps: summary(rows.map((r) => r.steps)) },
    method: `≤ ${p.steps} GD steps at lr0 (gradient-flow time ${p.lr0! * p.steps!}; paper 1e5 × 0.01 = 1000), lr0 = ${p.lr0}, stop at loss ≤ 1e-6, ${engine(p)}; ${exact ? 'exact L2 risk (arc-cosine kernel over the student and teacher neurons, exactRisk.ts)' : `risk on ${T} fresh points`}; ${note(p)}`,
  });
}

export const scratchReluSim: SimSpec = {
  id: 'fate.sec4.scratch',
  paper: 'fate',
  title: 'Scratch training of the ReLU student on n noiseless target points (full-batch GD), Monte Carlo L2 risk',
  quantity: 'R_sc(n) = ‖f_sc − f*_t‖²_{L2}',
  params: [dRelu, mP, mstarP, muP, teacherSeedP, nP, lr0P, stepsP, testNP, fastP, teacherLawP, flowTolP, exactRiskP],
  constraints: [muConstraint],
  defaultDraws: 4,
  async run(p, { seed, draws }) {
    if (p.fast === 1) await ensureTf();
    return scratchMeasure(p, seed, draws);
  },
};

export const transferReluSim: SimSpec = {
  id: 'fate.sec4.transfer',
  paper: 'fate',
  title: 'Linear transfer (least squares on the pretrained student\'s features) vs scratch training, paired target sets',
  quantity: '𝒯 = R_sc − R_lt',
  params: [
    dRelu,
    mP,
    mstarP,
    muP,
    teacherSeedP,
    nP,
    lr0P,
    pretrainStepsP,
    stepsP,
    testNP,
    { name: 'pretrained', symbol: 'π', description: '1: features of the pretrained student; 0: the idealised pretrained kernel (the source teacher\'s kept features, Fig 4a–b)', domain: { min: 0, max: 1, integer: true }, default: 1 },
    fastP,
    teacherLawP,
    flowTolP,
  ],
  constraints: [muConstraint],
  defaultDraws: 4,
  async run(p, { seed, draws }) {
    if (p.fast === 1) await ensureTf();
    const t = teacherFor(p);
    const pre = p.pretrained === 0 ? { st: { W: sourceTeacher(t).W, c: sourceTeacher(t).c }, steps: 0, relLoss: 0 } : pretrainedStudent(t, p, seed);
    const width = pre.st.W.length;
    const T = p.testN!;
    const n = p.n!;
    const rows = Stream.replicates(seed, draws).map((rng) => {
      const X = gaussianInputs(rng, n, p.d!);
      const y = targetValues(t, X, n);
      const Xt = gaussianInputs(rng, T, p.d!);
      const yt = targetValues(t, Xt, T);
      const c = leastSquares(reluFeatures(X, n, p.d!, pre.st.W), n, width, y);
      // fast = 1: the test outputs as one float32 GEMM + float64 kernel sum (outputs32.ts; ≈ 3 s → 0.2 s per draw at the paper's sizes).
      const lt = mse(p.fast === 1 ? reluOutputs32(Xt, T, p.d!, pre.st.W, c, 1) : outputs(reluFeatures(Xt, T, p.d!, pre.st.W), T, c, 1), yt);
      const scr = scratchRisk(rng, t, p, n, X, y, Xt, yt, T);
      const sc = scr.risk;
      let v = 0;
      let mean = 0;
      for (const z of yt) mean += z / T;
      for (const z of yt) v += (z - mean) ** 2 / (T - 1);
      return { sc, lt, var: v, loss: scr.loss };
    });
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      params: p,
      seed,
      values: rows.map((r) => r.sc - r.lt),
      extra: { R_sc: summary(rows.map((r) => r.sc)), R_lt: summary(rows.map((r) => r.lt)), T_normalised: summary(rows.map((r) => (r.sc - r.lt) / r.var)), scratchTrainLoss: summary(rows.map((r) => r.loss)), pretrainRelLoss: { mean: pre.relLoss, stderr: 0 }, pretrainSteps: { mean: pre.steps, stderr: 0 } },
      method: `${p.pretrained === 0 ? 'idealised pretrained kernel: the source teacher\'s kept features' : `pretrained student (${pre.steps} population steps, final loss ${(pre.relLoss * 100).toPrecision(3)}% of ½‖f*_s‖²) shared by the draws`}; linear transfer = min-norm least squares on its ${width} features; scratch ≤ ${p.steps} GD steps (flow time ${p.lr0! * p.steps!}), stop at loss ≤ 1e-6, ${engine(p)}; ${note(p)}`,
    });
  },
};

export const studentSims: SimSpec[] = [pretrainSim, scratchReluSim, transferReluSim];
