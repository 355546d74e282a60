/**
 * The deep linear network of *Features are fate* §3: f(x) = xᵀW_1W_2⋯W_L with W_l ∈ R^{d×d} for
 * l < L and W_L ∈ R^{d×1}; its end-to-end predictor is β = W_1⋯W_L ∈ R^d.
 *
 * Layers are stored 0-based (`W[0]` is the paper's W_1), row-major Float64Arrays; the last layer is
 * a length-d vector. For a loss ℓ(β) with gradient g = ∇_β ℓ, the chain rule gives rank-one layer
 * gradients
 *   ∇_{W_l} ℓ = (W_1⋯W_{l−1})ᵀ g · (W_{l+1}⋯W_L)ᵀ = left_l ⊗ right_l,
 * so one GD step costs O(L d²) without ever forming a d×d product.
 */
import type { Stream } from '../../../../core/rng/stream.ts';
import { addOuter, gramCols, matTVec, matVec, minEigSym, randomOrthogonal, randomUnit } from './linalg.ts';

export interface DeepLinear {
  d: number;
  L: number;
  /** W[l] is d×d row-major for l < L−1; W[L−1] has length d. */
  W: Float64Array[];
}

export type InitKind = 'orthogonal' | 'gaussian';

export interface InitInfo {
  kind: InitKind;
  alpha: number;
  /** Scales c_l of W̄_l = c_l Q_l (orthogonal init). */
  scales?: number[];
  /** λ_min over l of W̄_lᵀW̄_l − W̄_{l+1}W̄_{l+1}ᵀ (eq 22, on the unscaled W̄); > 0 means (22) holds. */
  lambda22: number;
}

export function cloneNet(net: DeepLinear): DeepLinear {
  return { d: net.d, L: net.L, W: net.W.map((w) => w.slice()) };
}

/**
 * Orthogonal scales c_l² = (L − l + 1)/L (1-based l): c_1 > c_2 > … > c_L, so that
 * W̄_lᵀW̄_l − W̄_{l+1}W̄_{l+1}ᵀ = c_l²I − c_{l+1}²Q_{l+1}Q_{l+1}ᵀ = (c_l² − c_{l+1}²)I for hidden
 * layers, and c_{L−1}²I − c_L² e eᵀ ≽ (c_{L−1}² − c_L²)I for the last pair: eq (22) with λ = 1/L.
 */
export function orthogonalScales(L: number): number[] {
  return Array.from({ length: L }, (_, l) => Math.sqrt((L - l) / L));
}

/**
 * W_l(0) = α W̄_l. 'orthogonal': W̄_l = c_l Q_l (Haar orthogonal Q_l, last layer c_L × a random unit
 * vector), which satisfies eq (22). 'gaussian': i.i.d. N(0, 1/d) entries (a plain init; (22) fails,
 * λ_min < 0, and is reported so that claims that assume (22) can mark the run out of hypotheses).
 */
export function initNetwork(d: number, L: number, alpha: number, rng: Stream, kind: InitKind = 'orthogonal'): { net: DeepLinear; info: InitInfo } {
  if (!(Number.isInteger(L) && L >= 2)) throw new RangeError(`deep linear network needs integer L ≥ 2, got ${L}`);
  const bars: Float64Array[] = [];
  const scales = orthogonalScales(L);
  for (let l = 0; l < L; l++) {
    const last = l === L - 1;
    let Wb: Float64Array;
    if (kind === 'orthogonal') {
      Wb = last ? randomUnit(d, rng) : randomOrthogonal(d, rng);
      for (let i = 0; i < Wb.length; i++) Wb[i] *= scales[l]!;
    } else {
      Wb = rng.normals(last ? d : d * d, 1 / Math.sqrt(d));
    }
    bars.push(Wb);
  }
  const lambda22 = eq22LambdaMin(bars, d);
  const W = bars.map((b) => b.map((x) => alpha * x));
  return { net: { d, L, W }, info: { kind, alpha, scales: kind === 'orthogonal' ? scales : undefined, lambda22 } };
}

/** min over l of λ_min(W_lᵀW_l − W_{l+1}W_{l+1}ᵀ): the largest λ for which eq (22) holds. */
export function eq22LambdaMin(W: Float64Array[], d: number): number {
  let best = Infinity;
  for (let l = 0; l + 1 < W.length; l++) {
    const A = gramCols(W[l]!, d, d); // W_lᵀW_l
    const next = W[l + 1]!;
    const B = next.length === d ? outerSelf(next) : gramRowsSquare(next, d); // W_{l+1}W_{l+1}ᵀ
    for (let i = 0; i < A.length; i++) A[i] -= B[i]!;
    best = Math.min(best, minEigSym(A, d));
  }
  return best;
}

/** The invariant matrices D_l = W_lᵀW_l − W_{l+1}W_{l+1}ᵀ of gradient flow (eq 35), row-major d×d. */
export function invariants(net: DeepLinear): Float64Array[] {
  const { d, W } = net;
  const out: Float64Array[] = [];
  for (let l = 0; l + 1 < W.length; l++) {
    const A = gramCols(W[l]!, d, d);
    const next = W[l + 1]!;
    const B = next.length === d ? outerSelf(next) : gramRowsSquare(next, d);
    for (let i = 0; i < A.length; i++) A[i] -= B[i]!;
    out.push(A);
  }
  return out;
}

function outerSelf(v: Float64Array): Float64Array {
  const d = v.length;
  const M = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) M[i * d + j] = v[i]! * v[j]!;
  return M;
}

function gramRowsSquare(A: Float64Array, d: number): Float64Array {
  const M = new Float64Array(d * d);
  for (let p = 0; p < d; p++) {
    for (let q = p; q < d; q++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += A[p * d + j]! * A[q * d + j]!;
      M[p * d + q] = s;
      M[q * d + p] = s;
    }
  }
  return M;
}

/**
 * Workspace for products and gradients: right[l] = W_{l+1}⋯W_L (vectors, l ≤ L−2), left[l] =
 * (W_1⋯W_{l−1})ᵀ g. Allocated once per fit so the inner loop does not allocate.
 */
export class Workspace {
  readonly right: Float64Array[];
  readonly left: Float64Array[];
  readonly beta: Float64Array;
  constructor(readonly d: number, readonly L: number) {
    this.right = Array.from({ length: L - 1 }, () => new Float64Array(d));
    this.left = Array.from({ length: L }, () => new Float64Array(d));
    this.beta = new Float64Array(d);
  }
}

/** β = W_1⋯W_L (fills ws.right and ws.beta). */
export function forward(net: DeepLinear, ws: Workspace): Float64Array {
  const { d, L, W } = net;
  ws.right[L - 2]!.set(W[L - 1]!);
  for (let l = L - 3; l >= 0; l--) matVec(W[l + 1]!, d, d, ws.right[l + 1]!, ws.right[l]!);
  return matVec(W[0]!, d, d, ws.right[0]!, ws.beta);
}

/** Product β = W_1⋯W_L (allocating convenience). */
export function product(net: DeepLinear): Float64Array {
  return forward(net, new Workspace(net.d, net.L)).slice();
}

/** Φ = W_1⋯W_{L−1} (d×d), the hidden features of Thm 3.4. */
export function features(net: DeepLinear): Float64Array {
  const { d, L, W } = net;
  let P = W[0]!.slice();
  for (let l = 1; l < L - 1; l++) {
    const Q = new Float64Array(d * d);
    const B = W[l]!;
    for (let i = 0; i < d; i++)
      for (let k = 0; k < d; k++) {
        const a = P[i * d + k]!;
        if (a === 0) continue;
        for (let j = 0; j < d; j++) Q[i * d + j] += a * B[k * d + j]!;
      }
    P = Q;
  }
  return P;
}

/** Fills ws.left given g = ∇_β ℓ; requires forward() first. ∇_{W_l} = left[l] ⊗ right[l] (l < L−1), ∇_{W_L} = left[L−1]. */
export function backward(net: DeepLinear, ws: Workspace, g: Float64Array): void {
  const { d, L, W } = net;
  ws.left[0]!.set(g);
  for (let l = 1; l < L; l++) matTVec(W[l - 1]!, d, d, ws.left[l - 1]!, ws.left[l]!);
}

/** Dense gradient of layer l (for tests and finite-difference checks). */
export function layerGradient(net: DeepLinear, ws: Workspace, l: number): Float64Array {
  const { d, L } = net;
  if (l === L - 1) return ws.left[L - 1]!.slice();
  const G = new Float64Array(d * d);
  addOuter(G, 1, ws.left[l]!, ws.right[l]!);
  return G;
}

/** W_l −= η ∇_{W_l} for the layers in `trainable` (gradients from the last forward/backward). */
export function applyStep(net: DeepLinear, ws: Workspace, eta: number, trainable: readonly boolean[]): void {
  const { L, W } = net;
  for (let l = 0; l < L - 1; l++) if (trainable[l]) addOuter(W[l]!, -eta, ws.left[l]!, ws.right[l]!);
  if (trainable[L - 1]) {
    const w = W[L - 1]!;
    const g = ws.left[L - 1]!;
    for (let i = 0; i < w.length; i++) w[i] -= eta * g[i]!;
  }
}
