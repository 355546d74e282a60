import { softplus } from './fast.ts';

/**
 * The plain d-dimensional CNN in float64 (no reduction): the reference that the fast path must match to
 * round-off on the same data. O(T·m·n·d); used in tests and small cross-checks only.
 */
export interface DirectResult {
  W: Float64Array;
  losses: number[];
  finalLoss: number;
  steps: number;
}

export function cnnOutputs(W: Float64Array, X1: Float64Array, X2: Float64Array, n: number, d: number, m: number): Float64Array {
  const F = 2 * m;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let r = 0; r < F; r++) {
      let a = 0;
      let b = 0;
      for (let t = 0; t < d; t++) {
        a += W[r * d + t]! * X1[i * d + t]!;
        b += W[r * d + t]! * X2[i * d + t]!;
      }
      acc += (r < m ? 1 : -1) * (Math.max(a, 0) + Math.max(b, 0));
    }
    f[i] = acc / m;
  }
  return f;
}

export function trainDirect(
  W0: Float64Array,
  X1: Float64Array,
  X2: Float64Array,
  y: Float64Array,
  d: number,
  opts: { eta: number; T: number; eps: number },
): DirectResult {
  const n = y.length;
  const F = W0.length / d;
  const m = F / 2;
  const W = W0.slice();
  const losses: number[] = [];
  const H1 = new Float64Array(n * F);
  const H2 = new Float64Array(n * F);
  let steps = 0;
  let loss = NaN;
  for (let t = 0; ; t++) {
    for (let i = 0; i < n; i++)
      for (let r = 0; r < F; r++) {
        let a = 0;
        let b = 0;
        for (let k = 0; k < d; k++) {
          a += W[r * d + k]! * X1[i * d + k]!;
          b += W[r * d + k]! * X2[i * d + k]!;
        }
        H1[i * F + r] = a;
        H2[i * F + r] = b;
      }
    loss = 0;
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let r = 0; r < F; r++) f += (r < m ? 1 : -1) * (Math.max(H1[i * F + r]!, 0) + Math.max(H2[i * F + r]!, 0));
      f /= m;
      loss += softplus(-y[i]! * f);
      h[i] = -y[i]! / (1 + Math.exp(y[i]! * f)) / (n * m);
    }
    loss /= n;
    losses.push(loss);
    if (t >= opts.T || loss <= opts.eps) break;
    for (let r = 0; r < F; r++) {
      const j = r < m ? 1 : -1;
      for (let i = 0; i < n; i++) {
        const c1 = H1[i * F + r]! > 0 ? -opts.eta * j * h[i]! : 0;
        const c2 = H2[i * F + r]! > 0 ? -opts.eta * j * h[i]! : 0;
        if (c1 === 0 && c2 === 0) continue;
        for (let k = 0; k < d; k++) W[r * d + k]! += c1 * X1[i * d + k]! + c2 * X2[i * d + k]!;
      }
    }
    steps++;
  }
  return { W, losses, finalLoss: loss, steps };
}
