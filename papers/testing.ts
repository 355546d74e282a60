import { expect } from 'vitest';
import type { CheckResult, CheckSpec, Verdict } from '../properties/check.ts';
import type { Claim, Prediction } from '../theory/claim.ts';
import type { Params } from '../core/params.ts';
import { getCheck } from './registry.ts';
import { GATE_SEED, gateSeed } from '../properties/seeds.ts';

/**
 * Runs a registered check at the gate's fixed seed and asserts its verdict. The evidence is logged on
 * pass and on fail (as neural-tangents' test utilities do), with the command that replays it.
 */
/**
 * A check whose power at the gate budget does not guarantee a decision at every seed: the gate asserts that it
 * never reports a mismatch, and accepts either of the verdicts its design allows (the verdict's summary says how
 * many draws would decide it). Used instead of pinning `inconclusive`, which a luckier seed would break.
 */
export const UNDECIDED_AT_GATE: readonly Verdict[] = ['inconclusive', 'conforms'];

export async function expectVerdict(checkId: string, expected: Verdict | readonly Verdict[], runs?: number): Promise<CheckResult> {
  const seed = gateSeed();
  const res = await getCheck(checkId).run({ seed, budget: 'test', runs });
  const lines = [
    `[${res.verdict}] ${checkId} (seed ${seed}, ${res.records.length} regimes, ${res.elapsedMs} ms): ${res.summary}`,
    `  stats: ${res.stats.test}; α = ${res.stats.alpha} (${res.stats.correction})${res.stats.power ? `; ${res.stats.power}` : ''}`,
  ];
  if (res.coverage) lines.push(`  coverage: ${JSON.stringify(res.coverage)}`);
  const worst = [...res.records].sort((a, b) => (a.adjustedP ?? (a.ok ? 1 : 0)) - (b.adjustedP ?? (b.ok ? 1 : 0)))[0];
  if (worst) lines.push(`  closest regime: ${JSON.stringify(worst.params)} sim ${worst.measurement.mean.toPrecision(6)} ± ${worst.measurement.stderr.toPrecision(2)} vs ${worst.statistic}${worst.adjustedP !== undefined ? `, adj. p = ${worst.adjustedP.toPrecision(3)}` : ''}`);
  if (res.counterexample) lines.push(`  counterexample: ${JSON.stringify(res.counterexample.params)} — replay: ${res.counterexample.replay}`);
  lines.push(`  replay the check: ${res.replay}`);
  console.log(lines.join('\n'));
  const allowed: readonly Verdict[] = typeof expected === 'string' ? [expected] : expected;
  expect(allowed, `${checkId}: ${res.summary}\nreplay: ${res.counterexample?.replay ?? res.replay}`).toContain(res.verdict);
  return res;
}

/**
 * A check's verdict with a typo planted in its claim's printed statement, as if the paper had printed it: the
 * claim's predict is wrapped so that only the printed part (value or details) changes — the finite-size form
 * stays — and restored afterwards. Run at the gate's fixed seed (a unit test of what the check can reject).
 */
export async function verdictWithTypo(check: CheckSpec, claim: Claim, typo: (pred: Prediction, p: Params) => Prediction): Promise<string> {
  const original = claim.predict;
  (claim as { predict: Claim['predict'] }).predict = (p) => typo(original(p), p);
  try {
    return (await check.run({ seed: GATE_SEED, budget: 'test' })).verdict;
  } finally {
    (claim as { predict: Claim['predict'] }).predict = original;
  }
}
