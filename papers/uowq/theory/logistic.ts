/**
 * Fisher information of logistic regression P(y = 1 | x) = σ(xᵀθ), x ~ N(0, I_d), at θ_0:
 *   J = E[σ'(xᵀθ_0) x xᵀ].
 * Rotating so that θ_0 = s·e_1 (s = ‖θ_0‖, u = θ_0/s), x = z u + x_⊥ with z ~ N(0,1) independent of x_⊥:
 *   J = a (I − uuᵀ) + b uuᵀ,  a = E[σ'(s z)],  b = E[σ'(s z) z²],  σ' = σ(1 − σ).
 * The two one-dimensional Gaussian integrals are computed by the trapezoid rule on [−12, 12]
 * (analytic integrand: the error decays geometrically in the number of nodes; 2400 nodes give ~1e-15).
 */
import type { Vec } from './model.ts';

function sigmoidPrime(t: number): number {
  const e = Math.exp(-Math.abs(t));
  return e / ((1 + e) * (1 + e));
}

export function gaussExpect(f: (z: number) => number, nodes = 2400, half = 12): number {
  const h = (2 * half) / nodes;
  let s = 0;
  for (let i = 0; i <= nodes; i++) {
    const z = -half + i * h;
    const w = i === 0 || i === nodes ? 0.5 : 1;
    s += w * f(z) * Math.exp(-0.5 * z * z);
  }
  return (s * h) / Math.sqrt(2 * Math.PI);
}

export function logisticFisher(theta0: Vec): number[][] {
  const d = theta0.length;
  const s = Math.hypot(...theta0);
  const a = gaussExpect((z) => sigmoidPrime(s * z));
  const b = gaussExpect((z) => sigmoidPrime(s * z) * z * z);
  const u = s > 0 ? theta0.map((x) => x / s) : theta0.map(() => 0);
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? a : 0) + (b - a) * u[i]! * u[j]!));
}
