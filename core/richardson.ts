/**
 * Richardson extrapolation: from values at step (or size) h and h/r of a quantity with leading error
 * term c·h^p, (r^p·fine − coarse)/(r^p − 1) cancels that term. Used for GD step sizes (p = 1: the
 * gradient-flow end point 2β(c/2) − β(c)), 1/N finite-sample terms (p = 1: 2·X(2N) − X(N)), and 1/d terms.
 */
export function richardson(coarse: number, fine: number, order = 1, ratio = 2): number {
  const k = ratio ** order;
  return (k * fine - coarse) / (k - 1);
}

/** Per-draw Richardson combination of paired draws (same streams at both steps), for a t-test on the result. */
export function richardsonValues(coarse: ArrayLike<number>, fine: ArrayLike<number>, order = 1, ratio = 2): number[] {
  if (coarse.length !== fine.length) throw new RangeError('richardsonValues: arms have different lengths');
  return Array.from({ length: coarse.length }, (_, i) => richardson(coarse[i]!, fine[i]!, order, ratio));
}

/** Element-wise Richardson combination of two vectors (e.g. GD end points at step c and c/2). */
export function richardsonVector(coarse: Float64Array, fine: Float64Array, order = 1, ratio = 2): Float64Array {
  if (coarse.length !== fine.length) throw new RangeError('richardsonVector: lengths differ');
  const out = new Float64Array(coarse.length);
  for (let i = 0; i < out.length; i++) out[i] = richardson(coarse[i]!, fine[i]!, order, ratio);
  return out;
}
