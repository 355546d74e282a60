import type { KnownDeviation } from './check.ts';

/** The fields every deviation record carries (see KnownDeviation). */
export type DeviationRecord = Omit<KnownDeviation, 'kind'>;

/**
 * A recorded error of the paper (`deviates`): the printed statement fails under its own hypotheses, shown by
 * evidence that uses no formula you derived for the same quantity. Put it on the check
 * (`defineCheck({ …, deviation: deviates({ … }) })`): the check is then asserted to keep failing, and reports
 * `deviates`; if it stops failing the verdict is `mismatch` (the record is stale, or the bug was fixed).
 */
export function deviates(record: DeviationRecord): KnownDeviation {
  return { ...record, kind: 'deviates' };
}

/**
 * A result that does not come out under your reading of settings the paper does not print (`not-reproduced`):
 * never called the paper's error. Name each assumption in `assumptions`.
 */
export function notReproduced(record: DeviationRecord & { assumptions: readonly string[] }): KnownDeviation {
  if (record.assumptions.length === 0) throw new TypeError(`notReproduced(${record.title}): name at least one assumption about an unprinted setting`);
  return { ...record, kind: 'not-reproduced' };
}

