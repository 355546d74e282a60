import { compareMean, type Comparison } from './compare.ts';
import { summarize } from './summary.ts';

/**
 * Sequential stopping for an expensive simulation: draws come in batches; at each of K looks the
 * test runs at level α/K (Bonferroni over looks, so the overall false-failure rate stays ≤ α), and
 * sampling stops early once the deviation is rejected or the precision target is met (stopping for
 * precision cannot raise the false-failure rate: it never rejects).
 */
export interface SequentialResult {
  values: number[];
  comparison: Comparison;
  looks: number;
  stoppedEarly: 'rejected' | 'precise' | false;
  /** The level used at each look. */
  lookAlpha: number;
}

export function sequentialCompare(
  drawBatch: (start: number, count: number) => number[],
  target: number,
  opts: { alpha: number; batch: number; maxLooks: number; precision?: number; floor?: number },
): SequentialResult {
  const lookAlpha = opts.alpha / opts.maxLooks;
  const values: number[] = [];
  let comparison: Comparison | null = null;
  for (let look = 1; look <= opts.maxLooks; look++) {
    values.push(...drawBatch(values.length, opts.batch));
    if (values.length < 2) continue;
    const s = summarize(values);
    comparison = compareMean(s, target, lookAlpha, { floor: opts.floor });
    if (comparison.pValue <= lookAlpha) return { values, comparison, looks: look, stoppedEarly: look < opts.maxLooks ? 'rejected' : false, lookAlpha };
    if (opts.precision !== undefined && comparison.minDetectable <= opts.precision && look < opts.maxLooks) {
      return { values, comparison, looks: look, stoppedEarly: 'precise', lookAlpha };
    }
  }
  return { values, comparison: comparison!, looks: opts.maxLooks, stoppedEarly: false, lookAlpha };
}
