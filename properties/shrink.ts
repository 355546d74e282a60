import fc from 'fast-check';
import type { Params } from '../core/params.ts';
import type { Budget, CheckOptions, Counterexample } from './check.ts';
import { replayCommand, type ReplayTarget } from './replay.ts';
import type { Outcome } from './outcome.ts';
import type { PropertyDef } from './propertyDef.ts';
import { runOfPath, sampling } from './strata.ts';

/** The value a replay token's path names: a drawn regime by index, or the end of a shrink path. */
export function replayValue<T>(def: Pick<PropertyDef<T>, 'arbitrary'>, opts: CheckOptions, runs: number): T {
  const [head, ...rest] = opts.path!.split(':');
  const idx = Number(head);
  if (!Number.isInteger(idx) || idx < 0) throw new RangeError(`bad path ${opts.path}`);
  const drawn = sampling(def.arbitrary);
  if (rest.length === 0) return drawn.pick(fc.sample(drawn.arbitrary, { seed: opts.seed, numRuns: Math.max(runs, idx + 1) })[idx], idx);
  // A shrunk path: let fast-check walk it and hand back the value at its end.
  let found: T | undefined;
  fc.check(
    fc.property(drawn.arbitrary, (v) => {
      found = drawn.pick(v, idx);
      return false;
    }),
    { seed: opts.seed, path: opts.path, numRuns: Math.max(runs, idx + 1), endOnFailure: true },
  );
  return found!;
}

const SHRINK_EVALS: Record<Budget, number> = { test: 60, quick: 150, full: 400 };

/**
 * Shrinks the worst failing regime with fast-check from its path to a smallest counterexample that still fails at
 * the Bonferroni level of the full check. `evaluate` is the runner's own evaluation of one value (with the same
 * top-up a replay performs), so the shrunk case replays as a failure.
 */
export async function shrink<T>(def: Pick<PropertyDef<T>, 'id' | 'arbitrary' | 'compare' | 'params' | 'shrinkMs'>, opts: CheckOptions, all: Outcome[], failing: Outcome[], runs: number, checkLevel: number, evaluate: (v: T) => Promise<Outcome | { skipped: string }>): Promise<Counterexample> {
  const worst = failing.reduce((a, b) => (a.p <= b.p ? a : b));
  // Bonferroni over the configured runs — the same level a replay of one path is judged at — so a
  // shrunk counterexample replays as a failure.
  const level = checkLevel / Math.max(1, runs, all.length);
  const limit = (def.shrinkMs ?? { test: 5_000, quick: 30_000, full: 120_000 })[opts.budget];
  const maxEvals = limit > 0 ? SHRINK_EVALS[opts.budget] : 0;
  // Shrinking also stops after a fixed number of evaluations, so that on a machine fast enough not to
  // hit the time limit the counterexample does not depend on the machine's speed (reports must be
  // byte-identical for the same seed): later candidates are treated as passing.
  let evals = 0;
  const drawn = sampling(def.arbitrary);
  const run = runOfPath(worst.rec.path);
  // Memo by the regime itself: with stratified draws fast-check also shrinks the strata this run does not read,
  // which leave the regime unchanged — answered here without a new measurement or an evaluation counted.
  const seen = new Map<string, boolean>();
  const fails = async (v: T): Promise<boolean> => {
    const key = JSON.stringify(v);
    const known = seen.get(key);
    if (known !== undefined) return known;
    if (++evals > maxEvals) return false;
    const o = await evaluate(v);
    const out = 'skipped' in o ? false : def.compare === 'close' ? !o.rec.ok : o.p <= level;
    seen.set(key, out);
    return out;
  };
  let best: { params: Params; path: string } = { params: worst.rec.params, path: worst.rec.path };
  let shrunk = false;
  const r = maxEvals === 0 ? undefined : await fc.check(
    fc.asyncProperty(drawn.arbitrary, async (v) => !(await fails(drawn.pick(v, run)))),
    { seed: opts.seed, path: worst.rec.path, numRuns: runs, interruptAfterTimeLimit: limit, markInterruptAsFailure: false },
  );
  if (r?.failed && r.counterexample && r.counterexamplePath) {
    best = { params: def.params(drawn.pick(r.counterexample[0], run)), path: r.counterexamplePath };
    shrunk = r.counterexamplePath !== worst.rec.path;
  }
  const target: ReplayTarget = { checkId: def.id, seed: opts.seed, path: best.path, budget: opts.budget };
  return {
    params: best.params,
    path: best.path,
    seed: opts.seed,
    replay: replayCommand(target),
    shrunk,
    evidence: `worst regime p = ${worst.p.toExponential(2)} (sim ${worst.rec.measurement.mean.toPrecision(5)} ± ${worst.rec.measurement.stderr.toPrecision(2)} vs ${worst.rec.statistic}); shrunk case rejected at Bonferroni level ${level.toExponential(2)}`,
  };
}

