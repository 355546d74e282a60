import fc from 'fast-check';
import { Stream } from '../../../core/rng/stream.ts';
import { normalCdf, normalQuantile, holmAdjust, powerOneSided, studentTwoSidedP } from '../../../core/stats/index.ts';
import { POWER_TARGET } from '../../../core/levels.ts';
import type { Budget, CheckOptions, CheckResult, CheckSpec, RegimeRecord } from '../../../properties/check.ts';
import { replayCommand } from '../../../properties/replay.ts';
import { resolveLevels } from '../../../properties/runner.ts';
import type { SimSpec } from '../../../sim/sim.ts';
import type { Claim, Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { holdsAll } from '../theory/hypotheses.ts';
import { fmt, mean } from './shared.ts';
import { calibrateThresholds, decides, placeAcrossThresholds } from './calibrate.ts';

/**
 * A bound with unknown constants ("S ≥ 1/C_1 ⇒ error ≤ exp(−C_2 S); S ≤ 1/C_3 ⇒ error ≥ 0.1") fixes three
 * things a wrong statistic fails, each a test at the check's level α_c (Holm across the parts):
 *  (a) order: over n regimes, the error falls with the printed S — Kendall's τ between S and the measured
 *      error, one-sided z-test under independence (var τ = 2(2n+5)/(9n(n−1))); declared rate: τ = −0.5,
 *      i.e. the error falls with S in 3 of 4 regime pairs. τ significantly > 0 rejects (e.g. d misplaced).
 *  (b) exponents: for each typo-sized perturbation S′ of the printed statistic (one exponent moved by one
 *      step), pairs (A, B) are built where B changes that ingredient and d is rescaled so that S and S′
 *      move in opposite directions by the same factor. The bound orders err(A) and err(B) only when one
 *      member has S ≤ 1/C_3 (error ≥ 0.1) and the other S ≥ 1/C_1 (error ≤ exp(−C_2 S)); between the
 *      thresholds, or with both on one side, it says nothing (calibrate.ts). So each pair is moved as a
 *      whole along d (S, S′ ∝ 1/d keep their ratios) to straddle the thresholds estimated from (a)/(c)'s
 *      regimes, and tested only where it then straddles them: there the printed statistic predicts the
 *      sign of err(B) − err(A), the perturbed one the other; a paired one-sided t-test on each pair confirms
 *      or rejects (declared δ: core/levels.ts). A planted α in place of α² makes the printed side wrong.
 *  (c) thresholds: the constants separate near-optimal (error ≤ level/2) from sub-optimal (error ≥ level)
 *      regimes with a margin: AUC of S between the two groups; claimed ≥ AUC_CLAIM (at most 10% of
 *      (sub, near) pairs inverted), rejected when significantly below (Hanley–McNeil standard error),
 *      confirmed when significantly above 1/2; the calibrated 1/C_3 < 1/C_1 and their ratio are reported.
 * A wrong statistic that passes one part fails another: tests in constants.test.ts plant each kind.
 */
export const TAU_DETECT = -0.5;
export const AUC_CLAIM = 0.9;
export const AUC_DETECT = 0.75;
export const MIN_MOVE = 1.3;

/** A typo-sized change of the printed statistic, and how a discriminating pair moves its ingredient. */
export interface StatisticPerturbation {
  name: string;
  /** The parameter a discriminating pair changes. */
  ingredient: string;
  /** The perturbed statistic at a parameter point, from the (printed or planted) claim's prediction. */
  statistic(p: Params, claim: BoundClaim): number;
}

export interface BoundPrediction {
  value: number;
  details: { subOptimalLevel: number };
}

export type BoundClaim = Omit<Claim, 'predict'> & { predict(p: Params): Prediction & BoundPrediction };

export interface PairDesign<P> {
  arb: fc.Arbitrary<P>;
  /** Pair (A, B) discriminating the printed statistic from `pert`, or null if it leaves the hypotheses. */
  build(t: P, pert: StatisticPerturbation, claim: BoundClaim): [Params, Params] | null;
  seed(t: P): number;
  count: Record<Budget, number>;
  reps: Record<Budget, number>;
  perturbations: Record<Budget, readonly StatisticPerturbation[]>;
  /**
   * The id of a recorded check that owns this pair (its region is the record's, tested there), or undefined:
   * the generic part (b) then skips it — as monotone-paper leaves the weak-‖u‖ reversal pairs to the Fig 1 records.
   */
  leftTo?(pert: StatisticPerturbation, a: Params, b: Params): string | undefined;
}

/** Kendall's τ_b between x and y. */
export function kendallTau(x: readonly number[], y: readonly number[]): number {
  let c = 0;
  let tx = 0;
  let ty = 0;
  let n0 = 0;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) {
      const a = Math.sign(x[i]! - x[j]!);
      const b = Math.sign(y[i]! - y[j]!);
      n0++;
      if (a === 0) tx++;
      if (b === 0) ty++;
      c += a * b;
    }
  const den = Math.sqrt((n0 - tx) * (n0 - ty));
  return den > 0 ? c / den : 0;
}

/** AUC = P(S_near > S_sub) (ties count 1/2) and its Hanley–McNeil standard error at a given AUC. */
export function auc(near: readonly number[], sub: readonly number[]): number {
  let s = 0;
  for (const a of near) for (const b of sub) s += a > b ? 1 : a === b ? 0.5 : 0;
  return s / (near.length * sub.length);
}
export function aucSe(A: number, n1: number, n2: number): number {
  const q1 = A / (2 - A);
  const q2 = (2 * A * A) / (1 + A);
  return Math.sqrt(Math.max(1e-12, (A * (1 - A) + (n1 - 1) * (q1 - A * A) + (n2 - 1) * (q2 - A * A)) / (n1 * n2)));
}

interface PartTest {
  name: string;
  /** p-value of "the claim fails here" and of "the claim is confirmed here". */
  pWrong: number;
  pConfirm: number;
  power: (level: number) => number;
  record: RegimeRecord;
}

export function constantsCheck<T extends { seed: number }, P = never>(o: {
  id: string;
  aliases: string[];
  /** The label of the regimes' seed stream: the check's first id, kept so the draws never change. */
  calibrationLabel: string;
  claim: BoundClaim;
  sim: SimSpec;
  title: string;
  arb: fc.Arbitrary<T>;
  toParams: (t: T) => Params;
  /** Regimes for the order and threshold parts. */
  count: Record<Budget, number>;
  reps: Record<Budget, number>;
  pairs?: PairDesign<P>;
}): CheckSpec {
  const ok = (p: Params) => holdsAll(o.claim.hypotheses, p);
  const measureAt = async (p: Params, seed: number, R: number) => (await o.sim.run(p, { seed, draws: R })).values;
  const spec: CheckSpec = {
    id: o.id,
    aliases: o.aliases,
    claim: o.claim as unknown as Claim,
    claimId: o.claim.id,
    simulations: [o.sim],
    title: o.title,
    runs: o.count,
    async run(opts: CheckOptions): Promise<CheckResult> {
      const t0 = Date.now();
      const budget = opts.budget;
      const lv = resolveLevels({ id: o.id, aliases: o.aliases, compare: 'sign' });
      const base = { seed: opts.seed, path: '0', replay: replayCommand({ checkId: o.id, seed: opts.seed, budget }) };
      const regSeed = Stream.childSeed(opts.seed, `${o.calibrationLabel}.calibration`);
      const n = opts.runs ?? o.count[budget];
      const draws = fc.sample(o.arb, { seed: regSeed, numRuns: n * 3 }).filter((t) => ok(o.toParams(t))).slice(0, n);
      const pts: { S: number; e: number; se: number; level: number; p: Params }[] = [];
      for (const t of draws) {
        const p = o.toParams(t);
        const pred = o.claim.predict(p);
        const v = await measureAt(p, t.seed, o.reps[budget]);
        const floor = pred.details.subOptimalLevel - 0.1;
        const m = mean(v) - floor;
        const sd = Math.sqrt(v.reduce((a, x) => a + (x - m - floor) ** 2, 0) / Math.max(1, v.length - 1));
        pts.push({ S: pred.value, e: m, se: sd / Math.sqrt(v.length), level: 0.1, p: { ...p, seed: t.seed } });
      }
      const tests: PartTest[] = [];
      const N = pts.length;
      if (N >= 4) {
        // (a) order
        const tau = kendallTau(pts.map((q) => q.S), pts.map((q) => q.e));
        const sd0 = Math.sqrt((2 * (2 * N + 5)) / (9 * N * (N - 1)));
        const z = tau / sd0;
        tests.push({
          name: 'order',
          pWrong: 1 - normalCdf(z),
          pConfirm: normalCdf(z),
          power: (lvl) => normalCdf(-TAU_DETECT / sd0 - normalQuantile(1 - lvl)),
          record: {
            ...base,
            params: { regimes: N },
            prediction: { quantity: "Kendall's τ between S and the error over the regimes", kind: 'sign', sign: -1 },
            measurement: { mean: tau, stderr: sd0, draws: N },
            statistic: `(a) Kendall τ(S, error) < 0 over ${N} regimes (declared rate τ = ${TAU_DETECT})`,
            target: -1,
            ok: true,
          },
        });
        // (c) thresholds
        const near = pts.filter((q) => q.e <= q.level / 2);
        const sub = pts.filter((q) => q.e >= q.level);
        if (near.length >= 2 && sub.length >= 2) {
          const A = auc(near.map((q) => q.S), sub.map((q) => q.S));
          const seClaim = aucSe(AUC_CLAIM, near.length, sub.length);
          const seHalf = aucSe(0.5, near.length, sub.length);
          const invC3 = Math.max(...sub.map((q) => q.S));
          const invC1 = Math.min(...near.map((q) => q.S));
          tests.push({
            name: 'thresholds',
            pWrong: normalCdf((A - AUC_CLAIM) / seClaim),
            pConfirm: 1 - normalCdf((A - 0.5) / seHalf),
            power: (lvl) => normalCdf((AUC_CLAIM - AUC_DETECT) / seClaim - normalQuantile(1 - lvl)),
            record: {
              ...base,
              params: { near: near.length, sub: sub.length, invC3, invC1 },
              prediction: { quantity: 'AUC of S between near-optimal and sub-optimal regimes', kind: 'bound', value: AUC_CLAIM },
              measurement: { mean: A, stderr: seClaim, draws: near.length + sub.length },
              statistic: `(c) AUC(S: ${near.length} near-optimal vs ${sub.length} sub-optimal) ≥ ${AUC_CLAIM}; largest sub-optimal S = ${fmt(invC3)}, smallest near-optimal S = ${fmt(invC1)}${invC3 < invC1 ? ` (1/C_3 < 1/C_1, margin ×${fmt(invC1 / invC3)})` : ' (not separated)'}`,
              target: AUC_CLAIM,
              ok: true,
            },
          });
        }
      }
      // (b) exponents: discriminating pairs
      const delta = lv.detect?.abs ?? 0;
      // The estimated thresholds (from the regimes above; none measured ⇒ the bound orders no pair).
      const cal = calibrateThresholds(pts);
      let undecided = 0;
      const leftTo = new Map<string, number>();
      // Where the estimates overlap (a sub-optimal regime at a larger S than a near-optimal one) the sample locates no
      // interval where the bound is silent, and moving a pair "across" them only pushes it to where both errors sit at
      // their floor (Kou at the gate seed: 1/C_3 = 13.3 > 1/C_1 = 1.74; pairs built at S ≈ 0.5–2 were moved to S ≈ 5, and
      // under the planted n² for n the pair that had rejected it, −0.079, gave +0.013): there the pair is tested where
      // drawn — the prediction contest of issue 11 item 4. Where the sample does locate the interval (1/C_3 < 1/C_1, as
      // for Thm 4.2 at seeds 1919 and 10202) pairs are placed across it and tested only there.
      const gap = cal !== null && cal.invC3 < cal.invC1;
      if (o.pairs && cal) {
        const d = o.pairs;
        const pairDraws = fc.sample(d.arb, { seed: Stream.childSeed(opts.seed, `${o.calibrationLabel}.pairs`), numRuns: Math.max(40, d.count[budget] * 40) });
        for (const pert of d.perturbations[budget]) {
          let k = 0;
          for (const t of pairDraws) {
            if (k >= d.count[budget]) break;
            const built = d.build(t, pert, o.claim);
            if (!built || !ok(built[0]) || !ok(built[1])) continue;
            const pr = gap ? placeAcrossThresholds(built, o.claim.predict(built[0]).value, o.claim.predict(built[1]).value, cal) : built;
            if (!ok(pr[0]) || !ok(pr[1])) continue;
            const [pa, pb] = pr;
            const sA = o.claim.predict(pa).value;
            const sB = o.claim.predict(pb).value;
            // As in the monotone checks: a pair discriminates only where S moves by ≥ 30%; and the bound orders
            // the two errors only across its thresholds (one member ≤ 1/C_3, the other ≥ 1/C_1).
            if (Math.max(sA, sB) < MIN_MOVE * Math.min(sA, sB)) continue;
            if (gap && !decides(sA, sB, cal)) {
              undecided++;
              continue;
            }
            const owner = d.leftTo?.(pert, pa, pb);
            if (owner) {
              leftTo.set(owner, (leftTo.get(owner) ?? 0) + 1);
              continue;
            }
            k++;
            const sign = sB > sA ? -1 : 1; // printed: the error falls where S rises
            const ea = await measureAt(pa, d.seed(t), d.reps[budget]);
            const eb = await measureAt(pb, d.seed(t), d.reps[budget]);
            const diff = eb.map((x, i) => x - ea[i]!);
            const m = mean(diff);
            const se = Math.sqrt(diff.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, diff.length - 1) / diff.length);
            const df = diff.length - 1;
            const oneSided = (s: number) => {
              if (!(se > 0)) return 1;
              const tt = (s * m) / se;
              const two = studentTwoSidedP(tt, df);
              return tt > 0 ? two / 2 : 1 - two / 2;
            };
            tests.push({
              name: pert.name,
              pWrong: oneSided(-sign),
              pConfirm: oneSided(sign),
              power: (lvl) => powerOneSided(delta, se, df, lvl),
              record: {
                ...base,
                params: { ...pb, seed: d.seed(t) },
                prediction: { quantity: 'err(B) − err(A)', kind: 'sign', sign, details: { S_A: sA, S_B: sB, invC3: cal.invC3, invC1: cal.invC1, perturbedA: pert.statistic(pa, o.claim), perturbedB: pert.statistic(pb, o.claim) } },
                measurement: { mean: m, stderr: se, draws: diff.length },
                statistic: `(b) vs ${pert.name}: S ${fmt(sA)} → ${fmt(sB)} (across 1/C_3 = ${fmt(cal.invC3)}, 1/C_1 = ${fmt(cal.invC1)}) predicts err(B) − err(A) ${sign > 0 ? '> 0' : '< 0'}; perturbed ${fmt(pert.statistic(pa, o.claim))} → ${fmt(pert.statistic(pb, o.claim))} the opposite (err ${fmt(mean(ea))} → ${fmt(mean(eb))})`,
                target: sign,
                ok: true,
              },
            });
          }
        }
      }
      const adjW = holmAdjust(tests.map((x) => x.pWrong));
      const adjC = holmAdjust(tests.map((x) => x.pConfirm));
      const per = lv.level / Math.max(1, tests.length);
      const powers = tests.map((x) => x.power(per));
      tests.forEach((x, i) => {
        x.record.adjustedP = adjW[i];
        x.record.confirmedP = adjC[i];
        x.record.power = powers[i];
        x.record.ok = adjW[i]! > lv.level;
        x.record.path = String(i);
      });
      const failing = tests.filter((x) => !x.record.ok);
      const unconfirmed = tests.filter((_, i) => !(adjC[i]! <= lv.level));
      const lowPower = tests.filter((_, i) => !(powers[i]! >= POWER_TARGET));
      const lvText = `α_c = ${lv.level.toExponential(2)} (Holm over ${tests.length} tests)`;
      let verdict: CheckResult['verdict'];
      let summary: string;
      const names = (xs: PartTest[]) => xs.map((x) => x.name).join(', ');
      if (tests.length === 0) {
        verdict = 'inconclusive';
        summary = `no test possible (${N} regimes inside the hypotheses)`;
      } else if (failing.length) {
        verdict = 'mismatch';
        summary = `the printed statistic fails: ${names(failing)} at ${lvText}`;
      } else if (!lv.detect) {
        verdict = 'inconclusive';
        summary = 'no declared deviation for the discriminating pairs';
      } else if (unconfirmed.length || lowPower.length) {
        verdict = 'inconclusive';
        summary = `not decided at ${lvText}: ${unconfirmed.length ? `unconfirmed ${names(unconfirmed)}` : ''}${unconfirmed.length && lowPower.length ? '; ' : ''}${lowPower.length ? `power < ${POWER_TARGET} in ${names(lowPower)}` : ''}`;
      } else {
        verdict = 'conforms';
        summary = `order, thresholds and every discriminating pair confirmed at ${lvText}; power ≥ ${Math.min(...powers).toFixed(2)}`;
      }
      summary += `; ${tests.map((x) => `${x.name}: ${x.record.measurement.mean.toPrecision(3)}`).join(', ')}`;
      if (o.pairs) summary += cal ? `; ${gap ? 'pairs across' : 'estimated thresholds overlap, pairs tested where drawn:'} 1/C_3 = ${fmt(cal.invC3)}, 1/C_1 = ${fmt(cal.invC1)} (${undecided} not straddling them skipped${[...leftTo].map(([id, c]) => `, ${c} left to ${id}`).join('')})` : '; no pair tested: no regime measured both sub- and near-optimal to place the thresholds';
      return {
        checkId: o.id,
        claimId: o.claim.id,
        title: o.title,
        verdict,
        summary,
        records: tests.map((x) => x.record),
        stats: {
          test: "(a) Kendall τ order test, (b) paired one-sided t-tests on pairs discriminating S from perturbed statistics, (c) AUC threshold separation (Hanley–McNeil); Holm across all",
          alpha: lv.level,
          correction: 'holm',
          detect: lv.detect ? `${lv.detect.abs} (${lv.detect.reason}); τ = ${TAU_DETECT}; AUC ${AUC_DETECT} against ${AUC_CLAIM}` : undefined,
          minPower: powers.length ? Math.min(...powers) : undefined,
        },
        seed: opts.seed,
        replay: replayCommand({ checkId: o.id, seed: opts.seed, budget }),
        elapsedMs: Date.now() - t0,
      };
    },
  };
  return spec;
}
