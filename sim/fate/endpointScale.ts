/**
 * The fine-tuning end point in the α → 0 limit, as an exact reduction of the simulation (not the paper's
 * formula). A pretrained balanced net is rank one along one hidden direction; gradient flow on the target
 * keeps it so: W_1 = a vᵀ and scalars c_2 … c_L, all equal (the invariants W_lᵀW_l − W_{l+1}W_{l+1}ᵀ = 0
 * are conserved), ‖a‖ = c. The component (I − P)a = (I − P)β_s never moves (its gradient is in row(X)),
 * and at convergence P β_ft = X⁺y. With s = c²: s = ‖a‖² = p + q/s^{L−1}, p = ‖(I−P)β_s‖², q = ‖X⁺y‖²,
 * i.e. s^L − p s^{L−1} − q = 0, and β_ft = X⁺y + k(I − P)β_s with k = c^{L−1} = s^{(L−1)/2}.
 * Cross-checked against the reduced gradient flow (reducedFlow.ts) and the full GD simulator in tests.
 */
export function endpointScale(p: number, q: number, L: number): number {
  if (q <= 0) return Math.pow(Math.max(p, 0), (L - 1) / 2);
  // f(s) = s^L − p s^{L−1} − q is increasing for s > p·(L−1)/L and has one positive root; Newton from the right.
  let s = Math.max(1, p + Math.pow(q, 1 / L));
  for (let i = 0; i < 100; i++) {
    const f = Math.pow(s, L) - p * Math.pow(s, L - 1) - q;
    const df = L * Math.pow(s, L - 1) - (L - 1) * p * Math.pow(s, L - 2);
    const next = s - f / df;
    if (Math.abs(next - s) <= 1e-15 * s) {
      s = next;
      break;
    }
    s = next;
  }
  return Math.pow(s, (L - 1) / 2);
}
