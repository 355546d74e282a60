import { UOWQ_PARAMS, canonicalShape } from '../theory/params.ts';
import { measurement, type SimSpec } from '../../../sim/sim.ts';
import { simulateErrors, type UowqProblem } from './core.ts';

export const uowqSims: SimSpec[] = [
  {
    id: 'uowq.weighted-mle',
    paper: 'uowq',
    title: 'Weighted multi-source maximum likelihood: expected KL error of θ̂',
    quantity: 'E_x D_KL(P_θ0 ‖ P_θ̂)',
    params: UOWQ_PARAMS,
    defaultDraws: 200,
    run(p, { seed, draws }) {
      const c = canonicalShape(p);
      const problem: UowqProblem = { model: c.model, theta0: c.theta0, deltas: c.deltas, N: c.N };
      const K = c.deltas.length;
      const alpha = [1 - p.a!, ...Array.from({ length: K }, () => p.a! / K)];
      const n = c.N.map((Nk, k) => (k === 0 ? Nk : Math.max(1, Math.round(p.use! * Nk))));
      const values = simulateErrors(problem, [{ alpha, n }], seed, draws)[0]!;
      return measurement({
        simId: 'uowq.weighted-mle',
        quantity: 'E_x D_KL(P_θ0 ‖ P_θ̂)',
        values,
        seed,
        params: p,
        method: problem.model === 'linear' ? 'weighted normal equations; exact Gaussian KL' : "damped Newton's method; exact Bernoulli KL by 2-D quadrature over x",
      });
    },
  },
];
