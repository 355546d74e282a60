import fc from 'fast-check';
import { Stream } from '../../../core/rng/stream.ts';
import type { Budget, CheckOptions, CheckResult, CheckSpec, RegimeRecord } from '../../../properties/check.ts';
import { replayCommand } from '../../../properties/replay.ts';
import type { SimSpec } from '../../../sim/sim.ts';
import type { Claim, Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { holdsAll } from '../theory/hypotheses.ts';
import { calibrate, predictAt, type Calibration } from './calibrate.ts';
import { ALPHA, fmt, mean } from './shared.ts';

/**
 * A bound with unknown constants fixes (i) that the constants exist non-vacuously — the regimes are
 * separated by S with a narrow gap between the sub-optimal and near-optimal regions — and (ii) that
 * constants calibrated on one set of regimes predict new ones. Design: n_cal regimes are drawn by
 * fast-check (seed = child of the check seed) and calibrated (calibrate.ts, point estimates of the error
 * over R replicates); n_hold further regimes (the check seed) are predicted and measured the same way.
 * A held-out regime *disagrees* when its point estimate falls on the wrong side of the predicted bound.
 * Calibration and held-out regimes are exchangeable, so if the bound's form holds each held-out regime
 * disagrees with probability ≤ 3/(n_cal + 1) (it would have to be the extreme point that moves 1/C_3,
 * 1/C_1 or C_2); the verdict is a one-sided binomial test of the disagreement count at level α. Because
 * that guarantee alone is weak, the check also requires coverage: at least half of the held-out regimes
 * must fall outside the gap (a sharp transition in S), otherwise the verdict is 'inconclusive'.
 */
function binomialUpperTail(k: number, n: number, p: number): number {
  let tail = 0;
  for (let j = k; j <= n; j++) {
    let logC = 0;
    for (let i = 0; i < j; i++) logC += Math.log(n - i) - Math.log(i + 1);
    tail += Math.exp(logC + j * Math.log(p) + (n - j) * Math.log1p(-p));
  }
  return Math.min(1, tail);
}

function calText(c: Calibration): string {
  return `calibrated on ${c.points} regimes: 1/C_3 = ${fmt(c.invC3)}, 1/C_1 = ${fmt(c.invC1)} (C_1 = ${fmt(c.C1)} < C_3 = ${fmt(c.C3)}), C_2 = ${c.C2 === null ? 'unconstrained' : fmt(c.C2)}, ${c.gapPoints} calibration regimes in the gap`;
}

/** What a bound claim's predict() gives the constants check: its statistic and the sub-optimal error level. */
export interface BoundPrediction {
  value: number;
  details: { subOptimalLevel: number };
}

export function constantsCheck<T extends { seed: number }>(o: {
  id: string;
  aliases: string[];
  /** The label of the calibration draws' seed stream: the check's first id, kept so the draws never change. */
  calibrationLabel: string;
  claim: Omit<Claim, 'predict'> & { predict(p: Params): Prediction & BoundPrediction };
  sim: SimSpec;
  title: string;
  arb: fc.Arbitrary<T>;
  toParams: (t: T) => Params;
  calibCount: Record<Budget, number>;
  runs: Record<Budget, number>;
}): CheckSpec {
  const reps: Record<Budget, number> = { test: 4, quick: 8, full: 16 };
  const ok = (t: T) => holdsAll(o.claim.hypotheses, o.toParams(t));
  const point = async (t: T, budget: Budget) => {
    const p = o.toParams(t);
    const pred = o.claim.predict(p);
    const e = (await o.sim.run(p, { seed: t.seed, draws: reps[budget] })).values;
    const m = mean(e);
    const sd = Math.sqrt(e.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, e.length - 1));
    const lvl = pred.details.subOptimalLevel - 0.1;
    return { S: pred.value, e: m - lvl, lvl, raw: m, se: sd / Math.sqrt(e.length), draws: e.length };
  };
  return {
    id: o.id,
    aliases: o.aliases,
    claim: o.claim,
    claimId: o.claim.id,
    simulations: [o.sim],
    title: o.title,
    runs: o.runs,
    async run(opts: CheckOptions): Promise<CheckResult> {
      const t0 = Date.now();
      const budget = opts.budget;
      const calSeed = Stream.childSeed(opts.seed, `${o.calibrationLabel}.calibration`);
      const calDraws = fc.sample(o.arb, { seed: calSeed, numRuns: o.calibCount[budget] * 3 }).filter(ok).slice(0, o.calibCount[budget]);
      const calPoints = [];
      for (const t of calDraws) calPoints.push(await point(t, budget));
      const cal = calibrate(calPoints);
      const runs = opts.runs ?? o.runs[budget];
      const held = fc.sample(o.arb, { seed: opts.seed, numRuns: runs });
      const indices = opts.path !== undefined ? [Number(opts.path.split(':')[0])] : held.map((_, i) => i);
      const records: RegimeRecord[] = [];
      const coverage: Record<string, number> = { 'sub-optimal': 0, 'near-optimal': 0, gap: 0 };
      let skipped = 0;
      let disagree = 0;
      let predicted = 0;
      for (const i of indices) {
        const t = held[i]!;
        if (!ok(t)) {
          skipped++;
          continue;
        }
        const pt = await point(t, budget);
        const pr = predictAt(cal, pt.S);
        coverage[pr.region] = (coverage[pr.region] ?? 0) + 1;
        let agrees = true;
        let statistic = `S = ${fmt(pt.S)} in the gap [${fmt(cal.invC3)}, ${fmt(cal.invC1)}]: no prediction`;
        if (pr.region !== 'gap') {
          predicted++;
          agrees = pr.region === 'sub-optimal' ? pt.e >= pr.bound : pt.e <= pr.bound;
          if (!agrees) disagree++;
          statistic = pr.region === 'sub-optimal' ? `error ≥ ${fmt(pr.bound + pt.lvl)} (S = ${fmt(pt.S)} ≤ 1/C_3)` : `error ≤ ${fmt(pr.bound + pt.lvl)} = p + min(0.1, exp(−C_2 S)) (S = ${fmt(pt.S)} ≥ 1/C_1)`;
        }
        records.push({
          params: { ...o.toParams(t), seed: t.seed },
          prediction: { quantity: 'test error', kind: 'bound', region: pr.region, value: pr.region === 'gap' ? undefined : pr.bound + pt.lvl, details: { S: pt.S } },
          measurement: { mean: pt.raw, stderr: pt.se, draws: pt.draws },
          statistic,
          ok: agrees,
          seed: opts.seed,
          path: String(i),
          replay: replayCommand({ checkId: o.id, seed: opts.seed, path: String(i), budget }),
          note: agrees ? undefined : 'disagrees with the calibrated bound',
        });
      }
      const pDis = Math.min(1, 3 / (cal.points + 1));
      const pValue = binomialUpperTail(disagree, predicted, pDis);
      const tested = records.length;
      const agreement = predicted ? (predicted - disagree) / predicted : NaN;
      let verdict: CheckResult['verdict'];
      let summary = `${calText(cal)}; held-out: ${predicted}/${tested} predicted (${coverage['sub-optimal']} sub-optimal, ${coverage['near-optimal']} near-optimal), agreement ${predicted ? (100 * agreement).toFixed(0) : '—'}% (${disagree} disagree; exchangeability bound ${pDis.toFixed(3)} per regime, binomial p = ${pValue.toPrecision(3)})`;
      if (tested === 0) {
        verdict = skipped ? 'out-of-hypotheses' : 'inconclusive';
        summary = `no regime tested (${skipped} skipped)`;
      } else if (!cal.consistent) {
        verdict = 'mismatch';
        summary = `no C_1 < C_3 consistent with the calibration regimes; ${summary}`;
      } else if (pValue <= ALPHA) {
        verdict = 'mismatch';
      } else if (opts.path === undefined && predicted < tested / 2) {
        verdict = 'inconclusive';
        summary = `fewer than half of the held-out regimes are outside the gap; ${summary}`;
      } else verdict = 'conforms';
      if (skipped) summary += `; ${skipped} draws outside Condition 4.1 skipped`;
      return {
        checkId: o.id,
        claimId: o.claim.id,
        title: o.title,
        verdict,
        summary,
        records,
        stats: { test: 'calibrate C_1, C_2, C_3 on fast-check regimes; one-sided binomial test of held-out disagreements against the exchangeability bound 3/(n_cal+1)', alpha: ALPHA, correction: 'none' },
        seed: opts.seed,
        replay: replayCommand({ checkId: o.id, seed: opts.seed, budget }),
        coverage,
        elapsedMs: Date.now() - t0,
      };
    },
  };
}
