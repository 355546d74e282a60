import type fc from 'fast-check';
import type { Claim, Prediction } from '../theory/claim.ts';
import type { SimSpec } from '../sim/sim.ts';
import type { Params } from '../core/params.ts';
import type { Detect } from '../core/levels.ts';
import type { Budget, CheckSpec } from './check.ts';
import { defineCheck } from './runner.ts';
import { estimate } from '../core/measurement.ts';
import { failedHypotheses } from './hypotheses.ts';

/**
 * A check that a simulated quantity is monotone in a statistic the claim prints (a bound with unknown
 * constants fixes at least this order: error decreasing in n‖μ‖⁴/(σ⁴d), say). Each drawn value gives two
 * parameter points a, b; the claim's prediction at each gives the statistic (`statistic(prediction)`,
 * default its `value`), and the check confirms that E[Q(b) − Q(a)] has the sign the direction predicts —
 * significantly, with power against the declared effect `detect` (a 'sign' comparison). The two points are
 * simulated with the same seed (common random numbers), so the difference is paired.
 */
export interface MonotoneCheckDef<T> {
  id: string;
  aliases?: readonly string[];
  claim: Claim;
  simulation: SimSpec;
  title: string;
  /** Regimes; each must carry its simulation seed (so a value replays). */
  arbitrary: fc.Arbitrary<T>;
  /** The two parameter points compared (the claim's parameters). */
  pair(t: T): [Params, Params];
  seed(t: T): number;
  /** The printed statistic, from the claim's prediction (default: prediction.value). */
  statistic?(prediction: Prediction): number;
  /** How the simulated quantity moves as the statistic grows. */
  direction: 'increasing' | 'decreasing';
  /** The simulation's parameters at a claim point (default: the same). */
  simParams?(p: Params): Params;
  /** Independent draws per point and budget. */
  draws: Record<Budget, number>;
  /** The smallest effect on the predicted side that matters, with its reason. */
  detect: Detect;
  /** This check's share of your run's false-failure rate (default DEFAULT_CHECK_LEVEL). */
  level?: number;
  runs: Record<Budget, number>;
}

export function defineMonotoneCheck<T>(def: MonotoneCheckDef<T>): CheckSpec {
  const { claim } = def;
  const stat = (p: Params) => (def.statistic ?? ((pr: Prediction) => pr.value!))(claim.predict(p));
  return defineCheck<T>({
    id: def.id,
    aliases: def.aliases,
    claim,
    simulations: [def.simulation],
    title: def.title,
    arbitrary: def.arbitrary,
    runs: def.runs,
    compare: 'sign',
    detect: def.detect,
    level: def.level,
    params: (t) => {
      const [a, b] = def.pair(t);
      return { ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`${k}_a`, v])), ...Object.fromEntries(Object.entries(b).map(([k, v]) => [`${k}_b`, v])), seed: def.seed(t) };
    },
    evaluate(t) {
      const [a, b] = def.pair(t);
      const out = [...failedHypotheses(claim, a), ...failedHypotheses(claim, b)];
      if (out.length) return { skip: `outside hypotheses ${[...new Set(out)].join(', ')}`, outOfHypotheses: true };
      const sa = stat(a);
      const sb = stat(b);
      if (!(sa !== sb)) return { skip: 'the two points have the same statistic' };
      const sign = (Math.sign(sb - sa) * (def.direction === 'increasing' ? 1 : -1)) as -1 | 1;
      const prediction: Prediction = { quantity: `sign of E[Q(b) − Q(a)], ${def.simulation.quantity}`, kind: 'monotone', sign, details: { statisticA: sa, statisticB: sb } };
      return { prediction, target: sign, statistic: `paired difference Q(b) − Q(a), statistic ${sa.toPrecision(4)} → ${sb.toPrecision(4)}, predicted ${sign > 0 ? '> 0' : '< 0'}` };
    },
    async measure(t, budget) {
      const [a, b] = def.pair(t);
      const toSim = def.simParams ?? ((p: Params) => p);
      const opts = { seed: def.seed(t), draws: def.draws[budget] };
      const ma = await def.simulation.run(toSim(a), opts);
      const mb = await def.simulation.run(toSim(b), opts);
      return estimate(mb.values.map((v, i) => v - ma.values[i]!), `Q(a) = ${ma.mean.toPrecision(4)}, Q(b) = ${mb.mean.toPrecision(4)}`);
    },
  });
}

