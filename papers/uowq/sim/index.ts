import { UOWQ_INSTANCE_PARAMS, UOWQ_PARAMS, UOWQ_WEIGHT_PARAMS, instanceShape, vectorParam } from '../theory/params.ts';
import type { ParamSpec } from '../../../core/params.ts';
import { defineSimulation, measurement, summary, type SimSpec } from '../../../sim/sim.ts';
import { paired } from '../../../core/stats/index.ts';
import { simulateErrors, type UowqConfig, type UowqProblem } from './core.ts';

/** A second weighting measured on the same data (paired): its weights refAlpha0..K and used sizes refUsed0..K. */
const REFERENCE_PARAMS: readonly ParamSpec[] = UOWQ_WEIGHT_PARAMS.map((s) => ({
  ...s,
  name: s.name.replace(/^alpha/, 'refAlpha').replace(/^nUsed/, 'refUsed'),
  description: `reference arm (same data): ${s.description}`,
}));

/**
 * The weighted MLE on the canonical instance (weights from `a`, sizes from `use`) or on an explicit one
 * (N1…, delta…, theta…, xvar…, alpha…, nUsed…); with a reference arm (refAlpha…, refUsed…) both weightings
 * are fitted to the same draws, and `extra` holds the reference errors and the paired differences.
 */
export const weightedMleSim = defineSimulation({
  id: 'uowq.weighted-mle',
  paper: 'uowq',
  title: 'Weighted multi-source maximum likelihood: expected KL error of θ̂',
  quantity: 'E_x D_KL(P_θ0 ‖ P_θ̂)',
  params: [...UOWQ_PARAMS, ...UOWQ_INSTANCE_PARAMS, ...UOWQ_WEIGHT_PARAMS, ...REFERENCE_PARAMS],
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
    const [values, reference] = simulateErrors(problem, configs, seed, draws);
    return measurement({
      simId: 'uowq.weighted-mle',
      quantity: 'E_x D_KL(P_θ0 ‖ P_θ̂)',
      values: values!,
      seed,
      params: p,
      extra: reference ? { reference: summary(reference), difference: summary(paired(values!, reference)) } : undefined,
      method: problem.model === 'linear' ? 'weighted normal equations; exact Gaussian KL' : "damped Newton's method; exact Bernoulli KL by 2-D quadrature over x",
    });
  },
});

export const uowqSims: SimSpec[] = [weightedMleSim];
