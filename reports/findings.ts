import type { CheckEntry, Report } from './types.ts';

/**
 * What a reader looks for first (issue 12 item 6): one list for all papers, errors of the papers first, each
 * with its evidence in one sentence and its measured size with an interval; then what did not reproduce under
 * our reading and why; then anything unexpected. Built from the run's verdicts, never from prose kept elsewhere.
 */
export interface Finding {
  kind: 'deviates' | 'not-reproduced' | 'mismatch';
  checkId: string;
  paper: string;
  title: string;
  /** The evidence in one sentence (which simulation, independent of which formula). */
  evidence: string;
  /** "measured − printed = x (95% CI a … b) at <params>", or undefined when the check is deterministic. */
  effect?: string;
  where?: string;
  assumptions?: readonly string[];
  replay?: string;
}

const num = (x: number) => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? Number(x.toPrecision(3)).toString() : x.toExponential(2));

function effectText(k: CheckEntry): string | undefined {
  const e = k.effect;
  if (!e) return undefined;
  const ci = Number.isFinite(e.low) && Number.isFinite(e.high) ? ` (95% CI ${num(e.low)} … ${num(e.high)})` : '';
  const at = Object.entries(e.params)
    .slice(0, 6)
    .map(([p, v]) => `${p} = ${typeof v === 'number' ? num(v) : String(v)}`)
    .join(', ');
  return `${e.statistic}: ${num(e.estimate)}${ci} at ${at}`;
}

function firstSentence(s: string | undefined): string {
  if (!s) return '';
  // The first sentence: up to a full stop followed by a space and a capital (not one inside "e.g." or a number).
  const m = /^(.+?\.)\s+(?=[A-Z(])/.exec(s);
  return (m ? m[1]! : s).trim();
}

export function findings(report: Report): Finding[] {
  const order = { deviates: 0, 'not-reproduced': 1, mismatch: 2 } as const;
  return report.checks
    .filter((k): k is CheckEntry & { verdict: Finding['kind'] } => k.verdict === 'deviates' || k.verdict === 'not-reproduced' || k.verdict === 'mismatch')
    .map((k) => ({
      kind: k.verdict,
      checkId: k.checkId,
      paper: k.paper,
      title: k.deviation?.title ?? k.title,
      evidence: k.verdict === 'mismatch' ? k.summary : firstSentence(k.deviation?.evidence ?? k.deviation?.explanation),
      effect: effectText(k),
      where: k.deviation?.where,
      assumptions: k.deviation?.assumptions,
      replay: k.counterexample?.replay ?? k.deviation?.counterexample.replay,
    }))
    .sort((a, b) => order[a.kind] - order[b.kind] || a.paper.localeCompare(b.paper) || a.checkId.localeCompare(b.checkId));
}

export const FINDING_HEADINGS: Record<Finding['kind'], string> = {
  deviates: 'Errors of the papers — a printed statement fails under its own hypotheses (evidence independent of any formula we derived)',
  'not-reproduced': 'Not reproduced under our reading — fails only under settings the paper does not print (assumptions named)',
  mismatch: 'Unexpected mismatches — a bug of ours or a new finding, to be triaged',
};
