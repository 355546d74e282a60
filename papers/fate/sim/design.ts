import { Matrix } from 'ml-matrix';
import type { Stream } from '../../../core/rng/stream.ts';

/**
 * One draw of the fate setting, faithfully: random unit β_s, β_t at angle θ to it (through a random unit
 * ν ⟂ β_s), Gaussian design X (n × d) and noisy target labels y = Xβ_t + ε.
 */
export interface TargetSet {
  x: Matrix;
  y: Float64Array;
  betaS: Float64Array;
  betaT: Float64Array;
}

export function unitVector(rng: Stream, d: number): Float64Array {
  const v = rng.normals(d);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** Source and target directions at angle θ. */
export function taskPair(rng: Stream, d: number, theta: number): { betaS: Float64Array; betaT: Float64Array } {
  const betaS = unitVector(rng, d);
  const g = rng.normals(d);
  let proj = 0;
  for (let i = 0; i < d; i++) proj += g[i]! * betaS[i]!;
  for (let i = 0; i < d; i++) g[i]! -= proj * betaS[i]!;
  const gn = Math.hypot(...g);
  const betaT = new Float64Array(d);
  for (let i = 0; i < d; i++) betaT[i] = Math.cos(theta) * betaS[i]! + Math.sin(theta) * (g[i]! / gn);
  return { betaS, betaT };
}

export function drawTargetSet(rng: Stream, n: number, d: number, sigma: number, betaS: Float64Array, betaT: Float64Array): TargetSet {
  const x = new Matrix(n, d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.normal();
      x.set(i, j, v);
      s += v * betaT[j]!;
    }
    y[i] = s + sigma * rng.normal();
  }
  return { x, y, betaS, betaT };
}

export function sqDist(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s;
}
