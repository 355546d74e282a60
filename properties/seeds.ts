/**
 * The gate's seeds are fixed and printed so the same commit gives the same verdicts. The nightly run
 * (TTC_NIGHTLY=1) rotates the seed by date, and prints it, so that a wider family of regimes is seen.
 */
export const GATE_SEED = 20261122;

export function gateSeed(): number {
  if (process.env.TTC_SEED) return Number(process.env.TTC_SEED);
  if (process.env.TTC_NIGHTLY) {
    const day = Math.floor(Date.now() / 86_400_000);
    return (GATE_SEED ^ Math.imul(day, 2654435761)) >>> 1;
  }
  return GATE_SEED;
}
