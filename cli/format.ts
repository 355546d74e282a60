import type { Evaluation } from '../index.ts';
import type { CheckResult } from '../properties/check.ts';
import type { Measurement } from '../sim/sim.ts';

/** Output fits a terminal this wide unless --wide (or --json) is given. */
export const WIDTH = 100;

/** Characters as a terminal shows them (code points: 'γ', '𝒯' are one column each). */
const chars = (s: string): string[] => [...s];

/**
 * Columns separated by two spaces. Wider than `width`, the widest columns are cut to a common cap (with '…')
 * until the table fits; the columns in `keep` (ids, by default the first) are never cut.
 */
export function table(header: string[], rows: string[][], width = Infinity, keep: readonly number[] = [0]): string {
  const natural = header.map((h, i) => Math.max(chars(h).length, ...rows.map((r) => chars(r[i] ?? '').length)));
  const room = width - 2 * (header.length - 1);
  const capped = (cap: number) => natural.map((w, i) => (keep.includes(i) ? w : Math.min(w, cap)));
  let cap = Math.max(...natural);
  while (cap > 8 && capped(cap).reduce((a, b) => a + b, 0) > room) cap--;
  const widths = capped(cap);
  const cut = (c: string, w: number) => (chars(c).length > w ? `${chars(c).slice(0, w - 1).join('')}…` : c);
  const pad = (c: string, w: number) => c + ' '.repeat(Math.max(0, w - chars(c).length));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? cut(c, widths[i]!) : pad(cut(c, widths[i]!), widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * Lines longer than `width` wrapped at spaces, continuation lines indented past the line's own indent.
 * A word longer than the width (a replay token) stays whole on its own line, so it can still be copied.
 */
export function wrap(text: string, width = WIDTH): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (chars(line).length <= width) return [line];
      const lead = /^\s*(\[[^\]]*\] )?/.exec(line)![0];
      const indent = ' '.repeat(chars(lead).length + (lead.includes('[') ? 0 : 2));
      const out: string[] = [];
      let cur = lead.trimEnd() ? lead.trimEnd() : lead;
      for (const word of line.slice(lead.length).split(' ')) {
        const sep = cur.trim() === '' ? '' : ' ';
        if (chars(cur + sep + word).length > width && cur.trim() !== '') {
          out.push(cur.trimEnd());
          cur = indent + word;
        } else cur += sep + word;
      }
      out.push(cur);
      return out;
    })
    .join('\n');
}

/** A standard error, or n/a where it is undefined (a single draw). */
export const se = (x: number): string => (Number.isFinite(x) ? fmt(x) : 'n/a');

// Six significant digits without padding zeros: 0.5, not 0.500000.
const fmt = (x: unknown): string => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)))) : JSON.stringify(x));

export function formatEvaluation(ev: Evaluation): string {
  const p = ev.prediction;
  const lines = [`${ev.claim}  (${ev.regime.kind === 'asymptotic' ? `asymptotic: ${ev.regime.limit}` : ev.regime.kind})`];
  lines.push(`  parameters: ${Object.entries(ev.params).map(([k, v]) => `${k} = ${fmt(v)}`).join(', ')}`);
  if (p.value !== undefined) lines.push(`  ${p.quantity} = ${fmt(p.value)}${ev.regime.kind === 'asymptotic' ? '   (the limit, as printed)' : ''}`);
  if (p.sign !== undefined && p.value === undefined) lines.push(`  ${p.quantity}: sign ${p.sign > 0 ? '+' : p.sign < 0 ? '−' : '0'}`);
  if (p.region) lines.push(`  region: ${p.region}`);
  if (p.finiteSize) lines.push(`  finite size: ${fmt(p.finiteSize.value)}   (${p.finiteSize.derivation})`);
  for (const [k, v] of Object.entries(p.details ?? {})) lines.push(`  ${k}: ${fmt(v)}`);
  const failing = ev.hypotheses.filter((h) => !h.holds);
  if (failing.length) lines.push(`  outside hypotheses: ${failing.map((h) => h.text).join('; ')}`);
  return lines.join('\n');
}

export function formatMeasurement(m: Measurement): string {
  // One draw gives a mean but no standard error (it needs ≥ 2): printed as n/a, with the reason.
  const error = m.draws < 2 ? 'no standard error from one draw: use --draws ≥ 2' : `standard error, ${m.draws} draws`;
  const lines = [`${m.simId}: ${m.quantity}`, `  mean ${fmt(m.mean)} ± ${se(m.stderr)} (${error}; seed ${m.seed})`];
  for (const [k, v] of Object.entries(m.extra ?? {})) lines.push(`  ${k}: ${fmt(v.mean)} ± ${se(v.stderr)}`);
  if (m.method) lines.push(`  method: ${m.method}`);
  return lines.join('\n');
}

const MARK: Record<string, string> = { conforms: 'ok  ', deviates: 'dev ', 'not-reproduced': 'n-r ', mismatch: 'FAIL', inconclusive: '??  ', 'out-of-hypotheses': 'n/a ' };

export function formatCheck(r: CheckResult, verbose = false): string {
  const lines = [`[${MARK[r.verdict]}] ${r.checkId}  ${r.verdict} — ${r.summary} (${(r.elapsedMs / 1000).toFixed(1)} s)`];
  if (r.coverage) lines.push(`       coverage: ${Object.entries(r.coverage).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (r.stats.alpha > 0) lines.push(`       level α_c = ${r.stats.alpha.toExponential(2)} (share of the run's ${r.stats.runLevel ?? 0.01})${r.stats.detect ? `; must detect ${r.stats.detect}` : ''}${r.stats.minPower !== undefined ? `; power ${r.stats.minPower.toFixed(2)}` : ''}`);
  if (r.deviation) lines.push(`       recorded ${r.deviation.kind === 'not-reproduced' ? 'non-reproduction (our reading)' : 'deviation (error of the paper)'}: ${r.deviation.title}`);
  if (r.effect) lines.push(`       effect: ${fmt(r.effect.estimate)} (95% CI ${fmt(r.effect.low)} … ${fmt(r.effect.high)}) — ${r.effect.statistic}`);
  if (r.counterexample) lines.push(`       counterexample: ${JSON.stringify(r.counterexample.params)}${r.counterexample.shrunk ? ' (shrunk)' : ''}\n       replay: ${r.counterexample.replay}`);
  if (r.verdict === 'mismatch' && !r.counterexample) lines.push(`       replay: ${r.replay}`);
  if (verbose) {
    for (const rec of r.records) {
      lines.push(
        `       ${JSON.stringify(rec.params)}: sim ${fmt(rec.measurement.mean)} ± ${se(rec.measurement.stderr)} (${rec.measurement.draws} draws) vs ${rec.statistic}` +
          `${rec.prediction.value !== undefined ? ` [prediction ${fmt(rec.prediction.value)}]` : ''}${rec.pValue !== undefined ? `, p = ${rec.pValue.toExponential(2)}` : ''} → ${rec.ok ? 'agrees' : 'rejects'}` +
          (rec.note ? `\n         (${rec.note})` : ''),
      );
    }
  }
  return lines.join('\n');
}
