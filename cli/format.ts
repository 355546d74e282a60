import type { Evaluation } from '../index.ts';
import type { CheckResult } from '../properties/check.ts';
import type { Measurement } from '../sim/sim.ts';

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const fmt = (x: unknown): string => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toPrecision(6)) : JSON.stringify(x));

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
  const lines = [`${m.simId}: ${m.quantity}`, `  mean ${fmt(m.mean)} ± ${fmt(m.stderr)} (standard error, ${m.draws} draws, seed ${m.seed})`];
  for (const [k, v] of Object.entries(m.extra ?? {})) lines.push(`  ${k}: ${fmt(v.mean)} ± ${fmt(v.stderr)}`);
  if (m.method) lines.push(`  method: ${m.method}`);
  return lines.join('\n');
}

const MARK: Record<string, string> = { conforms: 'ok  ', deviates: 'dev ', mismatch: 'FAIL', inconclusive: '??  ', 'out-of-hypotheses': 'n/a ' };

export function formatCheck(r: CheckResult, verbose = false): string {
  const lines = [`[${MARK[r.verdict]}] ${r.checkId}  ${r.verdict} — ${r.summary} (${(r.elapsedMs / 1000).toFixed(1)} s)`];
  if (r.coverage) lines.push(`       coverage: ${Object.entries(r.coverage).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (r.deviation) lines.push(`       recorded deviation: ${r.deviation.title}`);
  if (r.counterexample) lines.push(`       counterexample: ${JSON.stringify(r.counterexample.params)}${r.counterexample.shrunk ? ' (shrunk)' : ''}\n       replay: ${r.counterexample.replay}`);
  if (r.verdict === 'mismatch' && !r.counterexample) lines.push(`       replay: ${r.replay}`);
  if (verbose) {
    for (const rec of r.records) {
      lines.push(
        `       ${JSON.stringify(rec.params)}: sim ${fmt(rec.measurement.mean)} ± ${fmt(rec.measurement.stderr)} (${rec.measurement.draws} draws) vs ${rec.statistic}` +
          `${rec.prediction.value !== undefined ? ` [prediction ${fmt(rec.prediction.value)}]` : ''}${rec.pValue !== undefined ? `, p = ${rec.pValue.toExponential(2)}` : ''} → ${rec.ok ? 'agrees' : 'rejects'}` +
          (rec.note ? `\n         (${rec.note})` : ''),
      );
    }
  }
  return lines.join('\n');
}
