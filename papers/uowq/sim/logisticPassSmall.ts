/**
 * logisticPass.ts's pass4 written out for d = 1, 2, 3: the same pass, without the zero-padded coordinates. In pass4 a
 * coordinate p ≥ d has x_p = +0 and θ_p = 0, so it adds +0 to η (η is never −0 after `0 + x_0θ_0`: a sum of floats
 * that cancels exactly is +0), and its gradient and Hessian accumulators are never read back; dropping them leaves
 * every kept accumulator with the same additions in the same order — the same floats bit for bit
 * (logisticPassSmall.test.ts), with 2–4 instead of 14 accumulators per sample. Rows keep stride 4.
 */
import type { UowqConfig } from './core.ts';
import type { PassOut } from './logisticPass.ts';
import { expNeg } from './expNeg.ts';

const BLOCK = 512;
const EPS = Number.EPSILON;

const used = (c: UowqConfig, k: number) => c.alpha[k]! !== 0 && c.n[k]! !== 0;

export function pass1(X: readonly Float64Array[], Y: readonly Uint8Array[], c: UowqConfig, K: number, th: Float64Array, g: Float64Array, H: Float64Array, out: PassOut): void {
  const t0 = th[0]!;
  let g0 = 0;
  let h00 = 0;
  let f = 0;
  let bound = 0;
  for (let k = 0; k <= K; k++) {
    if (!used(c, k)) continue;
    const nk = c.n[k]!;
    const w = c.alpha[k]! / nk;
    const Xk = X[k]!;
    const Yk = Y[k]!;
    let lin = 0;
    let abs = 0;
    let logs = 0;
    let prod = 1;
    for (let i = 0; i < nk; i++) {
      const x0 = Xk[4 * i]!;
      let eta = 0;
      eta += x0 * t0;
      const ex = expNeg(-Math.abs(eta));
      const mu = eta >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
      const y = Yk[i]!;
      lin += y * eta - (eta > 0 ? eta : 0);
      abs += Math.abs(eta) + 1;
      prod *= 1 + ex;
      if ((i & (BLOCK - 1)) === BLOCK - 1) {
        logs += Math.log(prod);
        prod = 1;
      }
      const res = w * (y - mu);
      const v = w * mu * (1 - mu);
      g0 += res * x0;
      h00 += v * x0 * x0;
    }
    logs += Math.log(prod);
    f += w * (lin - logs);
    bound += w * (4 * nk * EPS * abs + 2 * nk * EPS);
  }
  g[0] = g0;
  H[0] = h00;
  out.f = f;
  out.bound = bound + 4 * EPS * Math.abs(f);
}

export function pass2(X: readonly Float64Array[], Y: readonly Uint8Array[], c: UowqConfig, K: number, th: Float64Array, g: Float64Array, H: Float64Array, out: PassOut): void {
  const t0 = th[0]!;
  const t1 = th[1]!;
  let g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0; // prettier-ignore
  let f = 0;
  let bound = 0;
  for (let k = 0; k <= K; k++) {
    if (!used(c, k)) continue;
    const nk = c.n[k]!;
    const w = c.alpha[k]! / nk;
    const Xk = X[k]!;
    const Yk = Y[k]!;
    let lin = 0;
    let abs = 0;
    let logs = 0;
    let prod = 1;
    for (let i = 0; i < nk; i++) {
      const r = 4 * i;
      const x0 = Xk[r]!;
      const x1 = Xk[r + 1]!;
      let eta = 0;
      eta += x0 * t0;
      eta += x1 * t1;
      const ex = expNeg(-Math.abs(eta));
      const mu = eta >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
      const y = Yk[i]!;
      lin += y * eta - (eta > 0 ? eta : 0);
      abs += Math.abs(eta) + 1;
      prod *= 1 + ex;
      if ((i & (BLOCK - 1)) === BLOCK - 1) {
        logs += Math.log(prod);
        prod = 1;
      }
      const res = w * (y - mu);
      const v = w * mu * (1 - mu);
      g0 += res * x0;
      let vx = v * x0;
      h00 += vx * x0;
      h01 += vx * x1;
      g1 += res * x1;
      vx = v * x1;
      h11 += vx * x1;
    }
    logs += Math.log(prod);
    f += w * (lin - logs);
    bound += w * (4 * nk * EPS * abs + 2 * nk * EPS);
  }
  g[0] = g0;
  g[1] = g1;
  H[0] = h00;
  H[1] = h01;
  H[2] = h01;
  H[3] = h11;
  out.f = f;
  out.bound = bound + 4 * EPS * Math.abs(f);
}

export function pass3(X: readonly Float64Array[], Y: readonly Uint8Array[], c: UowqConfig, K: number, th: Float64Array, g: Float64Array, H: Float64Array, out: PassOut): void {
  const t0 = th[0]!;
  const t1 = th[1]!;
  const t2 = th[2]!;
  let g0 = 0, g1 = 0, g2 = 0, h00 = 0, h01 = 0, h02 = 0, h11 = 0, h12 = 0, h22 = 0; // prettier-ignore
  let f = 0;
  let bound = 0;
  for (let k = 0; k <= K; k++) {
    if (!used(c, k)) continue;
    const nk = c.n[k]!;
    const w = c.alpha[k]! / nk;
    const Xk = X[k]!;
    const Yk = Y[k]!;
    let lin = 0;
    let abs = 0;
    let logs = 0;
    let prod = 1;
    for (let i = 0; i < nk; i++) {
      const r = 4 * i;
      const x0 = Xk[r]!;
      const x1 = Xk[r + 1]!;
      const x2 = Xk[r + 2]!;
      let eta = 0;
      eta += x0 * t0;
      eta += x1 * t1;
      eta += x2 * t2;
      const ex = expNeg(-Math.abs(eta));
      const mu = eta >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
      const y = Yk[i]!;
      lin += y * eta - (eta > 0 ? eta : 0);
      abs += Math.abs(eta) + 1;
      prod *= 1 + ex;
      if ((i & (BLOCK - 1)) === BLOCK - 1) {
        logs += Math.log(prod);
        prod = 1;
      }
      const res = w * (y - mu);
      const v = w * mu * (1 - mu);
      g0 += res * x0;
      let vx = v * x0;
      h00 += vx * x0;
      h01 += vx * x1;
      h02 += vx * x2;
      g1 += res * x1;
      vx = v * x1;
      h11 += vx * x1;
      h12 += vx * x2;
      g2 += res * x2;
      vx = v * x2;
      h22 += vx * x2;
    }
    logs += Math.log(prod);
    f += w * (lin - logs);
    bound += w * (4 * nk * EPS * abs + 2 * nk * EPS);
  }
  g[0] = g0;
  g[1] = g1;
  g[2] = g2;
  H[0] = h00;
  H[1] = h01;
  H[2] = h02;
  H[3] = h01;
  H[4] = h11;
  H[5] = h12;
  H[6] = h02;
  H[7] = h12;
  H[8] = h22;
  out.f = f;
  out.bound = bound + 4 * EPS * Math.abs(f);
}
