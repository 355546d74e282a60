/**
 * Full-batch gradient descent on a deep linear network, as a discretisation of the gradient flow
 * (eq 6) that the paper's theorems are about.
 *
 * Step size. The paper uses a fixed lr 1e-3 for up to 1e5 steps with α = 1e-5 and d = 500; at
 * d ≤ 64 in JavaScript that would take minutes per fit. We instead take, at every step,
 *   η = min( c / κ̂ , c_rel · min_l ‖W_l‖_F / ‖∇_{W_l}‖_F , η_max ),
 * where κ̂ bounds the Hessian's norm in parameter space:
 *   κ̂ = λ_max(∇²_β ℓ) · Σ_l Π_{k≠l}‖W_k‖²_F  +  ‖∇_β ℓ‖ · max_l Σ_{m≠l} Π_{k≠l,m}‖W_k‖_F
 * (the Gauss–Newton part JᵀHJ with ‖J‖² ≤ Σ_l‖∂β/∂W_l‖², plus a block bound of the residual part).
 * With c < 2 this is stable GD; with c ≪ 1 each step moves the parameters by a small fraction of
 * the local curvature scale and of their own size, so the iterates follow the gradient-flow path
 * with an O(c) error (a common step size for all layers only reparametrises time, which does not
 * change the flow's path or end point). The relative cap c_rel is what makes small-α runs cheap:
 * while the weights are O(α) the curvature is tiny and the flow's speed is governed by the weights'
 * own growth rate. The one systematic GD effect is the drift of the flow invariants D_l (eq 35) by
 * η²(∇_lᵀ∇_l − ∇_{l+1}∇_{l+1}ᵀ) per step, O(c) in total (deepLinear.test.ts measures it halving
 * with c). End points that depend on the invariants (fine-tuning) therefore sit O(c) from the flow's:
 * ≈ 5e-4 … 1.5e-3 relative at c = 0.1 for d ≤ 48; runs.ts's `flowEndpoint` removes the O(c) term by
 * Richardson extrapolation (c, c/2), leaving ~1e-5. End points fixed by the geometry alone (X⁺y for
 * scratch, b·β_s for linear transfer) are not affected at first order.
 *
 * Stopping: ℓ − ℓ* ≤ tol (the paper's "loss ≤ 1e-6", with ℓ* = 0 when interpolation is possible
 * and the least-squares residual otherwise), or maxSteps; non-convergence is reported, never hidden.
 */
import { applyStep, backward, forward, Workspace, type DeepLinear } from './deepLinear.ts';
import { dot, norm, norm2 } from './linalg.ts';
import type { Objective } from './objectives.ts';

export interface TrainOptions {
  /** Which layers move (0-based; length L). Default: all. */
  trainable?: readonly boolean[];
  /** Curvature fraction c (stability needs c < 2). Default 0.1. */
  c?: number;
  /** Per-step cap on the relative change of each trained layer. Default 0.05. */
  cRel?: number;
  etaMax?: number;
  /** Stop when ℓ − ℓ* ≤ tol. Default 1e-12. */
  tol?: number;
  maxSteps?: number;
  /** Stop when the integrated flow time Σ η reaches this (the paper's lr × steps budget). Default ∞. */
  maxTime?: number;
}

export interface TrainResult {
  steps: number;
  /** ℓ − ℓ* at the end. */
  excessLoss: number;
  converged: boolean;
  /** Integrated gradient-flow time Σ η. */
  time: number;
  /** Stop reason, for method notes. */
  note: string;
}

export const TRAIN_DEFAULTS = { c: 0.1, cRel: 0.05, etaMax: 1e6, tol: 1e-12, maxSteps: 200_000 } as const;

/** Trains `net` in place. */
export function train(net: DeepLinear, obj: Objective, opts: TrainOptions = {}): TrainResult {
  const { d, L, W } = net;
  const trainable = opts.trainable ?? Array.from({ length: L }, () => true);
  if (trainable.length !== L) throw new RangeError(`trainable mask has length ${trainable.length}, expected L = ${L}`);
  const c = opts.c ?? TRAIN_DEFAULTS.c;
  const cRel = opts.cRel ?? TRAIN_DEFAULTS.cRel;
  const etaMax = opts.etaMax ?? TRAIN_DEFAULTS.etaMax;
  const tol = opts.tol ?? TRAIN_DEFAULTS.tol;
  const maxSteps = opts.maxSteps ?? TRAIN_DEFAULTS.maxSteps;
  const maxTime = opts.maxTime ?? Infinity;
  const ws = new Workspace(d, L);
  const g = new Float64Array(d);
  const fro = new Float64Array(L);
  const fro2 = new Float64Array(L);
  const gl2 = new Float64Array(L);
  let time = 0;
  let excess = Infinity;
  let steps = 0;
  for (; ; steps++) {
    const beta = forward(net, ws);
    excess = obj.gradExcess(beta, g);
    if (excess <= tol) return { steps, excessLoss: excess, converged: true, time, note: `converged: ℓ − ℓ* = ${excess.toExponential(2)} ≤ ${tol} after ${steps} steps` };
    if (steps >= maxSteps) break;
    if (time >= maxTime) return { steps, excessLoss: excess, converged: false, time, note: `stopped at flow time ${time.toPrecision(4)} ≥ ${maxTime} after ${steps} steps (ℓ − ℓ* = ${excess.toExponential(2)})` };
    backward(net, ws, g);
    // ‖W_l‖²_F is tracked through the rank-one updates (see below) and refreshed every 256 steps
    // against round-off; recomputing it each step would cost as much as the step itself.
    if ((steps & 255) === 0) for (let l = 0; l < L; l++) fro2[l] = norm2(W[l]!);
    const gb = dot(g, beta);
    for (let l = 0; l < L; l++) fro[l] = Math.sqrt(Math.max(fro2[l]!, 0));
    // Gauss–Newton part: Σ over trained layers of Π_{k≠l}‖W_k‖² (untrained layers do not enter the Hessian).
    let jj = 0;
    let rel = Infinity;
    let cross = 0;
    const gn = norm(g);
    for (let l = 0; l < L; l++) {
      if (!trainable[l]) continue;
      let p = 1;
      for (let k = 0; k < L; k++) if (k !== l) p *= fro[k]! * fro[k]!;
      jj += p;
      gl2[l] = l === L - 1 ? norm2(ws.left[l]!) : norm2(ws.left[l]!) * norm2(ws.right[l]!);
      const gl = Math.sqrt(gl2[l]!);
      if (gl > 0) rel = Math.min(rel, fro[l]! / gl);
      let row = 0;
      for (let m = 0; m < L; m++) {
        if (m === l || !trainable[m]) continue;
        let q = 1;
        for (let k = 0; k < L; k++) if (k !== l && k !== m) q *= fro[k]!;
        row += q;
      }
      cross = Math.max(cross, row);
    }
    const kappa = obj.lambdaMax * jj + gn * cross;
    const eta = Math.min(c / kappa, cRel * rel, etaMax, maxTime - time);
    applyStep(net, ws, eta, trainable);
    // ‖W − η a bᵀ‖² = ‖W‖² − 2η aᵀWb + η²‖a‖²‖b‖², and aᵀW_l b = left_lᵀW_l right_l = gᵀβ for every l.
    for (let l = 0; l < L; l++) if (trainable[l]) fro2[l] = fro2[l]! - 2 * eta * gb + eta * eta * gl2[l]!;
    time += eta;
  }
  return { steps, excessLoss: excess, converged: false, time, note: `NOT converged: ℓ − ℓ* = ${excess.toExponential(2)} > ${tol} after ${maxSteps} steps` };
}
