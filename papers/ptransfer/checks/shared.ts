import type { Params } from '../../../core/params.ts';
import type { CellParams } from '../sim/cell.ts';
import { holdsAll, transferCondition41 } from '../theory/hypotheses.ts';

// Generous time limits so that the runner's evaluation cap, not the machine's speed, ends shrinking (deterministic reports).
export const SHRINK = { test: 60_000, quick: 180_000, full: 600_000 };
/** A recorded deviation already carries its counterexample: no shrinking (the worst regime is reported as found). */
export const NO_SHRINK = { test: 0, quick: 0, full: 0 };

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : String(x));

/** A simulated regime as the claims' parameter point. */
export const asParams = (p: CellParams | object): Params => p as unknown as Params;

/** Where a regime lies against Condition 4.1 (the standing hypotheses of Thm 4.2–Prop 4.4). */
export function region(p: CellParams): string {
  return holdsAll(transferCondition41, asParams(p)) ? 'inside Condition 4.1' : 'outside Condition 4.1 (extrapolation)';
}
