import { describe, expect, it } from 'vitest';
import { gateSeed } from '../../../properties/seeds.ts';
import { explicitTestSet, runKouFast } from '../../ptransfer/sim/cell.ts';
import { replicateStreams } from '../../ptransfer/sim/data.ts';
import { cnnOutputs } from '../../ptransfer/sim/direct.ts';
import { materialize } from '../../ptransfer/sim/pool.ts';
import { expectVerdict, UNDECIDED_AT_GATE } from '../../testing.ts';

// One test per check at the gate seed ('test' budget: small regimes). Under issue 11's rules (α_c ≈ 1.6e-4,
// power ≥ 0.8 against δ in every regime) they are `inconclusive` at the gate budget (see ptransfer's checks.test.ts).
describe('kou checks', () => {
  it('kou.thm/loss', () => expectVerdict('kou.thm/loss', UNDECIDED_AT_GATE));
  it('kou.thm/monotone', () => expectVerdict('kou.thm/monotone', UNDECIDED_AT_GATE));
  it('kou.thm/constants', () => expectVerdict('kou.thm/constants', UNDECIDED_AT_GATE));
  it('kou.thm/paper', () => expectVerdict('kou.thm/paper', UNDECIDED_AT_GATE));
  // err − (p + 0.1) ≈ −0.01 … −0.08 at the gate seed (4 regimes, 8 replicates; per-replicate errors heavy-tailed, se up
  // to 0.037), so agreement is not guaranteed at every seed; with the level read without its floor it mismatches.
  it('kou.thm/benign-below-level', () => expectVerdict('kou.thm/benign-below-level', UNDECIDED_AT_GATE));
});

// The flipped-label model against its Bayes floor (Kou et al.: labels flipped with probability p, so no classifier beats
// error p against the observed label). kou.cell's Gaussian test error uses p + (1 − 2p)·err_clean with the *nominal* p,
// so it cannot see a wrong flip rate in the data generator; explicit test samples drawn by the same generator (drawLabels)
// can. On each test point the observed-label error is the clean-label error XOR the flip, so given the clean decisions
// E[err_obs] = p + (1 − 2p)·err_clean exactly, with per-point variance p(1 − p) (independent of the network). At a benign
// regime (n‖μ‖⁴/(σ_p⁴d) = 40·8⁴/1000 = 164 ≫ 1, d = 1000 ≫ n = 40, 500 GD steps: err_clean 0.003–0.015 over 20
// replicates at seeds 20261122, 101, 202; single replicates have a heavy tail up to 0.27) this is the error against the floor p.
// 20 seeds × 1000 test points at p = 0.2: se = √(0.16/20000) = 0.0028; tolerance 4 se = 0.011 (false failure 6e-5 at any
// seed). A flip rate 1.1p (0.22) moves the observed error by 0.1p(1 − 2err_clean) ≈ 0.0195 = 6.9 se, 2.9 se beyond the
// tolerance: caught with probability 0.998 at any seed. (≈ 2 s CPU: the explicit d = 1000 test points dominate.)
describe('kou.cell against the Bayes floor p', () => {
  it('error against the observed label = p + (1 − 2p)·err_clean on explicit test points (p = 0.2, benign regime)', () => {
    const p = { d: 1000, m: 5, n: 40, sigmaP: 1, muNorm: 8, flip: 0.2, eta: 0.1, sigma0: 0.01, T: 500, eps: 0, nTest: 10 };
    const seeds = 20;
    const N = 1000;
    const base = gateSeed();
    let obs = 0;
    let clean = 0;
    for (let k = 0; k < seeds; k++) {
      const r = runKouFast(p, base, k, { mode: 'explicit' });
      const E = r.pool.vectors!.subarray(0, 3 * p.d);
      const test = explicitTestSet(E, p.d, r.task, N, replicateStreams(base, k)('test.floor'));
      const f = cnnOutputs(materialize(r.pool, r.train.C), test.X1, test.X2, N, p.d, p.m);
      for (let i = 0; i < N; i++) {
        if (test.labels.y[i]! * f[i]! < 0) obs++;
        if (test.labels.yClean[i]! * f[i]! < 0) clean++;
      }
    }
    const errObs = obs / (seeds * N);
    const errClean = clean / (seeds * N);
    const se = Math.sqrt((p.flip * (1 - p.flip)) / (seeds * N));
    // Benign: near the floor, so this is "error ≈ p" (the bound leaves room for the heavy tail; the identity below is
    // what is tested, and it holds at any err_clean).
    expect(errClean).toBeLessThan(0.1);
    expect(Math.abs(errObs - (p.flip + (1 - 2 * p.flip) * errClean))).toBeLessThan(4 * se);
  }, 120_000);
});
