/** Types shared by the fast path, its kernels and its worker/split variants (kept apart so none of them import each other for types). */
import type { Labels, TaskSpec } from './data.ts';
import type { PoolBlock } from './pool.ts';

export interface FastTask {
  spec: TaskSpec;
  labels: Labels;
  noise: PoolBlock;
}

export interface TrainOptions {
  eta: number;
  T: number;
  /** Stop once the training loss is ≤ eps (0: run all T steps). */
  eps: number;
  /** Record the loss curve (always recorded when cheap; set false to save memory at paper scale). */
  curve?: boolean;
  /**
   * Allow the factor path (kernels.ts: Z += Ξ(ΞᵀΔb) when the task's noise vectors are explicit and d < n/3);
   * false forces the Gram product (cross-checks). Equal to round-off either way.
   */
  factor?: boolean;
  /** The JavaScript twin's fused update (kernels.ts updateRangeJs, bit-identical); false forces updateRange (cross-checks). */
  fused?: boolean;
}

export interface TrainResult {
  C: Float64Array;
  losses: number[];
  finalLoss: number;
  steps: number;
  /** Fraction of (filter, sample) noise activations at the end. */
  activeFraction: number;
}
