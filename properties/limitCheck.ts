import type fc from 'fast-check';
import type { Claim } from '../theory/claim.ts';
import type { Params } from '../core/params.ts';
import type { Tolerance } from '../core/levels.ts';
import type { Budget, CheckSpec } from './check.ts';
import { defineCheck } from './runner.ts';
import { richardson } from '../core/richardson.ts';
import { failedHypotheses } from './hypotheses.ts';

/**
 * A check that an exact finite-size form tends to the printed limit: `claim.predict(p)` returns the printed
 * limit as `value` and, when the size parameter is given, the finite-size form as `finiteSize.value`. The
 * finite-size form is evaluated at sizes N and 2N and extrapolated (Richardson, with the gap's stated order
 * `rate`: gap = c·size^(−rate) + smaller terms); the extrapolated limit is compared with the printed value
 * within a stated tolerance (deterministic: a 'close' comparison, no level). A typo in the printed limit
 * leaves a gap that does not vanish and fails; a finite-size form checked against simulation elsewhere (an
 * 'equal' check) then carries the printed statement to the simulation.
 */
export interface LimitCheckDef<T> {
  id: string;
  aliases?: readonly string[];
  claim: Claim;
  title: string;
  /** The regimes (everything but the size). */
  arbitrary: fc.Arbitrary<T>;
  /** The claim's parameters at a regime, without the size. */
  params(t: T): Params;
  /** The name of the size parameter (e.g. 'n' or 'd'). */
  size: string;
  /** The size N at which the gap is extrapolated (2N is used too); large enough that higher-order terms are below the tolerance. */
  at: number | ((t: T) => number);
  /** Order of the finite-size gap (1 for a 1/n term). */
  rate: number;
  tolerance: Tolerance;
  runs: Record<Budget, number>;
}

export function defineLimitCheck<T>(def: LimitCheckDef<T>): CheckSpec {
  const { claim } = def;
  const sizeAt = (t: T) => (typeof def.at === 'function' ? def.at(t) : def.at);
  const finite = (p: Params, size: number): number => {
    const v = claim.predict({ ...p, [def.size]: size }).finiteSize?.value;
    if (v === undefined) throw new TypeError(`${def.id}: ${claim.id}.predict() returns no finiteSize.value when ${def.size} is given`);
    return v;
  };
  return defineCheck<T>({
    id: def.id,
    aliases: def.aliases,
    claim,
    title: def.title,
    arbitrary: def.arbitrary,
    runs: def.runs,
    compare: 'close',
    tolerance: def.tolerance,
    shrinkMs: { test: 0, quick: 0, full: 0 },
    params: (t) => ({ ...def.params(t), [def.size]: sizeAt(t) }),
    evaluate(t) {
      const p = def.params(t);
      const out = failedHypotheses(claim, p);
      if (out.length) return { skip: `outside hypotheses ${out.join(', ')}`, outOfHypotheses: true };
      const prediction = claim.predict(p);
      if (prediction.value === undefined) throw new TypeError(`${def.id}: ${claim.id}.predict() returns no value (the printed limit)`);
      return { prediction, target: prediction.value, statistic: `printed limit ${prediction.quantity} vs the finite-size form at ${def.size} = ${sizeAt(t)}, ${2 * sizeAt(t)}, extrapolated with a gap of order ${def.size}^−${def.rate}` };
    },
    measure(t) {
      const p = def.params(t);
      const N = sizeAt(t);
      const a = finite(p, N);
      const b = finite(p, 2 * N);
      const limit = richardson(a, b, def.rate);
      return { mean: limit, stderr: 0, draws: 1, note: `finite-size form ${a.toPrecision(6)} at ${def.size} = ${N}, ${b.toPrecision(6)} at ${2 * N}; extrapolated ${limit.toPrecision(6)}` };
    },
  });
}

