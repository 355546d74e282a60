import { Matrix, pseudoInverse } from 'ml-matrix';
import type { Params, ParamSpec } from '../../../core/params.ts';
import { P } from '../../../core/params.ts';
import { Stream } from '../../../core/rng/stream.ts';
import { measurement, summary } from '../../../core/measurement.ts';
import type { SimSpec } from '../../../sim/sim.ts';
import { drawTargetSet, sqDist, taskPair, unitVector } from './design.ts';
import { fastSweep, type SweepCell } from './fastSweep.ts';
import { linearTransferOnFeatures, linearTransferRiskNoiseIntegrated, minNormScratch, scratchRiskNoiseIntegrated } from './plainLinear.ts';
import { fineTuneFlowEndpoint } from './reducedFlow.ts';

/** Simulations of the deep-linear transfer setting (fate §3). One replicate stream per draw. */

const dPlain: ParamSpec = { ...P.d, default: 40, domain: { min: 4, max: 200, integer: true, text: 'integers in [4, 200] (plain SVD simulation)' } };
const dFast: ParamSpec = { ...P.d, default: 500, domain: { min: 8, max: 4000, integer: true } };
const nLt: ParamSpec = { ...P.n, domain: { min: 3, integer: true, text: 'integers ≥ 3' } };
const depth: ParamSpec = { name: 'L', symbol: 'L', description: 'depth of the deep linear network', domain: { min: 2, max: 3, integer: true }, default: 2 };

function sizeFrom(p: Params): { n: number; d: number } {
  return { n: Math.round(p.gamma! * p.d!), d: p.d! };
}

const gammaSim: ParamSpec = {
  ...P.gamma,
  domain: { min: 0, minOpen: true, text: '(0, ∞) with n = round(γd) ≥ 3 and |n − d| ≥ 2 (the noise term has infinite mean at |n − d| ≤ 1)' },
};
const nAwayFromD = (p: Params): string | null => {
  const { n, d } = sizeFrom(p);
  if (n < 3) return `gamma (γ) gives n = round(γd) = ${n}; need n ≥ 3`;
  return Math.abs(n - d) < 2 ? `gamma (γ) gives n = ${n} with d = ${d}: need |n − d| ≥ 2 (E R_sc is infinite at |n − d| ≤ 1)` : null;
};

/** Per draw: a fresh task pair, target set and (for transfer) hidden direction v. */
function plainDraws<T>(seed: number, draws: number, f: (rng: Stream) => T): T[] {
  return Stream.replicates(seed, draws).map((rng) => f(rng));
}

export const scratchSim: SimSpec = {
  id: 'fate.scratch',
  paper: 'fate',
  title: 'Minimum-norm least squares on a Gaussian design (plain, ml-matrix SVD)',
  quantity: 'R_sc = ‖X⁺y − β_t‖²',
  params: [gammaSim, P.sigma, dPlain],
  constraints: [nAwayFromD],
  defaultDraws: 40,
  run(p, { seed, draws }) {
    const { n, d } = sizeFrom(p);
    const vals = plainDraws(seed, draws, (rng) => {
      const { betaS, betaT } = taskPair(rng, d, 0.5);
      const t = drawTargetSet(rng, n, d, p.sigma!, betaS, betaT);
      return sqDist(minNormScratch(t), betaT);
    });
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: vals, method: `plain: pseudoInverse (SVD) at n = ${n}, d = ${d}` });
  },
};

export const scratchNoiseIntegratedSim: SimSpec = {
  id: 'fate.scratch.noise-integrated',
  paper: 'fate',
  title: 'Minimum-norm least squares on a Gaussian design, label noise integrated exactly given X (plain SVD otherwise)',
  quantity: 'E_ε R_sc = ‖(I − X⁺X)β_t‖² + σ²‖X⁺‖²_F',
  params: [gammaSim, P.sigma, dPlain],
  constraints: [nAwayFromD],
  defaultDraws: 40,
  run(p, { seed, draws }) {
    const { n, d } = sizeFrom(p);
    const vals = plainDraws(seed, draws, (rng) => {
      // Noiseless labels: the stream is consumed as by the plain sim (same X and β's per draw).
      const { betaS, betaT } = taskPair(rng, d, 0.5);
      return scratchRiskNoiseIntegrated(drawTargetSet(rng, n, d, 0, betaS, betaT), p.sigma!);
    });
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: vals, method: `plain pseudoInverse (SVD) at n = ${n}, d = ${d}, label noise integrated given X (Rao–Blackwell)` });
  },
};

/** One draw for the rank-one-feature sims: task pair at angle θ, hidden direction v, target set with label noise σ. */
function rankOneDraw(rng: Stream, p: Params, sigma: number): { t: ReturnType<typeof drawTargetSet>; v: Float64Array } {
  const { betaS, betaT } = taskPair(rng, p.d!, p.theta!);
  const v = unitVector(rng, p.d!);
  return { t: drawTargetSet(rng, p.n!, p.d!, sigma, betaS, betaT), v };
}

export const linearTransferSim: SimSpec = {
  id: 'fate.linear-transfer',
  paper: 'fate',
  title: 'Linear transfer on frozen rank-one pretrained features (plain)',
  quantity: 'R_lt = ‖β_s vᵀ Φ⁺y − β_t‖²',
  params: [nLt, P.theta, P.sigma, dPlain],
  defaultDraws: 200,
  run(p, { seed, draws }) {
    const vals = plainDraws(seed, draws, (rng) => {
      const { t, v } = rankOneDraw(rng, p, p.sigma!);
      return sqDist(linearTransferOnFeatures(t, v), t.betaT);
    });
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: vals, method: 'plain: Φ = Xβ_s vᵀ, W_L = Φ⁺y (SVD)' });
  },
};

export const linearTransferNoiseIntegratedSim: SimSpec = {
  id: 'fate.linear-transfer.noise-integrated',
  paper: 'fate',
  title: 'Linear transfer on frozen rank-one features, label noise integrated exactly given X (plain otherwise)',
  quantity: 'E_ε R_lt = ‖W_1Φ⁺Xβ_t − β_t‖² + σ²‖W_1Φ⁺‖²_F',
  params: [nLt, P.theta, P.sigma, dPlain],
  defaultDraws: 200,
  run(p, { seed, draws }) {
    const vals = plainDraws(seed, draws, (rng) => {
      // Noiseless labels (the stream is consumed as by the plain sim: same X, β's and v per draw).
      const { t, v } = rankOneDraw(rng, p, 0);
      return linearTransferRiskNoiseIntegrated(t, v, p.sigma!);
    });
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      params: p,
      seed,
      values: vals,
      method: 'plain min-norm fit on Φ = Xβ_s vᵀ (SVD) with the label noise integrated exactly given X (Rao–Blackwell)',
    });
  },
};

export const ridgeTransferSim: SimSpec = {
  id: 'fate.ridge-transfer',
  paper: 'fate',
  title: 'Ridge linear transfer on frozen rank-one features (plain)',
  quantity: 'R_lt^λ',
  params: [nLt, P.theta, P.sigma, P.lambda, dPlain],
  defaultDraws: 200,
  run(p, { seed, draws }) {
    const vals = plainDraws(seed, draws, (rng) => {
      const { t, v } = rankOneDraw(rng, p, p.sigma!);
      return sqDist(linearTransferOnFeatures(t, v, p.lambda!), t.betaT);
    });
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: vals, method: 'plain: W_L = (ΦᵀΦ + nλI)⁻¹Φᵀy' });
  },
};

/** Scratch, linear transfer and fine-tuning (the integrated gradient flow, reducedFlow.ts) on the same target sets. */
function pairedPlain(p: Params, seed: number, draws: number) {
  const { n, d } = sizeFrom(p);
  const L = p.L ?? 2;
  let unconverged = 0;
  const rows = plainDraws(seed, draws, (rng) => {
    const { betaS, betaT } = taskPair(rng, d, p.theta!);
    const t = drawTargetSet(rng, n, d, p.sigma!, betaS, betaT);
    const pinv = pseudoInverse(t.x);
    const sc = Float64Array.from(pinv.mmul(Matrix.columnVector(Array.from(t.y))).getColumn(0));
    const flow = fineTuneFlowEndpoint(t, L);
    if (!flow.flow.converged) unconverged++;
    // The printed mechanism (eq 142) on the same data: X⁺y + (I − P)β_s.
    const pBetaS = pinv.mmul(t.x.mmul(Matrix.columnVector(Array.from(betaS)))).getColumn(0);
    const printed = sc.map((b, j) => b + betaS[j]! - pBetaS[j]!);
    return { sc: sqDist(sc, betaT), ft: sqDist(flow.beta, betaT), ftPrinted: sqDist(printed, betaT) };
  });
  return { rows, unconverged, n, d };
}

/**
 * The two fine-tuning simulations share their draws (pairedPlain) and differ only in the primary
 * quantity: the risk R_ft, or the paired transferability R_sc − R_ft.
 */
function fineTuneSpec(id: string, title: string, quantity: string, primary: (r: { sc: number; ft: number }) => number): SimSpec {
  return {
    id,
    paper: 'fate',
    title,
    quantity,
    params: [gammaSim, P.theta, P.sigma, dPlain, depth],
    constraints: [nAwayFromD],
    defaultDraws: 40,
    run(p, { seed, draws }) {
      const { rows, unconverged, n, d } = pairedPlain(p, seed, draws);
      return measurement({ simId: id, quantity, params: p, seed, values: rows.map(primary), extra: {
          R_sc: summary(rows.map((r) => r.sc)),
          R_ft: summary(rows.map((r) => r.ft)),
          T_ft: summary(rows.map((r) => r.sc - r.ft)),
          R_ft_printedMechanism: summary(rows.map((r) => r.ftPrinted)),
          T_ft_printedMechanism: summary(rows.map((r) => r.sc - r.ftPrinted)),
        }, method: `fine-tuning gradient flow integrated in the spectral basis of X (RODAS4, tol 1e-8; sim/fineTuneFlow.ts), n = ${n}, d = ${d}, L = ${p.L ?? 2}${unconverged ? `; ${unconverged} draws not converged` : ''}` });
    },
  };
}

export const fineTuneSim = fineTuneSpec(
  'fate.fine-tune',
  'Fine-tuning end point: gradient flow of the α → 0 pretrained deep linear net (reduced to its rank-one hidden direction)',
  'R_ft = ‖β_ft − β_t‖²',
  (r) => r.ft,
);

export const transferabilityFtSim = fineTuneSpec(
  'fate.transferability-ft',
  'Fine-tuning transferability R_sc − R_ft on paired target sets (integrated gradient flow)',
  '𝒯_ft = R_sc − R_ft',
  (r) => r.sc - r.ft,
);

export const transferabilityLtSim: SimSpec = {
  id: 'fate.transferability-lt',
  paper: 'fate',
  title: 'Linear-transfer transferability R_sc − R_lt on paired target sets (plain)',
  quantity: '𝒯_lt = R_sc − R_lt',
  params: [gammaSim, P.theta, P.sigma, dPlain],
  constraints: [nAwayFromD],
  defaultDraws: 40,
  run(p, { seed, draws }) {
    const { n, d } = sizeFrom(p);
    const rows = plainDraws(seed, draws, (rng) => {
      const { betaS, betaT } = taskPair(rng, d, p.theta!);
      const v = unitVector(rng, d);
      const t = drawTargetSet(rng, n, d, p.sigma!, betaS, betaT);
      return { sc: sqDist(minNormScratch(t), betaT), lt: sqDist(linearTransferOnFeatures(t, v), betaT) };
    });
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: rows.map((r) => r.sc - r.lt), extra: {
      R_sc: summary(rows.map((r) => r.sc)),
      R_lt: summary(rows.map((r) => r.lt)),
    }, method: `plain SVD, n = ${n}, d = ${d}` });
  },
};

export const transferabilityLtNoiseIntegratedSim: SimSpec = {
  id: 'fate.transferability-lt.noise-integrated',
  paper: 'fate',
  title: 'Linear-transfer transferability R_sc − R_lt on paired target sets, label noise integrated exactly given X (plain SVD otherwise)',
  quantity: 'E_ε(R_sc − R_lt)',
  params: [gammaSim, P.theta, P.sigma, dPlain],
  constraints: [nAwayFromD],
  defaultDraws: 40,
  run(p, { seed, draws }) {
    const { n, d } = sizeFrom(p);
    const rows = plainDraws(seed, draws, (rng) => {
      const { betaS, betaT } = taskPair(rng, d, p.theta!);
      const v = unitVector(rng, d);
      // Noiseless labels (same stream use as fate.transferability-lt): both risks integrate ε given X.
      const t = drawTargetSet(rng, n, d, 0, betaS, betaT);
      return { sc: scratchRiskNoiseIntegrated(t, p.sigma!), lt: linearTransferRiskNoiseIntegrated(t, v, p.sigma!) };
    });
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: rows.map((r) => r.sc - r.lt), extra: {
      R_sc: summary(rows.map((r) => r.sc)),
      R_lt: summary(rows.map((r) => r.lt)),
    }, method: `plain SVD, n = ${n}, d = ${d}, label noise integrated given X (Rao–Blackwell)` });
  },
};

/** Fast, exact-in-law sweep (fastSweep.ts) for one cell; the benchmark uses the whole grid. */
function fastCell(p: Params, seed: number, draws: number, fineTune = true): SweepCell {
  const { n, d } = sizeFrom(p);
  return fastSweep({ d, ns: [n], thetas: [p.theta ?? 0], sigma: p.sigma!, draws, seed, L: p.L ?? 2, fineTune })[0]![0]!;
}

const FAST_METHOD = 'fast: rotation-reduced Gaussian design, nested Cholesky (n < d) / bidiagonal χ law (n > d), label noise integrated';

export const scratchFastSim: SimSpec = {
  id: 'fate.scratch.fast',
  paper: 'fate',
  title: 'Scratch risk, exact reductions (noise integrated)',
  quantity: 'E_ε R_sc',
  params: [gammaSim, P.sigma, dFast],
  constraints: [nAwayFromD],
  defaultDraws: 20,
  run(p, { seed, draws }) {
    // No fine-tuning here: the flow is skipped (same values, draw for draw).
    const c = fastCell(p, seed, draws, false);
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: Array.from(c.sc), method: FAST_METHOD });
  },
};

export const transferabilityLtFastSim: SimSpec = {
  id: 'fate.transferability-lt.fast',
  paper: 'fate',
  title: 'Linear-transfer transferability, exact reductions (noise integrated)',
  quantity: 'E_ε(R_sc − R_lt)',
  params: [gammaSim, P.theta, P.sigma, dFast],
  constraints: [nAwayFromD],
  defaultDraws: 20,
  run(p, { seed, draws }) {
    const c = fastCell(p, seed, draws, false);
    const t = Array.from(c.sc, (v, i) => v - c.lt[i]!);
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      params: p,
      seed,
      values: t,
      extra: { R_sc: summary(Array.from(c.sc)), R_lt: summary(Array.from(c.lt)) },
      method: FAST_METHOD,
    });
  },
};

export const transferabilityFtFastSim: SimSpec = {
  id: 'fate.transferability-ft.fast',
  paper: 'fate',
  title: 'Fine-tuning transferability at the gradient-flow end point, exact reductions',
  quantity: 'R_sc − R_ft',
  params: [gammaSim, P.theta, P.sigma, dFast, depth],
  constraints: [nAwayFromD],
  defaultDraws: 20,
  run(p, { seed, draws }) {
    const c = fastCell(p, seed, draws);
    const t = Array.from(c.scSampled, (v, i) => v - c.ft[i]!);
    const tp = Array.from(c.scSampled, (v, i) => v - c.ftPrinted[i]!);
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      params: p,
      seed,
      values: t,
      extra: { R_ft: summary(Array.from(c.ft)), T_ft_printedMechanism: summary(tp), flowScale: summary(Array.from(c.ftScale)) },
      method: `${FAST_METHOD}; fine-tuning end point: the gradient flow of the pretrained deep linear net integrated (RODAS4, tolerance 1e-8) in the eigenbasis of XXᵀ (sim/fineTuneFlow.ts), no fine-tuning formula; flowScale = its weight C on (I − P)β_s`,
    });
  },
};

/** The fast simulations, in registration order. */
export const fastSims: SimSpec[] = [scratchFastSim, transferabilityLtFastSim, transferabilityFtFastSim];

export const klSim: SimSpec = {
  id: 'fate.kl',
  paper: 'fate',
  title: 'Monte Carlo KL divergence and the cos(y)/2 Dudley lower bound between p_f and p_g (d = 2 suffices by rotation)',
  quantity: 'D_KL(p_f ‖ p_g) estimate',
  params: [P.theta, { ...P.sigma, domain: { min: 0, minOpen: true } }, { name: 'scale', symbol: 'a', description: 'scale of g = a·β_tᵀx', domain: { min: 0 }, default: 1 }],
  defaultDraws: 20,
  run(p, { seed, draws }) {
    // Each draw averages the log-likelihood ratio over 4000 samples (x, y) ~ p_f.
    const m = 4000;
    const s = p.sigma!;
    const gx = p.scale! * Math.cos(p.theta!);
    const gy = p.scale! * Math.sin(p.theta!);
    const kl: number[] = [];
    const dud: number[] = [];
    for (const rng of Stream.replicates(seed, draws)) {
      let acc = 0;
      let cf = 0;
      let cg = 0;
      for (let i = 0; i < m; i++) {
        const x1 = rng.normal();
        const x2 = rng.normal();
        const f = x1;
        const g = gx * x1 + gy * x2;
        const y = f + s * rng.normal();
        const yg = g + s * rng.normal();
        acc += ((y - g) ** 2 - (y - f) ** 2) / (2 * s * s);
        cf += Math.cos(y) / 2;
        cg += Math.cos(yg) / 2;
      }
      kl.push(acc / m);
      dud.push(Math.abs(cf - cg) / m);
    }
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      params: p,
      seed,
      values: kl,
      extra: { dudleyCosLowerBound: summary(dud) },
      method: 'Monte Carlo over (x, y) ~ p_f; Dudley: |E_f h − E_g h| with h = cos(y)/2, ‖h‖_BL = 1',
    });
  },
};
