/**
 * The files `ttc init <paper-id>` writes: a paper checking one classical exact result, the expected excess
 * risk of ordinary least squares with a Gaussian design, σ²d/(n − d − 1). Plain JavaScript with JSDoc types
 * (`// @ts-check`) by default, TypeScript with `--ts`. Kept as strings in a module (not as files) so the
 * built package carries them inside dist/ with no copy step.
 *
 * The numbers are chosen so that `ttc check` conforms as generated, decisively and fast: with n = d + 1 + m,
 * m in [5, 9], a typo of the denominator (n − d for n − d − 1) moves the prediction by 1/m ≥ 11 %, above the
 * declared deviation of 10 %; the per-draw risk (an inverse-Wishart trace) has a coefficient of variation
 * ≤ 1.3 for d ≥ 3, so 6000 draws give power ≥ 0.8 against 10 % at the per-regime level 0.001/4 with margin.
 */

export interface TemplateOptions {
  /** The paper id (also the prefix of every id). */
  id: string;
  /** TypeScript instead of JavaScript. */
  ts: boolean;
  /** File extension of the source files: 'js', 'mjs' (a project without "type": "module") or 'ts'. */
  ext: 'js' | 'mjs' | 'ts';
}

export interface TemplateFile {
  /** Relative to the paper folder. */
  name: string;
  text: string;
}

export function olsTemplate(o: TemplateOptions): TemplateFile[] {
  const { id, ts, ext } = o;
  const check = ts ? '' : '// @ts-check\n';
  const imp = (f: string) => `./${f}.${ext}`;
  const claim = `${check}import { defineClaim } from 'transfer-theory-checker';

/** The parameters shared by the claim and the simulation (names, symbols, domains). */
export const olsParams = [
  { name: 'n', symbol: 'n', description: 'number of samples', domain: { min: 2, integer: true } },
  { name: 'd', symbol: 'd', description: 'number of features', domain: { min: 1, integer: true } },
  { name: 'sigma', symbol: 'σ', description: 'noise standard deviation', domain: { min: 0 } },
];

/**
 * Ordinary least squares on a Gaussian design: x ~ N(0, I_d), y = xᵀβ + ε with ε ~ N(0, σ²), n samples and
 * n > d + 1. The expected excess risk of the fitted β̂ (the mean of an inverse Wishart trace) is exact at
 * every finite size:
 *   E[(x₀ᵀβ̂ − x₀ᵀβ)²] = E‖β̂ − β‖² = σ²d / (n − d − 1).
 */
export const olsRisk = defineClaim({
  id: '${id}.ols-risk',
  paper: '${id}',
  title: 'Expected excess risk of least squares with a Gaussian design',
  source: {
    paper: '${id}',
    ref: 'classical (mean of the inverse Wishart distribution)',
    statement: 'E‖β̂ − β‖² = σ²d/(n − d − 1) for x ~ N(0, I_d) and n > d + 1',
    provenance: 'printed',
  },
  params: olsParams,
  hypotheses: [{ id: 'n>d+1', text: 'n > d + 1 (otherwise the expectation is infinite)', holds: (p) => p.n${ts ? '!' : ''} > p.d${ts ? '!' : ''} + 1 }],
  regime: { kind: 'exact' },
  predict(p) {
    const { n, d, sigma } = p${ts ? ' as { n: number; d: number; sigma: number }' : ''};
    return { quantity: 'E‖β̂ − β‖²', kind: 'value', value: (sigma ** 2 * d) / (n - d - 1) };
  },
});
`;

  const sim = `${check}import { defineSimulation, measurement, Stream } from 'transfer-theory-checker';
import { olsParams } from '${imp('claim')}';

/**
 * One draw: X (n × d) and the noise from the stream, y = Xβ + σε, β̂ by least squares (the normal equations
 * XᵀX β̂ = Xᵀy, solved by Cholesky), and the excess risk ‖β̂ − β‖² (= E over a new x ~ N(0, I_d)).
 *${ts ? '/' : `
 * @param {Stream} s
 * @param {number} n
 * @param {number} d
 * @param {number} sigma
 * @returns {number}
 */`}
function excessRisk(s${ts ? ': Stream' : ''}, n${ts ? ': number' : ''}, d${ts ? ': number' : ''}, sigma${ts ? ': number' : ''})${ts ? ': number' : ''} {
  const beta = new Float64Array(d).fill(1 / Math.sqrt(d));
  const A = new Float64Array(d * d);
  const b = new Float64Array(d);
  const x = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let y = sigma * s.normal();
    for (let j = 0; j < d; j++) {
      x[j] = s.normal();
      y += x[j]${ts ? '!' : ''} * beta[j]${ts ? '!' : ''};
    }
    for (let j = 0; j < d; j++) {
      b[j]${ts ? '!' : ''} += x[j]${ts ? '!' : ''} * y;
      for (let k = 0; k <= j; k++) A[j * d + k]${ts ? '!' : ''} += x[j]${ts ? '!' : ''} * x[k]${ts ? '!' : ''};
    }
  }
  // Cholesky A = LLᵀ in place (lower triangle), then L z = b and Lᵀ β̂ = z.
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < j; k++) A[j * d + j]${ts ? '!' : ''} -= A[j * d + k]${ts ? '!' : ''} ** 2;
    A[j * d + j] = Math.sqrt(A[j * d + j]${ts ? '!' : ''});
    for (let i = j + 1; i < d; i++) {
      for (let k = 0; k < j; k++) A[i * d + j]${ts ? '!' : ''} -= A[i * d + k]${ts ? '!' : ''} * A[j * d + k]${ts ? '!' : ''};
      A[i * d + j]${ts ? '!' : ''} /= A[j * d + j]${ts ? '!' : ''};
    }
  }
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) b[i]${ts ? '!' : ''} -= A[i * d + k]${ts ? '!' : ''} * b[k]${ts ? '!' : ''};
    b[i]${ts ? '!' : ''} /= A[i * d + i]${ts ? '!' : ''};
  }
  let risk = 0;
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) b[i]${ts ? '!' : ''} -= A[k * d + i]${ts ? '!' : ''} * b[k]${ts ? '!' : ''};
    b[i]${ts ? '!' : ''} /= A[i * d + i]${ts ? '!' : ''};
    risk += (b[i]${ts ? '!' : ''} - beta[i]${ts ? '!' : ''}) ** 2;
  }
  return risk;
}

/** Seeded: draw k of a run uses the k-th independent stream of the seed, so a (seed, draws) pair replays. */
export const olsSim = defineSimulation({
  id: '${id}.ols',
  paper: '${id}',
  title: 'Least squares on a Gaussian design: excess risk',
  quantity: '‖β̂ − β‖²',
  params: olsParams,
  defaultDraws: 1000,
  run(p, { seed, draws }) {
    const { n, d, sigma } = p${ts ? ' as { n: number; d: number; sigma: number }' : ''};
    const values = Stream.replicates(seed, draws).map((s) => excessRisk(s, n, d, sigma));
    return measurement({ simId: '${id}.ols', quantity: '‖β̂ − β‖²', values, seed, params: p });
  },
});
`;

  const checkFile = `${check}import { defineCheck, estimate, int, real, regime, simSeed } from 'transfer-theory-checker';
import { olsRisk } from '${imp('claim')}';
import { olsSim } from '${imp('simulation')}';

/** Independent draws per regime and budget (the power computation below says why this many). */
const DRAWS = { test: 6000, quick: 6000, full: 8000 };

/**
 * The simulated excess risk equals σ²d/(n − d − 1). Regimes: d in [3, 10] features, n = d + 1 + m samples
 * with m in [5, 9] (close to the pole at n = d + 1, where the formula's shape matters most), σ in [0.5, 2];
 * the simulation seed is part of the drawn value, so one regime replays from its token.
 */
export const olsRiskEqual = defineCheck({
  id: '${id}.ols-risk/equal',
  claim: olsRisk,
  simulations: [olsSim],
  title: 'Simulated least-squares excess risk equals σ²d/(n − d − 1)',
  arbitrary: regime({ d: int(3, 10), m: int(5, 9), sigma: real(0.5, 2, 30), seed: simSeed }),
  runs: { test: 4, quick: 8, full: 20 },
  compare: 'equal',
  // This check's share of the run's false-failure rate (Holm across its regimes): with k checks at 0.001
  // each, a run of them fails by chance with probability at most k · 0.001.
  level: 0.001,
  // The smallest deviation that matters: 10 % of the predicted risk. An error in the formula's shape near
  // the pole is larger here — n − d in place of n − d − 1 moves it by 1/m ≥ 11 % for m ≤ 9.
  detect: { rel: 0.1, reason: '10 % of the predicted risk: an off-by-one in the denominator moves it by ≥ 11 % for n − d − 1 ≤ 9' },
  // The per-draw risk is right-skewed (an inverse-Wishart trace): Johnson's skewness-corrected t.
  skewCorrected: true,
  params: (v) => ({ n: v.d + 1 + v.m, d: v.d, sigma: v.sigma }),
  evaluate(v) {
    const p = { n: v.d + 1 + v.m, d: v.d, sigma: v.sigma };
    if (!olsRisk.hypotheses.every((h) => h.holds(p))) return { skip: 'n ≤ d + 1', outOfHypotheses: true };
    const prediction = olsRisk.predict(p);
    return { prediction, target: ${ts ? 'prediction.value!' : '/** @type {number} */ (prediction.value)'}, statistic: \`E‖β̂ − β‖² as \${olsRisk.id} predicts it at n = \${p.n}, d = \${p.d}, σ = \${p.sigma}\` };
  },
  async measure(v, budget) {
    const m = await olsSim.run({ n: v.d + 1 + v.m, d: v.d, sigma: v.sigma }, { seed: v.seed, draws: DRAWS[budget] });
    return estimate(m.values);
  },
});
`;

  const paper = `${check}import { definePaper } from 'transfer-theory-checker';
import { olsRisk } from '${imp('claim')}';
import { olsSim } from '${imp('simulation')}';
import { olsRiskEqual } from '${imp('check')}';

/** The paper: what ttc.config.mjs lists, and what \`ttc list / check / report\` and the test run. */
export default definePaper({
  id: '${id}',
  title: 'Least squares on a Gaussian design',
  source: { authors: 'classical', title: 'Expected risk of ordinary least squares', reference: 'e.g. Anderson, An Introduction to Multivariate Statistical Analysis (inverse Wishart mean)' },
  claims: [olsRisk],
  simulations: [olsSim],
  checks: [olsRiskEqual],
});
`;

  const test = `import { describePaper } from 'transfer-theory-checker/vitest';
import paper from '${imp('paper')}';

// One test per check: each must conform (a recorded deviation must still reproduce); a failure prints the
// \`npx ttc replay <token>\` command that re-runs it. The seed is the gate's (TTC_SEED=… to rotate it).
describePaper(paper);
`;

  return [
    { name: `claim.${ext}`, text: claim },
    { name: `simulation.${ext}`, text: sim },
    { name: `check.${ext}`, text: checkFile },
    { name: `paper.${ext}`, text: paper },
    { name: `paper.test.${ext}`, text: test },
  ];
}
