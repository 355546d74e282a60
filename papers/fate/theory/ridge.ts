/**
 * Ridge linear transfer (Thm 3.8). With rank-one features Φ = zvᵀ (‖v‖ = 1 for a balanced net),
 * eq (14) gives β̂ = b_λ β_s with b_λ = zᵀy/(‖z‖² + nλ). Conditioning on r² = ‖z‖² ~ χ²_n,
 *   E[b_λ | r] = cos θ r²/(r² + nλ),  E[b_λ² | r] = (cos²θ r⁴ + (sin²θ + σ²) r²)/(r² + nλ)²,
 * so, exactly at finite n (derived here),
 *   E R^λ = 1 − 2cos²θ E[r²/(r²+nλ)] + cos²θ E[r⁴/(r²+nλ)²] + (sin²θ + σ²) E[r²/(r²+nλ)²].
 * As n → ∞, r²/n → 1 and this tends to eq (15): 1 − cos²θ (1 + 2λ)/(1 + λ)².
 * At finite n, dE R^λ/dλ at λ = 0 equals −2n(sin²θ + σ²)E[r⁻⁴] < 0: some ridge always helps, so the
 * printed conclusion λ* = 0 holds only in the limit (λ*(n) → 0).
 */

/** Eq (15), as printed (the n → ∞ limit). */
export function ridgeRiskLimit(theta: number, lambda: number): number {
  return 1 - (Math.cos(theta) ** 2 * (1 + 2 * lambda)) / (1 + lambda) ** 2;
}

/** E[h(r²)] for r² ~ χ²_n by Simpson's rule in t = √(r²/n) (smooth at 0 for n ≥ 3). */
export function chiSquareExpectation(n: number, h: (r2: number) => number, panels = 4000): number {
  const k = n / 2;
  // Density of u = r²/n is Gamma(k, 1/k); with u = t², the integrand is 2t·f(t²)·h(n t²).
  const logNorm = k * Math.log(k) - lgamma(k);
  const tMax = Math.sqrt(1 + 12 / Math.sqrt(k) + 40 / k);
  const m = panels % 2 === 0 ? panels : panels + 1;
  const step = tMax / m;
  const f = (t: number): number => {
    // The end point t = 0 is evaluated just inside: the integrand has a finite limit there when the
    // moment exists (e.g. E r⁻⁴ at n = 5), and 0·∞ must not become NaN.
    const u = Math.max(t, step * 1e-9) ** 2;
    const tt = Math.sqrt(u);
    return 2 * tt * Math.exp(logNorm + (k - 1) * Math.log(u) - k * u) * h(n * u);
  };
  let s = f(0) + f(tMax);
  for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * f(i * step);
  return (s * step) / 3;
}

/** Exact finite-n ridge risk (see above). Needs n ≥ 3 (n ≥ 5 for λ = 0 with the r⁻⁴ moment finite). */
export function ridgeRiskFinite(n: number, theta: number, sigma: number, lambda: number): number {
  const c2 = Math.cos(theta) ** 2;
  const s = Math.sin(theta) ** 2 + sigma * sigma;
  const nl = n * lambda;
  const a = chiSquareExpectation(n, (r2) => r2 / (r2 + nl));
  const b = chiSquareExpectation(n, (r2) => (r2 * r2) / (r2 + nl) ** 2);
  const c = lambda === 0 ? 1 / (n - 2) : chiSquareExpectation(n, (r2) => r2 / (r2 + nl) ** 2);
  return 1 - 2 * c2 * a + c2 * b + s * c;
}

/** The finite-n optimal ridge λ*(n) by golden-section search on [0, λmax]. */
export function ridgeOptimalLambdaFinite(n: number, theta: number, sigma: number, lambdaMax = 10): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = 0;
  let b = lambdaMax;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = ridgeRiskFinite(n, theta, sigma, x1);
  let f2 = ridgeRiskFinite(n, theta, sigma, x2);
  for (let i = 0; i < 80 && b - a > 1e-7; i++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = ridgeRiskFinite(n, theta, sigma, x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = ridgeRiskFinite(n, theta, sigma, x2);
    }
  }
  return 0.5 * (a + b);
}

function lgamma(x: number): number {
  // Stirling series with shift; adequate (|err| < 1e-12) for the x ≥ 1.5 used here.
  let shift = 0;
  while (x < 8) {
    shift -= Math.log(x);
    x += 1;
  }
  const x2 = 1 / (x * x);
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + (1 / (12 * x)) * (1 - x2 * (1 / 30 - x2 * (1 / 105 - x2 / 140)));
}
