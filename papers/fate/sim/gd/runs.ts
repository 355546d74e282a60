/**
 * The four training procedures of *Features are fate* §3 on the deep linear network, each a thin
 * wrapper around `train` with the paper's objective, trained layers and stopping rule:
 *  - pretrain: population source loss (eq 4) from W(0) = αW̄, all layers (Lemma 3.3, Thm 3.4);
 *  - scratch: empirical target loss (eq 5) from a fresh small init (Thm 3.5, 3.6);
 *  - linear transfer: only W_L trained, W_1..W_{L−1} frozen at the pretrained values (Thm 3.7);
 *  - fine-tune: all layers trained from the pretrained weights (Thm 3.9).
 *
 * `flowEndpoint` runs a pipeline at step fractions c and c/2 and Richardson-extrapolates the end
 * point, 2β(c/2) − β(c): GD's deviation from the gradient-flow end point is O(c) (measured: it
 * halves with c), so the extrapolation is O(c²) — what the theorems, stated for gradient flow, predict.
 */
import type { Stream } from '../../../../core/rng/stream.ts';
import { cloneNet, initNetwork, product, type DeepLinear, type InitInfo, type InitKind } from './deepLinear.ts';
import { empiricalLossMin, empiricalObjective, populationObjective, type Objective, type TargetSet } from './objectives.ts';
import { train, TRAIN_DEFAULTS, type TrainResult } from './train.ts';
import { InputError } from '../../../../core/params.ts';
import { assertGdSize } from './params.ts';

export interface GdConfig {
  d: number;
  L: number;
  alpha: number;
  init: InitKind;
  /** Step as a fraction of the inverse curvature bound (train.ts). */
  c: number;
  tol: number;
  maxSteps: number;
}

export function gdConfig(p: { d: number; L: number; alpha: number; init?: number | InitKind; c?: number; tol?: number; maxSteps?: number }): GdConfig {
  assertGdSize(p.d, p.L);
  if (!(p.alpha > 0 && p.alpha <= 1)) throw new InputError(`alpha (init scale) must be in (0, 1], got ${p.alpha}`);
  const init: InitKind = p.init === 1 || p.init === 'gaussian' ? 'gaussian' : 'orthogonal';
  return { d: p.d, L: p.L, alpha: p.alpha, init, c: p.c ?? TRAIN_DEFAULTS.c, tol: p.tol ?? TRAIN_DEFAULTS.tol, maxSteps: p.maxSteps ?? TRAIN_DEFAULTS.maxSteps };
}

export interface Fit {
  beta: Float64Array;
  net: DeepLinear;
  result: TrainResult;
}

export interface Pretrained extends Fit {
  info: InitInfo;
}

/** Population pretraining on β_s (Lemma 3.3) from a fresh init drawn from `rng`. */
export function pretrain(cfg: GdConfig, betaS: Float64Array, sigma: number, rng: Stream, c = cfg.c): Pretrained {
  const { net, info } = initNetwork(cfg.d, cfg.L, cfg.alpha, rng, cfg.init);
  const result = train(net, populationObjective(betaS, sigma), { c, tol: cfg.tol, maxSteps: cfg.maxSteps });
  return { beta: product(net), net, result, info };
}

export function targetObjective(data: TargetSet): Objective {
  return empiricalObjective(data, empiricalLossMin(data));
}

/** Scratch training on the target set from a fresh init (Thm 3.5). */
export function scratch(cfg: GdConfig, obj: Objective, rng: Stream, c = cfg.c): Fit & { info: InitInfo } {
  const { net, info } = initNetwork(cfg.d, cfg.L, cfg.alpha, rng, cfg.init);
  const result = train(net, obj, { c, tol: cfg.tol, maxSteps: cfg.maxSteps });
  return { beta: product(net), net, result, info };
}

/**
 * The paper's training budget in gradient-flow time: lr 1e-3 × 1e5 steps. Linear transfer is stopped
 * there (or at ℓ − ℓ* ≤ tol): with t → ∞ first at fixed α, GD on W_L alone keeps fitting the residual
 * through the O(α) feature directions (curvature ∝ α²) and tends to an interpolator, not to b·β_s.
 * Thm 3.7's proof takes α → 0 in the features first (Φ = (Xβ_s)vᵀ); a fixed T with α → 0 is that order.
 */
export const PAPER_FLOW_TIME = 100;

/** Linear transfer: only W_L trained from the pretrained weights (Thm 3.7). */
export function linearTransfer(cfg: GdConfig, pre: DeepLinear, obj: Objective, T = PAPER_FLOW_TIME, c = cfg.c): Fit {
  const net = cloneNet(pre);
  const trainable = Array.from({ length: cfg.L }, (_, l) => l === cfg.L - 1);
  const result = train(net, obj, { trainable, c, tol: cfg.tol, maxSteps: cfg.maxSteps, maxTime: T });
  return { beta: product(net), net, result };
}

/** Fine-tuning: all layers from the pretrained weights (Thm 3.9). */
export function fineTune(cfg: GdConfig, pre: DeepLinear, obj: Objective, c = cfg.c): Fit {
  const net = cloneNet(pre);
  const result = train(net, obj, { c, tol: cfg.tol, maxSteps: cfg.maxSteps });
  return { beta: product(net), net, result };
}

export interface FlowEndpoint {
  /** Richardson-extrapolated end point 2β(c/2) − β(c) (or β(c) when not extrapolated). */
  beta: Float64Array;
  /** The GD end points behind it, at c and (when extrapolated) c/2. */
  fits: Fit[];
  steps: number;
  converged: boolean;
  note: string;
}

/** Runs `pipeline(c)` (and `pipeline(c/2)` when extrapolating) and combines the end points. */
export function flowEndpoint(pipeline: (c: number) => Fit, c: number, extrapolate: boolean): FlowEndpoint {
  const a = pipeline(c);
  if (!extrapolate) return { beta: a.beta, fits: [a], steps: a.result.steps, converged: a.result.converged, note: `GD at c = ${c}: ${a.result.note}` };
  const b = pipeline(c / 2);
  const beta = b.beta.map((x, i) => 2 * x - a.beta[i]!);
  return {
    beta,
    fits: [a, b],
    steps: a.result.steps + b.result.steps,
    converged: a.result.converged && b.result.converged,
    note: `Richardson 2β(c/2) − β(c), c = ${c}: [${a.result.note}] [${b.result.note}]`,
  };
}
