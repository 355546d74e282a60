import { defineClaim, type Claim, type Hypothesis, type Source } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { asymptoticError, errorMatrix, negativeTransferThreshold, quadForm, singleSourceWeight, uniformOptimalQuantity, uniformWeights } from './model.ts';
import { UOWQ_INSTANCE_PARAMS, UOWQ_PARAMS, UOWQ_WEIGHT_PARAMS, instanceShape, vectorParam, type InstanceShape } from './params.ts';
import { kkt, optimalWeights } from './qp.ts';
import { logisticFisher } from './logistic.ts';
import type { UowqInstance } from './model.ts';

export * from './model.ts';
export * from './qp.ts';
export * from './params.ts';
export { logisticFisher } from './logistic.ts';

/**
 * The instance with its Fisher information: J = diag(xVar) (linear, σ = 1; the canonical instance has
 * xVar = 1) or logistic.ts. Canonical unless the parameters give an explicit instance (N1, delta…).
 */
export function canonicalProblem(p: Params): InstanceShape & UowqInstance {
  const c = instanceShape(p);
  const J = c.model === 'logistic' ? logisticFisher(c.theta0) : c.theta0.map((_, i) => c.theta0.map((__, j) => (i === j ? (c.xVar?.[i] ?? 1) : 0)));
  return { ...c, J };
}
const REF = 'arXiv 2601.10779 abstract (seed 003); model and equations U1–U5 (our formalisation) in papers/uowq/theory/model.ts';

function src(statement: string, ref = REF): Source {
  return { paper: 'uowq', ref, statement, provenance: 'derived from the abstract' };
}

const localRegime = {
  kind: 'asymptotic' as const,
  limit: 'N_k → ∞ with n_k/N_0 fixed and local shifts δ_k = O(N_0^{-1/2}), d and K fixed',
  finiteSize: 'exact for the Gaussian location model; relative corrections O(d/N) (random design) and O(N^{-1/2}) (logistic KL remainder) otherwise',
};

/** Largest squared shift in target-variance units, N_0·δ_kᵀJδ_k/d (the local regime keeps it O(1)). */
export function shiftSize(p: Params): number {
  const c = canonicalProblem(p);
  return Math.max(0, ...c.deltas.map((dk) => (c.N[0]! * quadForm(c.J, dk)) / c.d));
}

/**
 * δ_k = O(N_0^{-1/2}) is a statement about a sequence of sizes and cannot be decided at one N_0; the
 * predicate bounds what one instance fixes: every shift's squared bias is at most 100 target-only
 * variances (N_0·δ_kᵀJδ_k/d ≤ 100), beyond which the O(N⁻²) misspecification terms of eq U1 stop being small.
 */
const localShifts: Hypothesis = {
  id: 'local-shifts',
  text: 'local shifts δ_k = O(N_0^{-1/2}); checked at one size as N_0·δ_kᵀJδ_k/d ≤ 100 for every source',
  holds: (p) => shiftSize(p) <= 100,
};

const pick = (names: string[]) => UOWQ_PARAMS.filter((s) => names.includes(s.name));
const alphaOf = (p: Params, K: number) => vectorParam(p, 'alpha', K) ?? [1 - p.a!, ...Array.from({ length: K }, () => p.a! / K)];
const usedN = (p: Params, N: number[]) => vectorParam(p, 'nUsed', N.length - 1) ?? N.map((Nk, k) => (k === 0 ? Nk : Math.max(1, Math.round(p.use! * Nk))));

/** Eq U1: the asymptotic expected KL error at weights α and used sizes n. */
export const asymptoticErrorClaim = defineClaim({
  id: 'uowq.asymptotic-error',
  paper: 'uowq',
  title: 'Asymptotic expected KL error of weighted multi-source MLE as a function of (α, n)',
  source: src('The KL-based generalization error of the weighted estimate, by asymptotic analysis: $E(\\alpha, n) = \\frac12\\big[(\\sum_k\\alpha_k\\delta_k)^\\top J(\\sum_k\\alpha_k\\delta_k) + d\\sum_k \\alpha_k^2/n_k\\big]$ (eq U1, our formalisation).'),
  params: [...UOWQ_PARAMS, ...UOWQ_INSTANCE_PARAMS, ...UOWQ_WEIGHT_PARAMS],
  hypotheses: [
    {
      id: 'shared-fisher',
      text: 'all tasks share the Fisher information J: exact for the Gaussian linear model (J = Σ_x/σ² whatever θ_k); for logistic regression J(θ_0 + δ_k) − J = O(‖δ_k‖), so it needs local shifts (the bound of local-shifts)',
      holds: (p) => p.logistic !== 1 || localShifts.holds(p),
    },
    localShifts,
  ],
  regime: localRegime,
  predict(p) {
    const c = canonicalProblem(p);
    const alpha = alphaOf(p, c.deltas.length);
    const n = usedN(p, c.N);
    return { quantity: 'E_x D_KL(P_θ0 ‖ P_θ̂)', kind: 'value', value: asymptoticError(c, alpha, n), details: { alpha, n } };
  },
});

/** Eq U2: the single-source optimal weight; `curvature` = d²E/da² converts a slope into weight units. */
export const singleSourceWeightClaim = defineClaim({
  id: 'uowq.single-source-weight',
  paper: 'uowq',
  title: 'Closed-form optimal weight for a single source',
  source: src('The optimal transfer weight has a closed form in the single-source setting: $a^* = \\frac{d/n_0}{\\delta^\\top J\\delta + d/n_0 + d/n_1}$ (eq U2).'),
  params: [...pick(['logistic', 'd', 'K', 'N0', 'ratio', 'shift']), ...UOWQ_INSTANCE_PARAMS],
  hypotheses: [{ id: 'one-source', text: 'K = 1', holds: (p) => (p.K ?? 1) === 1 }, localShifts],
  regime: localRegime,
  predict(p) {
    const c = canonicalProblem({ ...p, K: 1 });
    const D = errorMatrix(c, [1, 1])[1]![1]! - c.d;
    const a = singleSourceWeight(D, c.d, c.N[0]!, c.N[1]!);
    return { quantity: 'argmin_a E((1 − a, a), N)', kind: 'optimum', value: a, details: { D, curvature: D + c.d / c.N[0]! + c.d / c.N[1]! } };
  },
});

/**
 * Eq U3: the optimal weights α* (KKT-certified). Given a simplex point `toward0..K`, also the predicted
 * rise E(α′) − E(α*) at α′ = ½α* + ½·toward (positive: α* is the minimum).
 */
export const kktClaim = defineClaim({
  id: 'uowq.kkt',
  paper: 'uowq',
  title: 'Multi-source optimal weights: convex program on the simplex, solved and KKT-checked',
  source: src('For multiple sources the optimal weights solve the convex program $\\min_\\alpha \\frac12\\alpha^\\top(G + d\\,\\mathrm{diag}(1/n))\\alpha$ over the simplex (eq U3).'),
  params: [
    ...pick(['logistic', 'd', 'K', 'N0', 'ratio', 'shift']),
    ...UOWQ_INSTANCE_PARAMS,
    ...Array.from({ length: 4 }, (_, k) => ({ name: `toward${k}`, symbol: `v_${k}`, description: `entry ${k} of a simplex point; α′ = ½α* + ½v`, domain: { min: 0, max: 1 }, optional: true })),
  ],
  hypotheses: [localShifts],
  regime: localRegime,
  predict(p) {
    const c = canonicalProblem(p);
    const Q = errorMatrix(c, c.N);
    const sol = optimalWeights(Q);
    const v = vectorParam(p, 'toward', c.deltas.length);
    const alt = v && sol.alpha.map((x, k) => 0.5 * x + 0.5 * v[k]!);
    const rise = alt && asymptoticError(c, alt, c.N) - asymptoticError(c, sol.alpha, c.N);
    return { quantity: 'argmin over the simplex of E(α, N)', kind: 'optimum', value: 0.5 * quadOf(Q, sol.alpha), details: { alpha: sol.alpha, kkt: kkt(Q, sol.alpha), method: sol.method, ...(alt ? { alt, rise } : {}) } };
  },
});

/** Eq U4: optimal weights with n ≤ N never beat optimal weights with all samples. */
export const allSamplesClaim = defineClaim({
  id: 'uowq.all-samples',
  paper: 'uowq',
  title: 'Using all source samples is optimal once the weights are optimal',
  source: src('Using all available source samples is always optimal once the weights are properly adjusted: $\\min_\\alpha E(\\alpha, n) \\ge \\min_\\alpha E(\\alpha, N)$ for every $n \\le N$ (eq U4).'),
  params: [...pick(['logistic', 'd', 'K', 'N0', 'ratio', 'shift', 'use']), ...UOWQ_INSTANCE_PARAMS, ...UOWQ_WEIGHT_PARAMS.filter((s) => s.name.startsWith('nUsed'))],
  hypotheses: [localShifts],
  regime: localRegime,
  predict(p) {
    const c = canonicalProblem(p);
    const n = usedN(p, c.N);
    const full = optimalWeights(errorMatrix(c, c.N));
    const part = optimalWeights(errorMatrix(c, n));
    const diff = asymptoticError(c, part.alpha, n) - asymptoticError(c, full.alpha, c.N);
    // targetOnly = E((1, 0, …), N) = ½d/N_0: the unit in which the checks state a relevant deviation.
    const targetOnly = asymptoticError(c, c.N.map((_, k) => (k === 0 ? 1 : 0)), c.N);
    return { quantity: 'E*(n) − E*(N)', kind: 'sign', sign: diff > 0 ? 1 : 0, value: diff, details: { n, alphaN: full.alpha, alphaPart: part.alpha, targetOnly } };
  },
});

/**
 * Eq U5: naive pooling vs target only; `interiorGain` = E_u(m*) − E_u(N_1) when the interior optimal
 * quantity m* (rounded) lies in [1, N_1).
 */
export const uniformNegativeClaim = defineClaim({
  id: 'uowq.uniform-negative',
  paper: 'uowq',
  title: 'Uniform per-sample weighting: interior optimal quantity and negative transfer of naive pooling',
  source: src('Naive uniform transfer may result in negative transfer; with $\\alpha_k \\propto n_k$ the optimal quantity can be interior: $m^* = d n_0/(2Dn_0 - d)$, negative transfer iff $Dn_0 > d$ and $m > dn_0/(Dn_0 - d)$ (eq U5).'),
  params: [...pick(['logistic', 'd', 'K', 'N0', 'ratio', 'shift']), ...UOWQ_INSTANCE_PARAMS],
  hypotheses: [{ id: 'one-source', text: 'K = 1', holds: (p) => (p.K ?? 1) === 1 }, localShifts],
  regime: localRegime,
  predict(p) {
    const c = canonicalProblem({ ...p, K: 1 });
    const D = errorMatrix(c, [1, 1])[1]![1]! - c.d;
    const pooled = asymptoticError(c, uniformWeights(c.N), c.N);
    const targetOnly = asymptoticError(c, [1, 0], c.N);
    const m = uniformOptimalQuantity(D, c.d, c.N[0]!);
    const nm = m !== null && Math.round(m) < c.N[1]! && Math.round(m) >= 1 ? [c.N[0]!, Math.round(m)] : null;
    return {
      quantity: 'E_uniform(N_1) − E(target only)',
      kind: 'sign',
      sign: pooled > targetOnly ? 1 : pooled < targetOnly ? -1 : 0,
      value: pooled - targetOnly,
      details: {
        D,
        targetOnly,
        interiorQuantity: m,
        negativeFrom: negativeTransferThreshold(D, c.d, c.N[0]!),
        ...(nm ? { interiorGain: asymptoticError(c, uniformWeights(nm), nm) - pooled } : {}),
      },
    };
  },
});

export const uowqClaims: Claim[] = [asymptoticErrorClaim, singleSourceWeightClaim, kktClaim, allSamplesClaim, uniformNegativeClaim];

function quadOf(Q: readonly (readonly number[])[], a: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length; j++) s += a[i]! * Q[i]![j]! * a[j]!;
  return s;
}
