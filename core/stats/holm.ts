/**
 * Holm's step-down correction across the runs of a property: controls the family-wise false-failure
 * rate at α for any dependence between the runs. Returns adjusted p-values (monotone) in input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

export function holmReject(pValues: readonly number[], alpha: number): boolean[] {
  return holmAdjust(pValues).map((p) => p <= alpha);
}
