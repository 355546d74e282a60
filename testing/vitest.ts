import { describe, it } from 'vitest';
import type { Paper } from '../papers/define.ts';
import type { Budget, CheckResult, CheckSpec, Verdict } from '../properties/check.ts';
import { gateSeed } from '../properties/seeds.ts';

/**
 * `import { describePaper } from 'transfer-theory-checker/vitest'`: a paper's checks as vitest tests, so
 * `npm test` in your project is its reproducibility gate.
 */
export interface DescribePaperOptions {
  /**
   * The verdict a check must give, by check id, where it is not the default: `conforms`, or for a check
   * with a recorded deviation its kind (`deviates` / `not-reproduced`: the record must still reproduce).
   * Pin `inconclusive` only for a check that cannot be decided within the budget, and say why beside it.
   */
  expect?: Record<string, Verdict>;
  /** Budget of the runs (default 'test', as `ttc check`). */
  budget?: Budget;
  /** Seed (default the gate seed 20261122, or TTC_SEED). */
  seed?: number;
  /** Milliseconds allowed per check (default 120 000). */
  timeout?: number;
}

/** The verdict a check must give unless `expect` names another. */
export function expectedVerdict(check: CheckSpec, expect?: Record<string, Verdict>): Verdict {
  return expect?.[check.id] ?? (check.deviation ? (check.deviation.kind ?? 'deviates') : 'conforms');
}

/** The failure message: what came out, why, and the command that re-runs it. */
export function verdictMessage(r: CheckResult, want: Verdict): string {
  const failing = r.records.filter((x) => !x.ok);
  const worst = failing.length ? failing.reduce((a, b) => ((a.pValue ?? 1) <= (b.pValue ?? 1) ? a : b)) : undefined;
  const replay = r.counterexample?.replay ?? worst?.replay ?? r.replay;
  const lines = [
    `${r.checkId}: ${r.verdict} (expected ${want}): ${r.summary}`,
    worst ? `  worst regime ${JSON.stringify(worst.params)}: sim ${worst.measurement.mean.toPrecision(5)} ± ${worst.measurement.stderr.toPrecision(2)} vs ${worst.statistic}${worst.target !== undefined ? ` [target ${worst.target.toPrecision(5)}]` : ''}` : '',
    r.counterexample ? `  counterexample ${JSON.stringify(r.counterexample.params)}${r.counterexample.shrunk ? ' (shrunk)' : ''}` : '',
    `  re-run: ${replay}   (seed ${r.seed}; the config must list this paper)`,
  ];
  return lines.filter(Boolean).join('\n');
}

/**
 * One vitest test per check of `paper`: each runs the check at the gate seed and budget and asserts its
 * verdict — `conforms` (so no mismatch, and power behind the agreement), or the kind of its recorded
 * deviation (so the deviation still reproduces). A failure prints the `npx ttc replay <token>` command.
 */
export function describePaper(paper: Paper, options: DescribePaperOptions = {}): void {
  const budget = options.budget ?? 'test';
  const seed = options.seed ?? gateSeed();
  for (const id of Object.keys(options.expect ?? {})) {
    if (!paper.checks.some((k) => k.id === id)) throw new TypeError(`describePaper(${paper.id}): expect names '${id}', which is not one of the paper's checks`);
  }
  describe(`${paper.id}: ${paper.title} (seed ${seed}, budget ${budget})`, () => {
    for (const check of paper.checks) {
      const want = expectedVerdict(check, options.expect);
      it(`${check.id} ${want}`, async () => {
        const r = await check.run({ seed, budget });
        if (r.verdict !== want) throw new Error(verdictMessage(r, want));
      }, options.timeout ?? 120_000);
    }
  });
}
