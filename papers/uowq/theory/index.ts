import type { Claim, Source } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { asymptoticError, errorMatrix, negativeTransferThreshold, singleSourceWeight, uniformOptimalQuantity, uniformWeights } from './model.ts';
import { UOWQ_PARAMS, canonicalShape, type CanonicalShape } from './params.ts';
import { kkt, optimalWeights } from './qp.ts';
import { logisticFisher } from './logistic.ts';
import type { UowqInstance } from './model.ts';

export * from './model.ts';
export * from './qp.ts';
export * from './params.ts';
export { logisticFisher } from './logistic.ts';

const SIM = ['uowq.weighted-mle'] as const;

/** The canonical instance with its Fisher information: J = I (linear, x ~ N(0, I), σ = 1) or logistic.ts. */
export function canonicalProblem(p: Params): CanonicalShape & UowqInstance {
  const c = canonicalShape(p);
  const J = c.model === 'logistic' ? logisticFisher(c.theta0) : c.theta0.map((_, i) => c.theta0.map((__, j) => (i === j ? 1 : 0)));
  return { ...c, J };
}
const REF = 'arXiv 2601.10779 abstract (seed 003); model and equations U1–U5 in theory/uowq/model.ts';

function src(statement: string, ref = REF): Source {
  return { paper: 'uowq', ref, statement, provenance: 'derived from the abstract' };
}

const localRegime = {
  kind: 'asymptotic' as const,
  limit: 'N_k → ∞ with n_k/N_0 fixed and local shifts δ_k = O(N_0^{-1/2}), d and K fixed',
  finiteSize: 'exact for the Gaussian location model; relative corrections O(d/N) (random design) and O(N^{-1/2}) (logistic KL remainder) otherwise',
};

const pick = (names: string[]) => UOWQ_PARAMS.filter((s) => names.includes(s.name));
const alphaOf = (p: Params, K: number) => [1 - p.a!, ...Array.from({ length: K }, () => p.a! / K)];
const usedN = (p: Params, N: number[]) => N.map((Nk, k) => (k === 0 ? Nk : Math.max(1, Math.round(p.use! * Nk))));

export const uowqClaims: Claim[] = [
  {
    id: 'uowq.asymptotic-error',
    paper: 'uowq',
    title: 'Asymptotic expected KL error of weighted multi-source MLE as a function of (α, n)',
    source: src('The KL-based generalization error of the weighted estimate, by asymptotic analysis: E(α, n) = ½[(Σα_kδ_k)ᵀJ(Σα_kδ_k) + d Σ α_k²/n_k] (eq U1, our formalisation).'),
    params: UOWQ_PARAMS,
    hypotheses: [{ id: 'shared-fisher', text: 'all tasks share the Fisher information J (local shifts)', holds: () => true }],
    regime: localRegime,
    simulations: SIM,
    predict(p) {
      const c = canonicalProblem(p);
      const alpha = alphaOf(p, c.deltas.length);
      const n = usedN(p, c.N);
      return { quantity: 'E_x D_KL(P_θ0 ‖ P_θ̂)', kind: 'value', value: asymptoticError(c, alpha, n), details: { alpha, n } };
    },
  },
  {
    id: 'uowq.single-source-weight',
    paper: 'uowq',
    title: 'Closed-form optimal weight for a single source',
    source: src('The optimal transfer weight has a closed form in the single-source setting: a* = (d/n_0)/(δᵀJδ + d/n_0 + d/n_1) (eq U2).'),
    params: pick(['logistic', 'd', 'N0', 'ratio', 'shift']),
    hypotheses: [{ id: 'one-source', text: 'K = 1', holds: () => true }],
    regime: localRegime,
    simulations: SIM,
    predict(p) {
      const c = canonicalProblem({ ...p, K: 1 });
      const D = errorMatrix(c, [1, 1])[1]![1]! - c.d;
      const a = singleSourceWeight(D, c.d, c.N[0]!, c.N[1]!);
      return { quantity: 'argmin_a E((1 − a, a), N)', kind: 'optimum', value: a, details: { D } };
    },
  },
  {
    id: 'uowq.kkt',
    paper: 'uowq',
    title: 'Multi-source optimal weights: convex program on the simplex, solved and KKT-checked',
    source: src('For multiple sources the optimal weights solve the convex program min_α ½αᵀ(G + d·diag(1/n))α over the simplex (eq U3).'),
    params: pick(['logistic', 'd', 'K', 'N0', 'ratio', 'shift']),
    hypotheses: [],
    regime: localRegime,
    simulations: SIM,
    predict(p) {
      const c = canonicalProblem(p);
      const Q = errorMatrix(c, c.N);
      const sol = optimalWeights(Q);
      return { quantity: 'argmin over the simplex of E(α, N)', kind: 'optimum', value: 0.5 * quadOf(Q, sol.alpha), details: { alpha: sol.alpha, kkt: kkt(Q, sol.alpha), method: sol.method } };
    },
  },
  {
    id: 'uowq.all-samples',
    paper: 'uowq',
    title: 'Using all source samples is optimal once the weights are optimal',
    source: src('Using all available source samples is always optimal once the weights are properly adjusted: min_α E(α, n) ≥ min_α E(α, N) for every n ≤ N (eq U4).'),
    params: pick(['logistic', 'd', 'K', 'N0', 'ratio', 'shift', 'use']),
    hypotheses: [],
    regime: localRegime,
    simulations: SIM,
    predict(p) {
      const c = canonicalProblem(p);
      const full = optimalWeights(errorMatrix(c, c.N));
      const part = optimalWeights(errorMatrix(c, usedN(p, c.N)));
      const diff = 0.5 * (quadOf(errorMatrix(c, usedN(p, c.N)), part.alpha) - quadOf(errorMatrix(c, c.N), full.alpha));
      return { quantity: 'E*(n) − E*(N)', kind: 'sign', sign: diff > 0 ? 1 : 0, value: diff };
    },
  },
  {
    id: 'uowq.uniform-negative',
    paper: 'uowq',
    title: 'Uniform per-sample weighting: interior optimal quantity and negative transfer of naive pooling',
    source: src('Naive uniform transfer may result in negative transfer; with α_k ∝ n_k the optimal quantity can be interior: m* = d n_0/(2Dn_0 − d), negative transfer iff Dn_0 > d and m > dn_0/(Dn_0 − d) (eq U5).'),
    params: pick(['logistic', 'd', 'N0', 'ratio', 'shift']),
    hypotheses: [],
    regime: localRegime,
    simulations: SIM,
    predict(p) {
      const c = canonicalProblem({ ...p, K: 1 });
      const D = errorMatrix(c, [1, 1])[1]![1]! - c.d;
      const pooled = asymptoticError(c, uniformWeights(c.N), c.N);
      const targetOnly = asymptoticError(c, [1, 0], c.N);
      return {
        quantity: 'E_uniform(N_1) − E(target only)',
        kind: 'sign',
        sign: pooled > targetOnly ? 1 : pooled < targetOnly ? -1 : 0,
        value: pooled - targetOnly,
        details: { interiorQuantity: uniformOptimalQuantity(D, c.d, c.N[0]!), negativeFrom: negativeTransferThreshold(D, c.d, c.N[0]!) },
      };
    },
  },
];

function quadOf(Q: readonly (readonly number[])[], a: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length; j++) s += a[i]! * Q[i]![j]! * a[j]!;
  return s;
}
