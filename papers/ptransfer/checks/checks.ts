import fc from 'fast-check';
import type { Budget, CheckOptions, CheckResult, CheckSpec, KnownDeviation, RegimeRecord } from '../../../properties/check.ts';
import { replayCommand } from '../../../properties/replay.ts';
import { defineProperty, estimate } from '../../../properties/runner.ts';
import { Stream } from '../../../core/rng/stream.ts';
import { runBaselineFast, runCellFast, runKouFast, type CellParams, type KouParams } from '../sim/cell.ts';
import { condition41Kou, condition41Limits, DEFAULT_COND41 } from '../theory/condition41.ts';
import { alphaZeroReduction, baselineStatistic, gamma, kouStatistic, negativeTransferSides, transferStatistic } from '../theory/formulas.ts';
import { calibrate, predictAt, type Calibration } from './calibrate.ts';
import { DELTA, EPS, inside, insideDrawArb, insideRegime, paperDrawArb, paperRegime, r4, region, replicates, targetSignal2, TCAP, type InsideDraw, type PaperDraw } from './regimes.ts';

const ALPHA = 0.01;
// Generous time limits so that the runner's evaluation cap, not the machine's speed, ends shrinking (deterministic reports).
const SHRINK = { test: 60_000, quick: 180_000, full: 600_000 };

// ---------------------------------------------------------------------------------------------------
// Measurements (the simulation never sees the formula; the property compares)

interface CellDraws {
  errT: number[];
  errB: number[];
  lossUp: number[];
  lossT: number[];
  lossB: number[];
}

function cells(p: CellParams, seed: number, R: number): CellDraws {
  const out: CellDraws = { errT: [], errB: [], lossUp: [], lossT: [], lossB: [] };
  for (let k = 0; k < R; k++) {
    const r = runCellFast(p, seed, k);
    out.errT.push(r.errTransfer);
    out.errB.push(r.errBaseline);
    out.lossUp.push(r.lossUp.final);
    out.lossT.push(r.lossTransfer.final);
    out.lossB.push(r.lossBaseline.final);
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : String(x));
const stat = (p: CellParams) => transferStatistic(p);
const bstat = (p: CellParams) => baselineStatistic(p);

/** Paired err_T − err_B over R replicates (negative transfer: predicted > 0). */
function transferMinusBaseline(p: CellParams, seed: number, R: number) {
  const c = cells(p, seed, R);
  return estimate(c.errT.map((e, i) => e - c.errB[i]!), `err_T ${fmt(mean(c.errT))}, err_B ${fmt(mean(c.errB))}`);
}

/** max(err_T, err_B) − the near-optimal level over R replicates (Prop 4.4 "both": predicted < 0). */
function worseArmAboveNearOptimal(p: CellParams, seed: number, R: number) {
  const c = cells(p, seed, R);
  return estimate(c.errT.map((e, i) => Math.max(e, c.errB[i]!) - PROP44.nearOptimal), `err_T ${fmt(mean(c.errT))}, err_B ${fmt(mean(c.errB))}`);
}

function withShared(a: CellParams, b: CellParams): [CellParams, CellParams] {
  // Shared η, σ_0 (the smaller limit of the two regimes) and the printed T for each.
  const eta = Math.min(a.eta, b.eta);
  const sigma0 = Math.min(a.sigma0, b.sigma0);
  const T = (p: CellParams, N: number, s: number) => Math.min(TCAP, Math.ceil((N * p.m) / (eta * EPS * s * s)));
  const fix = (p: CellParams): CellParams => ({ ...p, eta, sigma0, T1: T(p, p.N1, p.sigmaP1), T2: T(p, p.N2, p.sigmaP2) });
  return [fix(a), fix(b)];
}

// ---------------------------------------------------------------------------------------------------
// Pairs: one ingredient changed

type Change = 'd' | 'N1' | 'N2' | 'alpha' | 'uNorm' | 'sigmaP1';
interface PairDraw<T> {
  base: T;
  change: Change;
  factor: number;
}

function pairArb<T>(base: fc.Arbitrary<T>, changes: Change[]): fc.Arbitrary<PairDraw<T>> {
  return fc.record({ base, change: fc.constantFrom(...changes), factor: fc.double({ min: 1.5, max: 4, noNaN: true }) });
}

/** B = A with one ingredient scaled: d ×f; N_1, N_2, α /f; ‖u‖, σ_{p,1} /√f (‖u+v_k‖ kept when ‖u‖ moves). */
function modify(a: CellParams, change: Change, f: number): CellParams {
  const b = { ...a };
  switch (change) {
    case 'd':
      b.d = Math.round(a.d * f);
      break;
    case 'N1':
      b.N1 = Math.max(2, Math.round(a.N1 / f));
      break;
    case 'N2':
      b.N2 = Math.max(2, Math.round(a.N2 / f));
      break;
    case 'alpha':
      b.alpha = Math.round((a.alpha / f) * 1e4) / 1e4;
      break;
    case 'uNorm': {
      const uv1 = a.uNorm ** 2 + a.v1Norm ** 2;
      const uv2 = a.uNorm ** 2 + a.v2Norm ** 2;
      b.uNorm = a.uNorm / Math.sqrt(f);
      b.v1Norm = Math.sqrt(uv1 - b.uNorm ** 2);
      b.v2Norm = Math.sqrt(uv2 - b.uNorm ** 2);
      break;
    }
    case 'sigmaP1':
      b.sigmaP1 = Math.round((a.sigmaP1 / Math.sqrt(f)) * 1e4) / 1e4;
      break;
  }
  return b;
}

function insidePair(t: PairDraw<InsideDraw>): [CellParams, CellParams] | null {
  const base = { ...t.base, alpha: t.change === 'alpha' ? Math.max(t.base.alpha, 0.5) : t.base.alpha };
  const a0 = insideRegime(base);
  const b0 = modify(a0, t.change, t.factor);
  // Re-derive the limits of B (its n or d may differ), then share the smaller η, σ_0.
  const nB = Math.max(b0.N1, b0.N2);
  const tasks = (p: CellParams) => [
    { sigmaP: p.sigmaP1, signalNorm: Math.hypot(p.uNorm, p.v1Norm) },
    { sigmaP: p.sigmaP2, signalNorm: Math.hypot(p.uNorm, p.v2Norm) },
  ];
  const limB = condition41Limits({ d: b0.d, n: nB, m: b0.m, tasks: tasks(b0) });
  const [a, b] = withShared(a0, { ...b0, eta: 0.9 * limB.etaMax, sigma0: 0.5 * limB.sigma0Max });
  return inside(a) && inside(b) ? [a, b] : null;
}

function paperPair(t: PairDraw<PaperDraw>): [CellParams, CellParams] {
  const a = paperRegime(t.base);
  return [a, modify(a, t.change, t.factor)];
}

/** A sign property on paired regimes: measure err(predicted better) − err(predicted worse) < 0. */
function monotoneProperty(opts: {
  id: string;
  claimId: string;
  title: string;
  arb: fc.Arbitrary<PairDraw<InsideDraw>> | fc.Arbitrary<PairDraw<PaperDraw>>;
  pair: (t: never) => [CellParams, CellParams] | null;
  statistic: (p: CellParams) => number;
  statName: string;
  which: 'transfer' | 'baseline';
  runs: Record<Budget, number>;
  extrapolation: boolean;
  deviation?: KnownDeviation;
  reps?: Record<Budget, number>;
}): CheckSpec {
  type T = PairDraw<InsideDraw> | PairDraw<PaperDraw>;
  const pairOf = opts.pair as (t: T) => [CellParams, CellParams] | null;
  const ordered = (t: T) => {
    const pr = pairOf(t);
    if (!pr) return null;
    const [a, b] = pr;
    const sa = opts.statistic(a);
    const sb = opts.statistic(b);
    return sa >= sb ? { hi: a, lo: b, sHi: sa, sLo: sb } : { hi: b, lo: a, sHi: sb, sLo: sa };
  };
  const seedOf = (t: T) => t.base.seed;
  return defineProperty<T>({
    id: opts.id,
    claimId: opts.claimId,
    title: opts.title,
    arbitrary: opts.arb as fc.Arbitrary<T>,
    runs: opts.runs,
    alpha: ALPHA,
    compare: 'sign',
    // A recorded deviation already carries its counterexample: no time-limited shrinking (so the
    // reported counterexample is the worst regime, independent of the machine's speed).
    shrinkMs: opts.deviation ? { test: 0, quick: 0, full: 0 } : SHRINK,
    deviation: opts.deviation,
    params: (t) => {
      const o = ordered(t);
      return o ? { ...o.hi, change: ['d', 'N1', 'N2', 'alpha', 'uNorm', 'sigmaP1'].indexOf(t.change), factor: t.factor, seed: seedOf(t) } : { seed: seedOf(t) };
    },
    region: (t) => {
      const o = ordered(t);
      return o ? (opts.extrapolation ? 'outside Condition 4.1 (extrapolation)' : region(o.hi)) : 'outside Condition 4.1';
    },
    evaluate: (t) => {
      const o = ordered(t);
      if (!o) return { skip: 'pair leaves Condition 4.1', outOfHypotheses: true };
      if (o.sHi < 1.3 * o.sLo) return { skip: `${opts.statName} changes by < 30% (${fmt(o.sLo)} → ${fmt(o.sHi)})` };
      return {
        prediction: { quantity: `err(${opts.statName} = ${fmt(o.sHi)}) − err(${opts.statName} = ${fmt(o.sLo)})`, kind: 'monotone', sign: -1 },
        target: -1,
        statistic: `paired error difference (higher − lower ${opts.statName}; ${t.change} changed ×${t.factor.toFixed(2)}) < 0`,
        note: opts.extrapolation ? 'extrapolation: the paper-like regime is outside Condition 4.1' : 'inside Condition 4.1',
      };
    },
    measure: (t, budget) => {
      const o = ordered(t)!;
      const R = replicates(budget, opts.reps);
      const get = (p: CellParams) =>
        opts.which === 'transfer' ? cells(p, seedOf(t), R).errT : Array.from({ length: R }, (_, k) => runBaselineFast(p, seedOf(t), k).err);
      const hi = get(o.hi);
      const lo = get(o.lo);
      return estimate(
        hi.map((x, i) => x - lo[i]!),
        `err ${fmt(mean(hi))} at ${opts.statName} ${fmt(o.sHi)} vs ${fmt(mean(lo))} at ${fmt(o.sLo)}`,
      );
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Thm 4.2

export const thm42Loss = defineProperty<InsideDraw>({
  id: 'ptransfer.thm4.2.loss',
  claimId: 'ptransfer.thm4.2',
  title: 'Thm 4.2(1): with probability ≥ 1 − 2δ, GD reaches training loss ≤ ε within T = N m/(η ε σ_p²) steps, upstream and downstream (inside Condition 4.1)',
  arbitrary: insideDrawArb,
  runs: { test: 4, quick: 12, full: 40 },
  alpha: ALPHA,
  // The theorem holds with probability ≥ 1 − 2δ: a replicate may fail; too many failures reject it.
  compare: 'binomial',
  shrinkMs: SHRINK,
  params: (t) => ({ ...insideRegime(t), seed: t.seed }),
  region: (t) => region(insideRegime(t)),
  evaluate: (t) => {
    const p = insideRegime(t);
    if (!inside(p)) return { skip: 'outside Condition 4.1', outOfHypotheses: true };
    return {
      prediction: { quantity: 'fraction of replicates where a training loss stays > ε', kind: 'bound', value: 2 * DELTA },
      target: 2 * DELTA,
      statistic: `P(some loss > ε = ${EPS} after T_1 = ${p.T1}, T_2 = ${p.T2}) ≤ 2δ = ${2 * DELTA}`,
    };
  },
  measure: (t, budget) => {
    const p = insideRegime(t);
    const c = cells(p, t.seed, replicates(budget, { test: 4, quick: 8, full: 20 }));
    const fail = c.lossUp.map((l, i) => (l <= EPS && c.lossT[i]! <= EPS && c.lossB[i]! <= EPS ? 0 : 1));
    return { mean: mean(fail), stderr: 0, draws: fail.length, note: `max final losses: up ${fmt(Math.max(...c.lossUp))}, transfer ${fmt(Math.max(...c.lossT))}, baseline ${fmt(Math.max(...c.lossB))}` };
  },
});

const insideChanges: Change[] = ['d', 'N1', 'N2', 'alpha', 'uNorm', 'sigmaP1'];

export const thm42Monotone = monotoneProperty({
  id: 'ptransfer.thm4.2.monotone',
  claimId: 'ptransfer.thm4.2',
  title: 'Thm 4.2(2,3): the test error with transfer decreases in S = Num/(Den·d) (pairs changing d, N_1, N_2, α, ‖u‖ or σ_{p,1}; inside Condition 4.1)',
  arb: pairArb(insideDrawArb, insideChanges),
  pair: insidePair as (t: never) => [CellParams, CellParams] | null,
  statistic: stat,
  statName: 'S',
  which: 'transfer',
  runs: { test: 6, quick: 16, full: 48 },
  extrapolation: false,
});

export const thm42MonotonePaper = monotoneProperty({
  id: 'ptransfer.thm4.2.monotone.paper',
  claimId: 'ptransfer.thm4.2',
  title: '[extrapolation] Thm 4.2: test error with transfer decreases in S in paper-like regimes (Sec 5 η, σ_0, fixed T; outside Condition 4.1)',
  arb: pairArb(paperDrawArb, insideChanges),
  pair: paperPair as (t: never) => [CellParams, CellParams],
  statistic: stat,
  statName: 'S',
  which: 'transfer',
  runs: { test: 6, quick: 16, full: 48 },
  extrapolation: true,
});

// Calibration of C_1, C_2, C_3 on one set of regimes, prediction of held-out ones.
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

function constantsCheck<T extends { seed: number }>(o: {
  id: string;
  claimId: string;
  title: string;
  arb: fc.Arbitrary<T>;
  toParams: (t: T) => Record<string, number>;
  ok: (t: T) => boolean;
  S: (t: T) => number;
  errs: (t: T, R: number) => number[];
  /** The error level the bound is stated against (0.1 + p for Kou et al.'s flipped labels). */
  level: (t: T) => number;
  calibCount: Record<Budget, number>;
  runs: Record<Budget, number>;
}): CheckSpec {
  const reps: Record<Budget, number> = { test: 4, quick: 8, full: 16 };
  const point = (t: T, budget: Budget) => {
    const e = o.errs(t, reps[budget]);
    const m = mean(e);
    const sd = Math.sqrt(e.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, e.length - 1));
    return { S: o.S(t), e: m - (o.level(t) - 0.1), raw: m, se: sd / Math.sqrt(e.length), draws: e.length };
  };
  return {
    id: o.id,
    claimId: o.claimId,
    title: o.title,
    runs: o.runs,
    async run(opts: CheckOptions): Promise<CheckResult> {
      const t0 = Date.now();
      const budget = opts.budget;
      const calSeed = Stream.childSeed(opts.seed, `${o.id}.calibration`);
      const calDraws = fc.sample(o.arb, { seed: calSeed, numRuns: o.calibCount[budget] * 3 }).filter(o.ok).slice(0, o.calibCount[budget]);
      const cal = calibrate(calDraws.map((t) => point(t, budget)));
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
        if (!o.ok(t)) {
          skipped++;
          continue;
        }
        const pt = point(t, budget);
        const pr = predictAt(cal, pt.S);
        coverage[pr.region] = (coverage[pr.region] ?? 0) + 1;
        const lvl = o.level(t) - 0.1;
        let ok = true;
        let statistic = `S = ${fmt(pt.S)} in the gap [${fmt(cal.invC3)}, ${fmt(cal.invC1)}]: no prediction`;
        if (pr.region !== 'gap') {
          predicted++;
          ok = pr.region === 'sub-optimal' ? pt.e >= pr.bound : pt.e <= pr.bound;
          if (!ok) disagree++;
          statistic = pr.region === 'sub-optimal' ? `error ≥ ${fmt(pr.bound + lvl)} (S = ${fmt(pt.S)} ≤ 1/C_3)` : `error ≤ ${fmt(pr.bound + lvl)} = p + min(0.1, exp(−C_2 S)) (S = ${fmt(pt.S)} ≥ 1/C_1)`;
        }
        records.push({
          params: { ...o.toParams(t), seed: t.seed },
          prediction: { quantity: 'test error', kind: 'bound', region: pr.region, value: pr.region === 'gap' ? undefined : pr.bound + lvl, details: { S: pt.S } },
          measurement: { mean: pt.raw, stderr: pt.se, draws: pt.draws },
          statistic,
          ok,
          seed: opts.seed,
          path: String(i),
          replay: replayCommand({ checkId: o.id, seed: opts.seed, path: String(i), budget }),
          note: ok ? undefined : 'disagrees with the calibrated bound',
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
        claimId: o.claimId,
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

function calText(c: Calibration): string {
  return `calibrated on ${c.points} regimes: 1/C_3 = ${fmt(c.invC3)}, 1/C_1 = ${fmt(c.invC1)} (C_1 = ${fmt(c.C1)} < C_3 = ${fmt(c.C3)}), C_2 = ${c.C2 === null ? 'unconstrained' : fmt(c.C2)}, ${c.gapPoints} calibration regimes in the gap`;
}

export const thm42Constants = constantsCheck<InsideDraw>({
  id: 'ptransfer.thm4.2.constants',
  claimId: 'ptransfer.thm4.2',
  title: 'Thm 4.2(2,3): constants C_1 < C_3, C_2 calibrated on one set of regimes predict held-out regimes (inside Condition 4.1)',
  arb: insideDrawArb,
  toParams: (t) => ({ ...insideRegime(t) }),
  ok: (t) => inside(insideRegime(t)),
  S: (t) => stat(insideRegime(t)),
  errs: (t, R) => cells(insideRegime(t), t.seed, R).errT,
  calibCount: { test: 16, quick: 40, full: 100 },
  runs: { test: 10, quick: 30, full: 80 },
  level: () => 0.1,
});

export const thm42Alpha0 = defineProperty<InsideDraw>({
  id: 'ptransfer.thm4.2.alpha0',
  claimId: 'ptransfer.thm4.2',
  title: 'Thm 4.2 at α = 0 is Thm 4.3: Num/(Den·d) = N_2‖u+v_2‖⁴/(σ_{p,2}⁴d), and Algorithm 1 with α = 0 is Algorithm 2 run for run',
  arbitrary: insideDrawArb.map((t) => ({ ...t, alpha: 0 })),
  runs: { test: 3, quick: 10, full: 30 },
  alpha: ALPHA,
  compare: 'close',
  tolerance: { rel: 0, abs: 1e-12 },
  shrinkMs: SHRINK,
  params: (t) => ({ ...insideRegime(t), seed: t.seed }),
  evaluate: (t) => {
    const p = insideRegime(t);
    return { prediction: { quantity: '|S(α=0) − S_3|/S_3 + max_k |err_T − err_B|', kind: 'value', value: 0 }, target: 0, statistic: 'relative identity gap + simulated gap = 0' };
  },
  measure: (t, budget) => {
    const p = insideRegime(t);
    const red = alphaZeroReduction(p);
    const c = cells(p, t.seed, replicates(budget, { test: 3, quick: 6, full: 10 }));
    const simGap = Math.max(...c.errT.map((e, i) => Math.abs(e - c.errB[i]!)));
    return { mean: Math.abs(red.transfer - red.baseline) / red.baseline + simGap, stderr: 0, draws: c.errT.length, note: `S(α=0) = ${red.transfer}, S_3 = ${red.baseline}` };
  },
});

// ---------------------------------------------------------------------------------------------------
// Thm 4.3 (baseline) and Kou et al.

export const thm43Monotone = monotoneProperty({
  id: 'ptransfer.thm4.3.monotone',
  claimId: 'ptransfer.thm4.3',
  title: 'Thm 4.3: the error without transfer decreases in N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) (pairs changing d or N_2; inside Condition 4.1)',
  arb: pairArb(insideDrawArb, ['d', 'N2']),
  pair: insidePair as (t: never) => [CellParams, CellParams] | null,
  statistic: bstat,
  statName: 'S_3',
  which: 'baseline',
  runs: { test: 4, quick: 12, full: 40 },
  extrapolation: false,
});

interface KouDraw {
  n: number;
  s: number;
  x: number;
  flip: number;
  dFactor: number;
  seed: number;
}

const kouDrawArb: fc.Arbitrary<KouDraw> = fc.record({
  n: fc.integer({ min: 6, max: 24 }),
  s: fc.double({ min: 0.5, max: 2, noNaN: true }),
  x: fc.double({ min: 0, max: 3, noNaN: true }),
  flip: fc.constantFrom(0, 0.05, 0.1, 0.2),
  dFactor: fc.double({ min: 1, max: 16, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

/** Kou et al.'s regime at the limits of Condition 4.1 (single task, same constants as ptransfer's). */
function kouRegime(t: KouDraw): KouParams {
  const L = Math.log(t.n / DELTA);
  const m = Math.ceil(L) + 1;
  const s = r4(t.s);
  const mu2 = s * s * L * (1 + t.x) * (1 + 1e-9);
  const tasks = [{ sigmaP: s, signalNorm: Math.sqrt(mu2) }];
  const d = Math.ceil(condition41Limits({ d: 1, n: t.n, m, tasks }).dMin * t.dFactor);
  const lim = condition41Limits({ d, n: t.n, m, tasks });
  const eta = 0.9 * lim.etaMax;
  return { d, m, n: t.n, sigmaP: s, muNorm: Math.sqrt(mu2), flip: t.flip, eta, sigma0: 0.5 * lim.sigma0Max, T: Math.min(TCAP, Math.ceil((t.n * m) / (eta * EPS * s * s))), eps: EPS, nTest: 4000 };
}

const kouInside = (p: KouParams) => condition41Kou({ ...p }, DEFAULT_COND41).holds;
const kouErrs = (p: KouParams, seed: number, R: number) => Array.from({ length: R }, (_, k) => runKouFast(p, seed, k).errObserved);

export const kouLoss = defineProperty<KouDraw>({
  id: 'kou.thm.loss',
  claimId: 'kou.thm',
  title: 'Kou et al.: with probability ≥ 1 − δ, GD fits the label-flipped training set to loss ≤ ε within T = n m/(η ε σ_p²) (inside Condition 4.1)',
  arbitrary: kouDrawArb,
  runs: { test: 4, quick: 12, full: 40 },
  alpha: ALPHA,
  // "With probability ≥ 1 − δ": the full budget once saw 1 of 20 replicates at loss 0.12 > ε (as δ = 0.1
  // allows); requiring every replicate to converge was stricter than the theorem (a bug of ours).
  compare: 'binomial',
  shrinkMs: SHRINK,
  params: (t) => ({ ...kouRegime(t), seed: t.seed }),
  evaluate: (t) => {
    const p = kouRegime(t);
    if (!kouInside(p)) return { skip: 'outside Condition 4.1', outOfHypotheses: true };
    return { prediction: { quantity: 'fraction of replicates with training loss > ε', kind: 'bound', value: DELTA }, target: DELTA, statistic: `P(loss > ${EPS} after T = ${p.T}) ≤ δ = ${DELTA}` };
  },
  measure: (t, budget) => {
    const p = kouRegime(t);
    const ls = Array.from({ length: replicates(budget, { test: 4, quick: 8, full: 20 }) }, (_, k) => runKouFast(p, t.seed, k).loss.final);
    return { mean: mean(ls.map((l) => (l <= EPS ? 0 : 1))), stderr: 0, draws: ls.length, note: `max final loss ${fmt(Math.max(...ls))}` };
  },
});

type KouPair = { base: KouDraw; change: 'd' | 'n' | 'mu'; factor: number };
const kouPairArb: fc.Arbitrary<KouPair> = fc.record({ base: kouDrawArb, change: fc.constantFrom('d' as const, 'n' as const, 'mu' as const), factor: fc.double({ min: 1.5, max: 4, noNaN: true }) });

/** B = A with d ×f, n /f or ‖μ‖ /√f; both share the smaller η, σ_0 limit (so B stays inside when it can). */
function kouPair(t: KouPair): [KouParams, KouParams] {
  const a = kouRegime(t.base);
  const b = { ...a };
  if (t.change === 'd') b.d = Math.round(a.d * t.factor);
  if (t.change === 'n') b.n = Math.max(2, Math.round(a.n / t.factor));
  if (t.change === 'mu') b.muNorm = a.muNorm / Math.sqrt(t.factor);
  const limB = condition41Limits({ d: b.d, n: b.n, m: b.m, tasks: [{ sigmaP: b.sigmaP, signalNorm: b.muNorm }] });
  const eta = Math.min(a.eta, 0.9 * limB.etaMax);
  const sigma0 = Math.min(a.sigma0, 0.5 * limB.sigma0Max);
  const T = (p: KouParams) => Math.min(TCAP, Math.ceil((p.n * p.m) / (eta * EPS * p.sigmaP * p.sigmaP)));
  return [
    { ...a, eta, sigma0, T: T(a) },
    { ...b, eta, sigma0, T: T(b) },
  ];
}

export const kouMonotone = defineProperty<KouPair>({
  id: 'kou.thm.monotone',
  claimId: 'kou.thm',
  title: 'Kou et al.: the test error decreases in n‖μ‖⁴/(σ_p⁴d) (pairs changing d, n or ‖μ‖; region labelled inside/outside Condition 4.1)',
  arbitrary: kouPairArb,
  runs: { test: 6, quick: 20, full: 60 },
  alpha: ALPHA,
  compare: 'sign',
  shrinkMs: SHRINK,
  params: (t) => ({ ...kouPair(t)[0], change: ['d', 'n', 'mu'].indexOf(t.change), factor: t.factor, seed: t.base.seed }),
  region: (t) => (kouPair(t).every(kouInside) ? 'inside Condition 4.1' : 'outside Condition 4.1 (extrapolation)'),
  evaluate: (t) => {
    const [a, b] = kouPair(t);
    return {
      prediction: { quantity: 'err(higher statistic) − err(lower)', kind: 'monotone', sign: -1 },
      target: -1,
      statistic: `paired error difference, statistic ${fmt(kouStatistic(a))} vs ${fmt(kouStatistic(b))}, < 0`,
    };
  },
  measure: (t, budget) => {
    const [a, b] = kouPair(t);
    const R = replicates(budget);
    const ea = kouErrs(a, t.base.seed, R);
    const eb = kouErrs(b, t.base.seed, R);
    return estimate(ea.map((x, i) => x - eb[i]!), `err ${fmt(mean(ea))} vs ${fmt(mean(eb))}`);
  },
});

export const kouConstants = constantsCheck<KouDraw>({
  id: 'kou.thm.constants',
  claimId: 'kou.thm',
  title: 'Kou et al.: constants C_1 < C_3, C_2 calibrated on one set of regimes predict held-out regimes (error − p against the bound; inside Condition 4.1)',
  arb: kouDrawArb,
  toParams: (t) => ({ ...kouRegime(t) }),
  ok: (t) => kouInside(kouRegime(t)),
  S: (t) => kouStatistic(kouRegime(t)),
  errs: (t, R) => kouErrs(kouRegime(t), t.seed, R),
  calibCount: { test: 20, quick: 50, full: 120 },
  runs: { test: 12, quick: 30, full: 80 },
  level: (t) => 0.1 + t.flip,
});

/** The authors' synthetic study (n = 20, σ_p = 1, p = 0.1, m = 10, lr 0.1, 100 steps), pairs along d or ‖μ‖. */
const kouPaperArb = fc.record({
  d: fc.integer({ min: 100, max: 1090 }),
  mu: fc.double({ min: 0.5, max: 6, noNaN: true }),
  change: fc.constantFrom('d' as const, 'mu' as const),
  factor: fc.double({ min: 1.5, max: 4, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});
type KouPaperDraw = typeof kouPaperArb extends fc.Arbitrary<infer X> ? X : never;
const kouPaperRegime = (d: number, mu: number): KouParams => ({ d, m: 10, n: 20, sigmaP: 1, muNorm: mu, flip: 0.1, eta: 0.1, sigma0: 0.01, T: 100, eps: 0, nTest: 4000 });

export const kouPaper = defineProperty<KouPaperDraw>({
  id: 'kou.thm.paper',
  claimId: 'kou.thm',
  title: "[extrapolation] Kou et al.'s synthetic settings: the error decreases with ‖μ‖ and increases with d",
  arbitrary: kouPaperArb,
  runs: { test: 6, quick: 20, full: 60 },
  alpha: ALPHA,
  compare: 'sign',
  shrinkMs: SHRINK,
  params: (t) => ({ ...kouPaperRegime(t.d, t.mu), change: t.change === 'd' ? 0 : 1, factor: t.factor, seed: t.seed }),
  region: (t) => (kouInside(kouPaperRegime(t.d, t.mu)) ? 'inside Condition 4.1' : 'outside Condition 4.1 (extrapolation)'),
  evaluate: () => ({ prediction: { quantity: 'err(better) − err(worse)', kind: 'monotone', sign: -1 }, target: -1, statistic: 'paired error difference (smaller d or larger ‖μ‖ minus the other) < 0' }),
  measure: (t, budget) => {
    const better = t.change === 'd' ? kouPaperRegime(t.d, t.mu) : kouPaperRegime(t.d, t.mu * t.factor ** 0.25);
    const worse = t.change === 'd' ? kouPaperRegime(Math.round(t.d * t.factor), t.mu) : kouPaperRegime(t.d, t.mu);
    const R = replicates(budget);
    const eb = kouErrs(better, t.seed, R);
    const ew = kouErrs(worse, t.seed, R);
    return estimate(eb.map((x, i) => x - ew[i]!), `err ${fmt(mean(eb))} (better) vs ${fmt(mean(ew))}`);
  },
});

// ---------------------------------------------------------------------------------------------------
// Prop 4.4 and negative transfer

/** Explicit constants for Prop 4.4's "large"/"small": documented choices. */
export const PROP44 = { gammaMin: 1, baselineBadMax: 0.25, baselineGoodMin: 4, nearOptimal: 0.1, C4: 4 };

interface GammaDraw {
  N1: number;
  N2: number;
  s1: number;
  x2: number;
  phi: number;
  alpha: number;
  sBase: number;
  seed: number;
}

const gammaArb: fc.Arbitrary<GammaDraw> = fc.record({
  N1: fc.integer({ min: 16, max: 24 }),
  N2: fc.integer({ min: 4, max: 6 }),
  s1: fc.double({ min: 0.3, max: 0.5, noNaN: true }),
  x2: fc.double({ min: 1, max: 2, noNaN: true }),
  phi: fc.double({ min: 0.85, max: 1, noNaN: true }),
  alpha: fc.constant(1),
  sBase: fc.double({ min: 0.15, max: PROP44.baselineBadMax, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

/** σ_{p,2} = 1 and d fixed by the drawn baseline statistic; the rest at Condition 4.1's limits. */
function gammaRegime(t: GammaDraw): CellParams {
  const L = Math.log(Math.max(t.N1, t.N2) / DELTA);
  const uv2 = L * (1 + t.x2);
  const d = Math.ceil((t.N2 * uv2 * uv2) / t.sBase);
  return insideRegime({ N1: t.N1, N2: t.N2, s1: t.s1, s2: 1, x1: 0, x2: t.x2, phi: t.phi, alpha: t.alpha, dFactor: 1, seed: t.seed }, undefined, d);
}

export const prop44Gamma = defineProperty<GammaDraw>({
  id: 'ptransfer.prop4.4.gamma',
  claimId: 'ptransfer.prop4.4',
  title: `Prop 4.4: Γ ≥ ${PROP44.gammaMin} and N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) ≤ ${PROP44.baselineBadMax} ⇒ transfer beats the baseline (inside Condition 4.1)`,
  arbitrary: gammaArb,
  runs: { test: 4, quick: 12, full: 40 },
  alpha: ALPHA,
  compare: 'sign',
  shrinkMs: SHRINK,
  params: (t) => ({ ...gammaRegime(t), seed: t.seed }),
  region: (t) => region(gammaRegime(t)),
  evaluate: (t) => {
    const p = gammaRegime(t);
    if (!inside(p)) return { skip: 'outside Condition 4.1', outOfHypotheses: true };
    const G = gamma(p);
    if (G < PROP44.gammaMin) return { skip: `Γ = ${fmt(G)} < ${PROP44.gammaMin}` };
    return { prediction: { quantity: 'err_baseline − err_transfer', kind: 'sign', sign: 1, details: { Gamma: G, baselineStatistic: bstat(p) } }, target: 1, statistic: `err_B − err_T > 0 (Γ = ${fmt(G)}, S_3 = ${fmt(bstat(p))})` };
  },
  measure: (t, budget) => {
    const c = cells(gammaRegime(t), t.seed, replicates(budget));
    return estimate(c.errB.map((e, i) => e - c.errT[i]!), `err_T ${fmt(mean(c.errT))}, err_B ${fmt(mean(c.errB))}`);
  },
});

/**
 * Prop 4.4's second sentence ("if d < C_3′N_2‖u+v_2‖⁴/σ_{p,2}⁴ both are near-optimal") has two readings.
 * Under the proposition's standing hypothesis Γ ≥ C it agrees with Thm 4.2: Γ large makes the inherited
 * term α²N_1²‖u‖⁴/σ_{p,1}⁴ of Num dominate, so S = Num/(Den·d) is large too. Read on its own (no Γ), it
 * collides with the proposition's last item: with ‖u‖ = 0 and αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4, Thm 4.2's
 * S = S_3·N_2/(α²σ_{p,2}²N_1/σ_{p,1}² + N_2) ≤ S_3/(1 + C_4), so the transferred model is sub-optimal while
 * the baseline is near-optimal. Both readings are checked: the first is the claim, the second a recorded
 * deviation of the sentence as printed (it omits the Γ hypothesis it needs).
 */
type S3Draw = InsideDraw & { s3: number };

/**
 * A regime inside Condition 4.1 with the baseline statistic S_3 = N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) fixed at the draw's
 * s3: ‖u+v_2‖² = σ_{p,2}²L(1 + x_2) is raised until d = N_2‖u+v_2‖⁴/(σ_{p,2}⁴s3) clears Condition 4.1's
 * d ≥ max{nσ_p⁻²‖u+v‖², n²} for both tasks (with a drawn slack of 0–50%), then the other limits follow from d.
 */
function s3Regime(t: S3Draw): CellParams {
  const n = Math.max(t.N1, t.N2);
  const L = Math.log(n / DELTA);
  const s1 = r4(t.s1);
  const s2 = r4(t.s2);
  // L(1 + x_2) needed for d = N_2L²(1 + x_2)²/s3 to clear n‖u+v_2‖²/σ_{p,2}², n², n‖u‖²/σ_{p,1}² and nL(1 + x_1).
  const need =
    Math.max((t.s3 * n) / t.N2, n * Math.sqrt(t.s3 / t.N2), (t.s3 * n * t.phi * s2 * s2) / (t.N2 * s1 * s1), Math.sqrt((t.s3 * n * L * (1 + t.x1)) / t.N2)) *
    (1 + t.x2 / 4);
  const x2 = Math.max(need / L - 1, 0);
  const uv2 = targetSignal2({ s2: t.s2, x2 }, L);
  return insideRegime({ ...t, x2 }, undefined, (t.N2 * uv2 * uv2) / (s2 ** 4 * t.s3));
}

const bothArb: fc.Arbitrary<S3Draw> = fc
  .tuple(insideDrawArb, fc.double({ min: PROP44.baselineGoodMin * 1.1, max: 3 * PROP44.baselineGoodMin, noNaN: true }))
  .map(([t, s3]) => ({ ...t, s3, phi: 0.5 + 0.5 * t.phi, alpha: t.alpha < 0.5 ? 1 : t.alpha }));

export const prop44Both = defineProperty<S3Draw>({
  id: 'ptransfer.prop4.4.both',
  claimId: 'ptransfer.prop4.4',
  title: `Prop 4.4: Γ ≥ ${PROP44.gammaMin} and N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) ≥ ${PROP44.baselineGoodMin} ⇒ both with and without transfer the error is < ${PROP44.nearOptimal} (inside Condition 4.1)`,
  arbitrary: bothArb,
  runs: { test: 4, quick: 12, full: 40 },
  alpha: ALPHA,
  compare: 'sign',
  shrinkMs: SHRINK,
  params: (t) => ({ ...s3Regime(t), seed: t.seed }),
  region: (t) => region(s3Regime(t)),
  evaluate: (t) => {
    const p = s3Regime(t);
    if (!inside(p)) return { skip: 'outside Condition 4.1', outOfHypotheses: true };
    const G = gamma(p);
    if (G < PROP44.gammaMin) return { skip: `Γ = ${fmt(G)} < ${PROP44.gammaMin}` };
    if (bstat(p) < PROP44.baselineGoodMin) return { skip: `S_3 = ${fmt(bstat(p))} < ${PROP44.baselineGoodMin}` };
    return { prediction: { quantity: `max(err_T, err_B) − ${PROP44.nearOptimal}`, kind: 'sign', sign: -1, details: { Gamma: G, baselineStatistic: bstat(p) } }, target: -1, statistic: `max(err_T, err_B) < ${PROP44.nearOptimal} (Γ = ${fmt(G)}, S_3 = ${fmt(bstat(p))})` };
  },
  measure: (t, budget) => worseArmAboveNearOptimal(s3Regime(t), t.seed, replicates(budget)),
});

/**
 * The literal reading's counter-regimes: ‖u‖ = 0, α = 1, σ_{p,1} ≤ σ_{p,2}/3, N_1 ≥ 3N_2 (so
 * αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ 27 ≥ C_4) and S_3 ∈ [4.4, 6], where Thm 4.2's S ≤ S_3/28 < 0.22 < 1/C_3.
 */
const bothLiteralArb: fc.Arbitrary<S3Draw> = fc
  .tuple(insideDrawArb, fc.double({ min: PROP44.baselineGoodMin * 1.1, max: 1.5 * PROP44.baselineGoodMin, noNaN: true }))
  .map(([t, s3]) => ({ ...t, s3, phi: 0, alpha: 1, N2: Math.min(t.N2, 8), N1: Math.max(t.N1, 3 * Math.min(t.N2, 8)), s1: Math.min(t.s1, t.s2 / 3) }));

export const prop44BothLiteral = defineProperty<S3Draw>({
  id: 'ptransfer.prop4.4.both.literal',
  claimId: 'ptransfer.prop4.4',
  title: `Prop 4.4's "both near-optimal" read without Γ ≥ C: N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) ≥ ${PROP44.baselineGoodMin} ⇒ max(err_T, err_B) < ${PROP44.nearOptimal}, in regimes where the negative-transfer item also holds (inside Condition 4.1)`,
  arbitrary: bothLiteralArb,
  runs: { test: 4, quick: 12, full: 40 },
  alpha: ALPHA,
  compare: 'sign',
  shrinkMs: SHRINK,
  deviation: {
    title: 'Read without Γ ≥ C, "both are near-optimal" fails where Prop 4.4\'s own negative-transfer item holds',
    explanation:
      'With ‖u‖ = 0 and αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4, Thm 4.2\'s statistic is S = S_3·N_2/(α²σ_{p,2}²N_1/σ_{p,1}² + N_2) ≤ S_3/(1 + C_4): ' +
      'the inherited filters carry source noise but no universal signal, the transferred model is sub-optimal (err_T ≈ 0.2) while the ' +
      'baseline is near-optimal (err_B ≈ 0.02). So the sentence is true only under the proposition\'s Γ ≥ C (ptransfer.prop4.4.both ' +
      'conforms there); as printed it does not repeat that hypothesis and contradicts the negative-transfer item and Thm 4.2. Not a bug ' +
      'of ours: the same fast path conforms to Thm 4.2\'s calibrated constants (ptransfer.thm4.2.constants), and here S ≤ 1/C_3.',
    counterexample: {
      // err_T 0.229 vs err_B 0.061 over 32 replicates (S_3 = 4.39, Γ = 0, S = 0.157); p = 3e-8
      params: { d: 325, m: 7, N1: 18, N2: 6, sigmaP1: 0.1667, sigmaP2: 0.5, uNorm: 0, v1Norm: 0.3798769627766877, v2Norm: 1.9630511397956776, alpha: 1, eta: 0.19999999959999995, sigma0: 0.01309456999578396, T1: 50000, T2: 8401, eps: 0.1, nTest: 4000, seed: 1 },
      replay: 'npx ttc replay cHRyYW5zZmVyLnByb3A0LjQuYm90aC5saXRlcmFsfDIwMjYxMTIyfDE6MDowOjA6MDowOjA6MDowOjA6MHx0ZXN0',
    },
  },
  params: (t) => ({ ...s3Regime(t), seed: t.seed }),
  region: (t) => region(s3Regime(t)),
  evaluate: (t) => {
    const p = s3Regime(t);
    if (!inside(p)) return { skip: 'outside Condition 4.1', outOfHypotheses: true };
    if (bstat(p) < PROP44.baselineGoodMin) return { skip: `S_3 = ${fmt(bstat(p))} < ${PROP44.baselineGoodMin}` };
    const { lhs, rhs } = negativeTransferSides(p);
    if (!(lhs >= rhs && rhs >= PROP44.C4)) return { skip: `negative-transfer condition not met (lhs ${fmt(lhs)}, rhs ${fmt(rhs)})` };
    return {
      prediction: { quantity: `max(err_T, err_B) − ${PROP44.nearOptimal}`, kind: 'sign', sign: -1, details: { Gamma: gamma(p), baselineStatistic: bstat(p), transferStatistic: stat(p) } },
      target: -1,
      statistic: `max(err_T, err_B) < ${PROP44.nearOptimal} (S_3 = ${fmt(bstat(p))}, Γ = 0, S = ${fmt(stat(p))})`,
    };
  },
  measure: (t, budget) => {
    // More replicates than the other checks: the excess of err_T over 0.1 is 0.05–0.15 with a per-replicate sd ≈ 0.1.
    return worseArmAboveNearOptimal(s3Regime(t), t.seed, replicates(budget, { test: 32, quick: 48, full: 96 }));
  },
});

/** Weak universal signal: ‖u‖² = φ‖u+v_2‖² with small φ, α ≥ 0.75, N_1 ≥ 2N_2, σ_{p,1} ≤ σ_{p,2}. */
const negativeInsideArb = insideDrawArb.map((t) => ({
  ...t,
  phi: t.phi * 0.02,
  alpha: 1,
  N2: Math.min(t.N2, 12),
  N1: Math.max(t.N1, 2 * Math.min(t.N2, 12)),
  s1: Math.min(t.s1, t.s2 / 1.5),
}));

function negativeProperty(id: string, extrapolation: boolean): CheckSpec {
  type T = InsideDraw | PaperDraw;
  const regimeOf = (t: T): CellParams => {
    if (!extrapolation) return insideRegime(t as InsideDraw);
    const a = paperRegime(t as PaperDraw);
    const uv2 = Math.hypot(a.uNorm, a.v2Norm);
    return { ...a, uNorm: 0, v1Norm: uv2, v2Norm: uv2 };
  };
  const arb: fc.Arbitrary<T> = extrapolation
    ? paperDrawArb.map((t) => ({ ...t, alpha: 1, N2: Math.min(t.N2, 15), N1: Math.max(t.N1, 4 * Math.min(t.N2, 15)) }))
    : negativeInsideArb;
  return defineProperty<T>({
    id,
    claimId: 'ptransfer.negative',
    title: extrapolation
      ? '[extrapolation] Fig 1(c) / Prop 4.4: with ‖u‖ = 0 transfer hurts (paper-like regimes, fixed T)'
      : `Prop 4.4: ‖u+v_2‖²/‖u‖² ≥ αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4 = ${PROP44.C4} ⇒ transfer hurts (inside Condition 4.1)`,
    arbitrary: arb,
    runs: { test: 4, quick: 12, full: 40 },
    alpha: ALPHA,
    compare: 'sign',
    shrinkMs: SHRINK,
    params: (t) => ({ ...regimeOf(t), seed: t.seed }),
    region: (t) => (extrapolation ? 'outside Condition 4.1 (extrapolation)' : region(regimeOf(t))),
    evaluate: (t) => {
      const p = regimeOf(t);
      if (!extrapolation && !inside(p)) return { skip: 'outside Condition 4.1', outOfHypotheses: true };
      const { lhs, rhs } = negativeTransferSides(p);
      if (!(lhs >= rhs && rhs >= PROP44.C4)) return { skip: `negative-transfer condition not met (lhs ${fmt(lhs)}, rhs ${fmt(rhs)})` };
      // Where the baseline is itself sub-optimal the printed item fails in part: ptransfer.negative.weak-baseline.
      if (!extrapolation && bstat(p) <= PROP44.baselineBadMax) return { skip: `baseline sub-optimal (S_3 = ${fmt(bstat(p))} ≤ ${PROP44.baselineBadMax}): see ptransfer.negative.weak-baseline` };
      return { prediction: { quantity: 'err_transfer − err_baseline', kind: 'sign', sign: 1, details: { lhs, rhs } }, target: 1, statistic: `err_T − err_B > 0 (‖u+v_2‖²/‖u‖² = ${fmt(lhs)} ≥ ${fmt(rhs)})` };
    },
    measure: (t, budget) => transferMinusBaseline(regimeOf(t), t.seed, replicates(budget)),
  });
}

export const negativeInside = negativeProperty('ptransfer.negative', false);
export const negativePaper = negativeProperty('ptransfer.negative.paper', true);

/**
 * The negative-transfer item where the baseline is itself sub-optimal. Found by the full budget of
 * ptransfer.negative (40 regimes × 40 replicates, gate seed): err_T − err_B rises with the baseline statistic
 * S_3 = N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) — +0.05…+0.17 for S_3 ≥ 0.3, ≈ 0 for 0.1–0.3, and −0.02…−0.08 (transfer
 * *helps*) for S_3 < 0.1 with N_2 = 12, at ‖u‖ = 0 and ratios up to 72 ≫ C_4. So ptransfer.negative checks
 * the item where the baseline is not sub-optimal (S_3 > 0.25, Prop 4.4's own constant for "sub-optimal"),
 * and this check records where it fails: ‖u‖ = 0, α = 1, N_2 = 12, N_1 = 24, σ_{p,1} ≤ σ_{p,2}/1.5 (ratio ≥ 4.5),
 * S_3 ∈ [0.06, 0.1] built exactly (d from S_3, as for Prop 4.4's "both").
 */
const weakBaselineArb: fc.Arbitrary<S3Draw> = fc
  .tuple(insideDrawArb, fc.double({ min: 0.06, max: 0.1, noNaN: true }))
  .map(([t, s3]) => ({ ...t, s3, phi: 0, alpha: 1, N2: 12, N1: 24, s1: Math.min(t.s1, t.s2 / 1.5) }));

export const negativeWeakBaseline = defineProperty<S3Draw>({
  id: 'ptransfer.negative.weak-baseline',
  claimId: 'ptransfer.negative',
  title: `Prop 4.4's negative-transfer item where the baseline is sub-optimal (S_3 ≤ 0.1): ‖u‖ = 0, ratio ≥ C_4 ⇒ transfer hurts (inside Condition 4.1)`,
  arbitrary: weakBaselineArb,
  runs: { test: 4, quick: 8, full: 20 },
  alpha: ALPHA,
  compare: 'sign',
  shrinkMs: SHRINK,
  deviation: {
    title: 'With ‖u‖ = 0 and αN_1σ_{p,2}²/(N_2σ_{p,1}²) far above C_4, transfer still *helps* when the baseline is itself sub-optimal',
    explanation:
      'Inside Condition 4.1 (our constants C = 1, δ = 0.1), ‖u‖ = 0, α = 1, N_2 = 12, N_1 = 24: where the baseline statistic S_3 < 0.1 ' +
      '(baseline error ≈ 0.27–0.30), inheriting every upstream filter lowers the target error by 0.03–0.09 (z ≈ 4 at 40 replicates), ' +
      'for ratios 4.5 to 72; with α = 0.5 the same regime shows transfer hurting (+0.044), and with a fixed T_2 (no ε-stopping, so ' +
      'not an artefact of the transferred model training longer) transfer still helps (−0.085 ± 0.012). Where S_3 > 0.3 transfer ' +
      'hurts as printed (ptransfer.negative conforms). So the printed item needs a condition it does not state — a baseline that is ' +
      'not itself sub-optimal — or Condition 4.1 constants larger than ours. Not a bug of ours as far as the cross-checks reach: the ' +
      'fast path equals plain d-dimensional GD (1e-10) and TensorFlow.js (2e-5), including transferred filters.',
    counterexample: {
      // err_T 0.225 vs err_B 0.317 over 40 replicates (ratio 4.5, S_3 = 0.060); p = 2.4e-5
      params: { d: 6008, m: 7, N1: 24, N2: 12, sigmaP1: 0.3333, sigmaP2: 0.5, uNorm: 0, v1Norm: 0.7802807796515911, v2Norm: 1.1705382232997168, alpha: 1, eta: 0.014382068883258855, sigma0: 0.0008154798659616591, T1: 50000, T2: 50000, eps: 0.1, nTest: 4000, seed: 1 },
      replay: 'npx ttc replay cHRyYW5zZmVyLm5lZ2F0aXZlLndlYWstYmFzZWxpbmV8MjAyNjExMjJ8MDowOjA6MDowOjA6MDowOjA6MDowOjA6MHx0ZXN0',
    },
  },
  params: (t) => ({ ...s3Regime(t), seed: t.seed }),
  region: (t) => region(s3Regime(t)),
  evaluate: (t) => {
    const p = s3Regime(t);
    if (!inside(p)) return { skip: 'outside Condition 4.1', outOfHypotheses: true };
    const { lhs, rhs } = negativeTransferSides(p);
    if (!(lhs >= rhs && rhs >= PROP44.C4)) return { skip: `negative-transfer condition not met (lhs ${fmt(lhs)}, rhs ${fmt(rhs)})` };
    return {
      prediction: { quantity: 'err_transfer − err_baseline', kind: 'sign', sign: 1, details: { lhs, rhs, baselineStatistic: bstat(p) } },
      target: 1,
      statistic: `err_T − err_B > 0 (ratio ${fmt(rhs)} ≥ C_4, S_3 = ${fmt(bstat(p))})`,
    };
  },
  measure: (t, budget) => transferMinusBaseline(s3Regime(t), t.seed, replicates(budget, { test: 40, quick: 40, full: 80 })),
});

// ---------------------------------------------------------------------------------------------------
// Fig 1 directions (paper-like regimes: extrapolations)

/**
 * Fig 1's directions as printed (larger N_1 / smaller σ_{p,1} / larger ‖u‖ ⇒ lower error). For N_1 and
 * σ_{p,1} Thm 4.2's own statistic S = Num/Den/d is not monotone: with x = N_1 (or 1/σ_{p,1}²), Num = Ax² + B,
 * Den = Cx + D, and dS/dx < 0 when the target term B dominates (weak ‖u‖). `restrict`:
 *  - 'S-agrees': only pairs where S moves the printed way (the direction the theorem supports);
 *  - 'S-reverses': only pairs where S moves the other way (weak universal signal), where the printed
 *    direction is an over-generalisation — checked against the printed direction.
 */
function directionProperty(id: string, claimId: string, title: string, change: Change, restrict?: 'S-agrees' | 'S-reverses', deviation?: KnownDeviation): CheckSpec {
  const proxy = (p: CellParams) => (change === 'N1' ? p.N1 : change === 'sigmaP1' ? 1 / p.sigmaP1 ** 2 : p.uNorm ** 2);
  const strong = paperDrawArb.map((t) => ({ ...t, phi: 0.5 + 0.5 * t.phi }));
  const weak = paperDrawArb.map((t) => ({ ...t, phi: 0.02 + t.phi * 0.15, alpha: 1, N2: Math.max(t.N2, 20) }));
  const pairFn = (t: PairDraw<PaperDraw>): [CellParams, CellParams] | null => {
    const [a, b] = paperPair(t);
    if (!restrict) return [a, b];
    // The printed-better member has the larger proxy (N_1, 1/σ_{p,1}², ‖u‖²); does S rank the pair the same way?
    const agrees = proxy(a) > proxy(b) === stat(a) > stat(b);
    return agrees === (restrict === 'S-agrees') ? [a, b] : null;
  };
  return monotoneProperty({
    id,
    claimId,
    title,
    deviation,
    arb: pairArb(restrict === 'S-reverses' ? weak : restrict === 'S-agrees' ? strong : paperDrawArb, [change]),
    pair: pairFn as (t: never) => [CellParams, CellParams] | null,
    // The printed-better member has the larger proxy: larger N_1 / smaller σ_{p,1} / larger ‖u‖.
    statistic: proxy,
    reps: restrict === 'S-reverses' ? { test: 20, quick: 32, full: 64 } : undefined,
    statName: change === 'N1' ? 'N_1' : change === 'sigmaP1' ? '1/σ_{p,1}²' : '‖u‖²',
    which: 'transfer',
    runs: restrict === 'S-agrees' ? { test: 8, quick: 24, full: 60 } : { test: 4, quick: 12, full: 40 },
    extrapolation: true,
  });
}

export const fig1a = directionProperty('ptransfer.fig1a', 'ptransfer.fig1a', '[extrapolation] Fig 1(a): larger N_1 ⇒ lower error with transfer (paper-like regimes where Thm 4.2\'s S agrees)', 'N1', 'S-agrees');
export const fig1b = directionProperty('ptransfer.fig1b', 'ptransfer.fig1b', '[extrapolation] Fig 1(b): smaller σ_{p,1} ⇒ lower error with transfer (paper-like regimes where Thm 4.2\'s S agrees)', 'sigmaP1', 'S-agrees');
const WEAK_U_EXPLANATION =
  "Fig 1's narrative reads as a universal direction, but Thm 4.2's own statistic is not monotone in x = N_1 (or 1/σ_{p,1}²): " +
  'S ∝ (Ax² + B)/(Cx + D) with A = α²‖u‖⁴·(…), B = N_2²‖u+v_2‖⁴/σ_{p,2}⁴, so dS/dx < 0 when ‖u‖ is weak against ‖u+v_2‖. ' +
  'There the simulation (exact fast path, cross-checked against tfjs and a float64 d-dimensional GD) shows the error *rising* with N_1 / ' +
  'with a cleaner source, as S predicts: the inherited filters carry more v_1 (and source-noise) weight, whose components along e_1 ' +
  'and along the target noise amplify the target noise. Not a bug of ours: the effect follows S and vanishes where S agrees ' +
  '(ptransfer.fig1a / ptransfer.fig1b conform). The paper’s figure uses unstated ‖u‖, ‖v‖, so its regime may be one where S agrees.';

export const fig1aWeak = directionProperty('ptransfer.fig1a.weak-u', 'ptransfer.fig1a', '[extrapolation] Fig 1(a) as a universal direction, in weak-‖u‖ regimes where Thm 4.2\'s S decreases with N_1', 'N1', 'S-reverses', {
  title: 'More source data hurts when the universal signal is weak (as Thm 4.2’s S predicts)',
  explanation: WEAK_U_EXPLANATION,
  counterexample: {
    // err 0.285 ± 0.005 at N_1 = 57 vs 0.246 at N_1 = 14 (paired difference 0.039 ± 0.007 over 20 replicates)
    params: { d: 277, m: 10, N1: 57, N2: 20, sigmaP1: 4.2958, sigmaP2: 4.2958, uNorm: 1.3010334395904626, v1Norm: 6.3313718844557485, v2Norm: 6.3313718844557485, alpha: 1, eta: 0.01, sigma0: 0.01, T1: 300, T2: 150, eps: 0, nTest: 4000, smallerN1: 14, seed: 1073741801 },
    replay: 'npx ttc replay cHRyYW5zZmVyLmZpZzFhLndlYWstdXwyMDI2MTEyMnwwfHRlc3Q',
  },
});
export const fig1bWeak = directionProperty('ptransfer.fig1b.weak-u', 'ptransfer.fig1b', '[extrapolation] Fig 1(b) as a universal direction, in weak-‖u‖ regimes where Thm 4.2\'s S decreases as σ_{p,1} falls', 'sigmaP1', 'S-reverses', {
  title: 'A cleaner source hurts when the universal signal is weak (as Thm 4.2’s S predicts)',
  explanation: WEAK_U_EXPLANATION,
  counterexample: {
    // err 0.150 at σ_{p,1} = 1.44 vs 0.133 at σ_{p,1} = 2 (paired difference 0.017 ± 0.0008 over 20 replicates)
    params: { d: 593, m: 10, N1: 21, N2: 20, sigmaP1: 1.4364, sigmaP2: 2, uNorm: 0.9913993953903106, v1Norm: 5.205689784234618, v2Norm: 5.205689784234618, alpha: 1, eta: 0.01, sigma0: 0.01, T1: 300, T2: 150, eps: 0, nTest: 4000, noisierSigmaP1: 2, seed: 23 },
    replay: 'npx ttc replay cHRyYW5zZmVyLmZpZzFiLndlYWstdXwyMDI2MTEyMnwyfHRlc3Q',
  },
});
export const fig1c = directionProperty('ptransfer.fig1c', 'ptransfer.fig1c', '[extrapolation] Fig 1(c): larger ‖u‖ at fixed ‖u+v_2‖ ⇒ lower error with transfer (paper-like regimes)', 'uNorm');

// ---------------------------------------------------------------------------------------------------
// Fig 2's level at the printed settings

/** Sec 5 setting (4) at its most favourable cell (smallest d, largest ‖u‖ = ‖u+v_2‖ = 3, so v_k = 0). */
const FIG2_BEST: CellParams = { d: 100, m: 40, eta: 0.01, sigma0: 0.01, T1: 800, T2: 400, eps: 0, nTest: 1000, N1: 1000, N2: 100, sigmaP1: 15, sigmaP2: 15, alpha: 0.5, uNorm: 3, v1Norm: 0, v2Norm: 0 };
export const FIG2_LEVEL = 0.65;

export const fig2Level = defineProperty<{ seed: number }>({
  id: 'ptransfer.fig2.level',
  claimId: 'ptransfer.fig2',
  title: `[printed settings] Fig 2: the best cell of the grid (d = 100, ‖u‖ = 3) reaches accuracy ${FIG2_LEVEL} with transfer (the lower threshold of the truncated heat maps)`,
  arbitrary: fc.record({ seed: fc.integer({ min: 1, max: 2 ** 30 }) }),
  runs: { test: 1, quick: 1, full: 2 },
  alpha: ALPHA,
  compare: 'sign',
  // One fixed printed setting: only the seed could shrink, which says nothing — keep the regime as found.
  shrinkMs: { test: 0, quick: 0, full: 0 },
  deviation: {
    title: `Fig 2's accuracies are not reached at the printed settings: the best cell is at ≈ 0.57, below the ${FIG2_LEVEL}/0.70 thresholds of the truncated heat maps`,
    explanation:
      'At N_1 = 1000, N_2 = 100, σ_p = 15, α = 0.5, ‖u+v_2‖ = 3 the signal is tiny against noise patches of norm σ_p√d: Thm 4.2’s own ' +
      'statistic is S = Num/(Den·d) = 0.012 at the best cell (d = 100, ‖u‖ = 3) and S_3 = 0.0016 without transfer, i.e. both far ' +
      'below the near-optimal regime, and the simulation agrees (accuracy 0.57 with transfer, 0.53 without; the directions in d and ‖u‖ ' +
      'are reproduced, see the Fig 2 heat map). The fast path is cross-checked against plain d-dimensional GD (1e-10) and TensorFlow.js ' +
      '(2e-5); Fig 1(a)/(b) at ‖u+v‖ = 7 reproduce. So the printed levels need settings other than the printed ones (unstated ‖v‖ or ' +
      'normalisation), or a different σ_p. Fig 1(c) (d = 2000, same σ_p, ‖u+v_2‖) is at chance for the same reason.',
    counterexample: {
      // accuracy with transfer 0.573 (0.0773 ± 0.0037 below 0.65 over 3 replicates), without 0.527; p = 1.2e-3
      params: { ...FIG2_BEST, seed: 737889310 },
      replay: 'npx ttc replay cHRyYW5zZmVyLmZpZzIubGV2ZWx8MjAyNjExMjJ8MHx0ZXN0',
    },
  },
  params: (t) => ({ ...FIG2_BEST, seed: t.seed }),
  region: () => 'outside Condition 4.1 (extrapolation)',
  evaluate: () => ({
    prediction: { quantity: `accuracy with transfer − ${FIG2_LEVEL}`, kind: 'sign', sign: 1, details: { transferStatistic: stat(FIG2_BEST), baselineStatistic: bstat(FIG2_BEST) } },
    target: 1,
    statistic: `accuracy with transfer ≥ ${FIG2_LEVEL} (S = ${fmt(stat(FIG2_BEST))}, S_3 = ${fmt(bstat(FIG2_BEST))})`,
  }),
  measure: (t, budget) => {
    // Each replicate is a paper-size cell (≈ 5–15 s): few replicates, but the per-replicate sd is ≈ 0.01 against a gap of ≈ 0.08.
    const c = cells(FIG2_BEST, t.seed, replicates(budget, { test: 3, quick: 4, full: 8 }));
    return estimate(c.errT.map((e) => 1 - e - FIG2_LEVEL), `accuracy with transfer ${fmt(1 - mean(c.errT))}, without ${fmt(1 - mean(c.errB))}`);
  },
});

export const allPtransferChecks: CheckSpec[] = [
  thm42Loss,
  thm42Monotone,
  thm42MonotonePaper,
  thm42Constants,
  thm42Alpha0,
  thm43Monotone,
  prop44Gamma,
  prop44Both,
  prop44BothLiteral,
  negativeInside,
  negativePaper,
  negativeWeakBaseline,
  fig1a,
  fig1b,
  fig1c,
  fig1aWeak,
  fig1bWeak,
  fig2Level,
  kouLoss,
  kouMonotone,
  kouConstants,
  kouPaper,
];
