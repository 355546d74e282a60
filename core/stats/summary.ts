/** Mean, sample variance and standard error of a set of draws (Welford, stable for large counts). */
export interface Summary {
  mean: number;
  variance: number;
  stderr: number;
  draws: number;
  /** Third central moment (1/n normalisation): the skewness input of Johnson's corrected t. */
  m3: number;
}

export function summarize(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) throw new RangeError('summarize: no values');
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (!Number.isFinite(x)) throw new RangeError(`summarize: value ${i} is ${x}`);
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  const variance = n > 1 ? m2 / (n - 1) : NaN;
  let m3 = 0;
  for (let i = 0; i < n; i++) m3 += (values[i]! - mean) ** 3;
  return { mean, variance, stderr: n > 1 ? Math.sqrt(variance / n) : NaN, draws: n, m3: m3 / n };
}

/** Differences of paired draws (same data set for both arms): the variance of a contrast. */
export function paired(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  if (a.length !== b.length) throw new RangeError('paired: arms have different lengths');
  return Array.from({ length: a.length }, (_, i) => a[i]! - b[i]!);
}
