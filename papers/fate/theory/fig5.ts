import { defineClaim, type Prediction } from '../../../theory/claim.ts';
import { InputError, P, type ParamSpec } from '../../../core/params.ts';
import { offInterpolationThreshold } from './hypotheses.ts';
import { klLinear } from './kl.ts';
import { ltTransferability, ltTransferabilityFinite } from './phase.ts';

/**
 * Fig 5 and Thm 2.2 for the linear family: source p_s: y = β_sᵀx + ε, target p_t: y = a·β_tᵀx + ε, with
 * ‖β_s‖ = ‖β_t‖ = 1 at angle θ, x ~ N(0, I_d), ε ~ N(0, σ²). The scale a is the theorem's own device
 * (g = a·f): the same feature space, arbitrarily far away.
 *
 * Exact facts used:
 *  - D_KL(p_s ‖ p_t) = ‖β_s − aβ_t‖²/(2σ²) = (1 + a² − 2a cos θ)/(2σ²) (proof of Thm 2.2, eq 34).
 *  - Rescaling: y/a = β_tᵀx + ε/a, and every risk is quadratic in the labels, so
 *    𝒯_lt(γ, θ, σ; a) = a² · 𝒯_lt(γ, θ, σ/a; 1) (eq 13 with noise σ/a).
 *  - W1 (Euclidean cost on (x, y) ∈ R^{d+1}) is not available in closed form; it is bracketed by
 *    lower: the y-marginals N(0, 1+σ²), N(0, a²+σ²) (projection is 1-Lipschitz): √(2/π)|√(1+σ²) − √(a²+σ²)|,
 *    upper: the coupling with the same x and the same ε: E|(β_s − aβ_t)ᵀx| = √(2/π)‖β_s − aβ_t‖.
 */

export function klScaled(theta: number, a: number, sigma: number): number {
  if (!(sigma > 0)) throw new InputError(`sigma (σ, label-noise standard deviation) must be > 0 for a finite KL divergence; got ${sigma}`);
  return klLinear([1, 0], [a * Math.cos(theta), a * Math.sin(theta)], sigma);
}

export function ltTransferabilityScaled(gamma: number, theta: number, a: number, sigma: number): number {
  if (!(a > 0)) throw new InputError(`scale (a, target scale) must be > 0; got ${a}`);
  return a * a * ltTransferability(gamma, theta, sigma / a);
}

export function ltTransferabilityScaledFinite(n: number, d: number, theta: number, a: number, sigma: number): number {
  if (!(a > 0)) throw new InputError(`scale (a, target scale) must be > 0; got ${a}`);
  return a * a * ltTransferabilityFinite(n, d, theta, sigma / a);
}

export function w1Bounds(theta: number, a: number, sigma: number): { lower: number; upper: number } {
  const c = Math.sqrt(2 / Math.PI);
  const diff = Math.sqrt(1 + a * a - 2 * a * Math.cos(theta));
  return { lower: c * Math.abs(Math.sqrt(1 + sigma * sigma) - Math.sqrt(a * a + sigma * sigma)), upper: c * diff };
}

const scale: ParamSpec = { name: 'scale', symbol: 'a', description: 'scale of the target task y = a·β_tᵀx + ε', domain: { min: 0, minOpen: true }, default: 1 };
const theta: ParamSpec = { ...P.theta, description: `${P.theta.description} (omitted: θ swept over [0, π/2] at unit scale, the caption's plot)`, optional: true };
const theta2: ParamSpec = { ...P.theta, name: 'theta2', symbol: 'θ₂', description: 'angle of a second target task (a pair of tasks, Thm 2.2)', optional: true };
const scale2: ParamSpec = { ...scale, name: 'scale2', symbol: 'a₂', description: 'scale of the second target task', default: undefined, optional: true };
const gamma2: ParamSpec = { ...P.gammaNot1, name: 'gamma2', symbol: 'γ₂', description: 'a second dataset size pooled with γ (Fig 5 pools tasks; no θ given)', default: undefined, optional: true };
const sigma2: ParamSpec = { ...P.sigma, name: 'sigma2', symbol: 'σ₂', description: 'a second noise level pooled with σ (Fig 5 pools tasks; no θ given)', domain: { min: 0, minOpen: true }, default: undefined, optional: true };

/** The θ grid of the pooled Fig 5 reading: the §3 tasks from aligned to orthogonal. */
export const FIG5_THETAS = [0, Math.PI / 8, Math.PI / 4, (3 * Math.PI) / 8, Math.PI / 2] as const;

/** The pooled tasks of the Fig 5 reading: θ grid × {γ, γ₂} × {σ, σ₂} (unit scale, the §3 setup). */
export function fig5Pool(p: { gamma: number; sigma: number; gamma2?: number; sigma2?: number }): { gamma: number; sigma: number; theta: number }[] {
  const out: { gamma: number; sigma: number; theta: number }[] = [];
  for (const gamma of p.gamma2 === undefined ? [p.gamma] : [p.gamma, p.gamma2])
    for (const sigma of p.sigma2 === undefined ? [p.sigma] : [p.sigma, p.sigma2]) for (const theta of FIG5_THETAS) out.push({ gamma, sigma, theta });
  return out;
}

const signOf = (x: number): -1 | 0 | 1 => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** One target task (θ, a): 𝒯_lt of eq (13) after rescaling, D_KL (exact) and the W1 bracket. */
function task(gamma: number, th: number, a: number, sigma: number) {
  return { T: ltTransferabilityScaled(gamma, th, a, sigma), kl: klScaled(th, a, sigma), w1: w1Bounds(th, a, sigma) };
}

/** Fig 5 (App. E) and Thm 2.2: distances between tasks do not order transferability. */
export const fig5 = defineClaim({
  id: 'fate.fig5',
  paper: 'fate',
  title: 'Distances between tasks (KL, W1) do not predict transferability (Fig 5, Thm 2.2)',
  source: {
    paper: 'fate',
    ref: 'Fig 5 (App. E), Thm 2.2, §2',
    statement:
      'Transferability plotted against $D_{\\mathrm{KL}}(p_s \\Vert p_t)$ (exact) and $W_1(p_s, p_t)$ (from finite samples, Sriperumbudur et al. 2009) for the §3 setting shows that ' +
      'transferability is not predicted by $\\phi$-divergences or integral probability metrics; one can achieve positive transfer with distributions arbitrarily far apart.',
    provenance: 'printed',
  },
  params: [P.gammaNot1, theta, { ...P.sigma, domain: { min: 0, minOpen: true } }, scale, theta2, scale2, gamma2, sigma2],
  hypotheses: [
    {
      id: 'linear-family',
      text:
        'the deep-linear setting of §3 with linear transfer on rank-one features (eq 13) — the features are an outcome of pretraining, not a parameter; the ' +
        'predicate checks what eq (13) needs: γ ≠ 1 (n ≠ d), where the scratch risk is finite (and γ₂ ≠ 1 when a second size is pooled)',
      holds: (p) => offInterpolationThreshold(p) && (p.gamma2 === undefined || offInterpolationThreshold({ ...p, gamma: p.gamma2 })),
    },
  ],
  regime: {
    kind: 'asymptotic',
    limit: 'n, d → ∞ at γ = n/d for 𝒯; the distances are exact (KL) or bracketed (W1)',
    finiteSize: 'a²·𝒯_lt(n, d, θ, σ/a) exact at finite n, d',
  },
  /**
   * Three readings: one task (θ, a); a pair of tasks (θ, a) and (θ₂, a₂) — Thm 2.2's point, task 1 positive and task 2
   * negative whatever their distances, as the sign of min(𝒯₁, −𝒯₂); no θ — Fig 5's scatter: tasks of the §3 setup
   * pooled over θ ∈ [0, π/2] and the given dataset sizes and noise levels (fig5Pool), where §3.3 states that D_KL is not
   * negatively correlated with transferability.
   */
  predict(p): Prediction {
    const gamma = p.gamma!;
    const sigma = p.sigma!;
    if (p.theta === undefined) {
      const pool = fig5Pool({ gamma, sigma, gamma2: p.gamma2, sigma2: p.sigma2 });
      const eq13 = spearman(
        pool.map((t) => klScaled(t.theta, 1, t.sigma)),
        pool.map((t) => ltTransferability(t.gamma, t.theta, t.sigma)),
      );
      return {
        quantity: `Spearman(D_KL, 𝒯_lt) over ${pool.length} pooled tasks (θ ∈ [0, π/2] × γ ∈ {${[gamma, p.gamma2].filter((x) => x !== undefined).join(', ')}} × σ ∈ {${[sigma, p.sigma2].filter((x) => x !== undefined).join(', ')}}), unit scale`,
        kind: 'sign',
        sign: 1,
        details: {
          printed: '"neither D_KL, nor W1 are negatively correlated with increased transferability" (§3.3, Appendix E Fig 5)',
          eq13Spearman: eq13,
          eq13: 'D_KL = (1 − cos θ)/σ² increases and 𝒯_lt = S(γ, σ) − sin²θ decreases in θ at each (γ, σ); pooling over (γ, σ) dilutes but does not remove the negative rank correlation',
        },
      };
    }
    const one = task(gamma, p.theta, p.scale ?? 1, sigma);
    if (p.theta2 !== undefined) {
      const two = task(gamma, p.theta2, p.scale2 ?? 1, sigma);
      const value = Math.min(one.T, -two.T);
      return {
        quantity: 'min(𝒯₁, −𝒯₂): task 1 transfers positively and task 2 negatively',
        kind: 'sign',
        value,
        sign: signOf(value),
        details: {
          kl1: one.kl,
          kl2: two.kl,
          w1task1: one.w1,
          w1task2: two.w1,
          T1: one.T,
          T2: two.T,
          // Task 1 provably farther: larger D_KL, and its W1 lower bound above task 2's upper bound.
          provablyFarther: one.kl > two.kl && one.w1.lower > two.w1.upper,
        },
      };
    }
    return {
      quantity: '𝒯_lt of the target task (D_KL and W1 bounds in details)',
      kind: 'structure',
      value: one.T,
      sign: signOf(one.T),
      details: { kl: one.kl, w1: one.w1, transferability: one.T, dudley: 'γ_β ≤ 2 for every pair (bounded test functions): the Dudley half of Thm 2.2 cannot hold for δ > 2 (check fate.thm2.2/dudley)' },
    };
  },
});

/** Rank correlation (Spearman, average ranks for ties) and Pearson correlation, for the sweep report. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(ranks(x), ranks(y));
}

function ranks(v: readonly number[]): number[] {
  const idx = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(v.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
    for (let k = i; k <= j; k++) r[idx[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}
