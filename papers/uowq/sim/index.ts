import { UOWQ_INSTANCE_PARAMS, UOWQ_PARAMS, UOWQ_WEIGHT_PARAMS, instanceShape, vectorParam } from '../theory/params.ts';
import type { ParamSpec } from '../../../core/params.ts';
import { defineSimulation, measurement, summary, type Measurement, type SimSpec } from '../../../sim/sim.ts';
import { paired } from '../../../core/stats/index.ts';
import type { UowqConfig, UowqProblem } from './core.ts';
import { NEWTON_TOL, simulateVariants } from './fast.ts';

/** A second weighting measured on the same data (paired): its weights refAlpha0..K and used sizes refUsed0..K. */
const REFERENCE_PARAMS: readonly ParamSpec[] = UOWQ_WEIGHT_PARAMS.map((s) => ({
  ...s,
  name: s.name.replace(/^alpha/, 'refAlpha').replace(/^nUsed/, 'refUsed'),
  description: `reference arm (same data): ${s.description}`,
}));

/**
 * Twice the size: every N_k and n_k doubled and every δ_k divided by √2 (the local alternative δ = Δ/√N_0 at
 * 2N_0), fitted on the same sample sequences (the first N_k samples of each task are shared), so a per-draw
 * Richardson combination of the two sizes has common random numbers.
 */
const DOUBLED_PARAM: ParamSpec = { name: 'doubled', symbol: '2N', description: '1 = also fit the instance at twice every size (δ_k/√2) on the same sample sequences', domain: { min: 0, max: 1, integer: true }, default: 0 };

const doubledProblem = (p: UowqProblem): UowqProblem => ({ ...p, N: p.N.map((x) => 2 * x), deltas: p.deltas.map((dk) => dk.map((x) => x / Math.SQRT2)) });
const doubledConfig = (c: UowqConfig): UowqConfig => ({ alpha: c.alpha, n: c.n.map((x) => 2 * x) });

/**
 * The weighted MLE on the canonical instance (weights from `a`, sizes from `use`) or on an explicit one
 * (N1…, delta…, theta…, xvar…, alpha…, nUsed…); with a reference arm (refAlpha…, refUsed…) both weightings
 * are fitted to the same draws, and `extra` holds the reference errors and the paired differences; with
 * doubled = 1 also the errors (and differences) at twice the size on the same sample sequences. Simulated by
 * fast.ts (linear: exact sufficient statistics; logistic: the plain data with a one-pass Newton), cross-checked
 * against the plain simulation core.ts in fast.test.ts.
 */
export const weightedMleSim = defineSimulation({
  id: 'uowq.weighted-mle',
  paper: 'uowq',
  title: 'Weighted multi-source maximum likelihood: expected KL error of θ̂',
  quantity: 'E_x D_KL(P_θ0 ‖ P_θ̂)',
  params: [...UOWQ_PARAMS, ...UOWQ_INSTANCE_PARAMS, ...UOWQ_WEIGHT_PARAMS, ...REFERENCE_PARAMS, DOUBLED_PARAM],
  defaultDraws: 200,
  run(p, { seed, draws }) {
    const c = instanceShape(p);
    const problem: UowqProblem = { model: c.model, theta0: c.theta0, deltas: c.deltas, N: c.N };
    if (c.xVar) Object.assign(problem, { xVar: c.xVar, sigma: 1 });
    const K = c.deltas.length;
    const alpha = vectorParam(p, 'alpha', K) ?? [1 - p.a!, ...Array.from({ length: K }, () => p.a! / K)];
    const n = vectorParam(p, 'nUsed', K) ?? c.N.map((Nk, k) => (k === 0 ? Nk : Math.max(1, Math.round(p.use! * Nk))));
    const configs: UowqConfig[] = [{ alpha, n }];
    const refAlpha = vectorParam(p, 'refAlpha', K);
    if (refAlpha) configs.push({ alpha: refAlpha, n: vectorParam(p, 'refUsed', K) ?? n });
    const variants = [{ problem, configs }];
    if (p.doubled === 1) variants.push({ problem: doubledProblem(problem), configs: configs.map(doubledConfig) });
    const [[values, reference], doubled] = simulateVariants(variants, seed, draws) as [number[][], number[][] | undefined];
    const extra: NonNullable<Measurement['extra']> = {};
    if (reference) Object.assign(extra, { reference: summary(reference), difference: summary(paired(values!, reference)) });
    if (doubled) {
      extra.doubled = summary(doubled[0]!);
      if (reference) Object.assign(extra, { doubledReference: summary(doubled[1]!), doubledDifference: summary(paired(doubled[0]!, doubled[1]!)) });
    }
    return measurement({
      simId: 'uowq.weighted-mle',
      quantity: 'E_x D_KL(P_θ0 ‖ P_θ̂)',
      values: values!,
      seed,
      params: p,
      extra: Object.keys(extra).length ? extra : undefined,
      method:
        problem.model === 'linear'
          ? 'weighted normal equations from exact sufficient statistics (Bartlett-drawn Gram blocks); exact Gaussian KL'
          : `damped Newton's method (stops at a step < ${NEWTON_TOL}); exact Bernoulli KL by 2-D quadrature over x`,
    });
  },
});

export const uowqSims: SimSpec[] = [weightedMleSim];
