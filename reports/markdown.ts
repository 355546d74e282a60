import type { Verdict } from '../properties/check.ts';
import type { RenderedFigure } from './figures/build.ts';
import { fmtParams } from './html.ts';
import type { Report } from './types.ts';
import { findings, FINDING_HEADINGS, type Finding } from './findings.ts';

/** report.md: the same content as the page, for pasting into a review; figures are figures/<id>.svg. */

const MARK: Record<Verdict, string> = { conforms: '✅ conforms', deviates: '🟧 deviates (error of the paper)', 'not-reproduced': '🟨 not reproduced (our reading)', mismatch: '❌ **mismatch**', inconclusive: '⬜ inconclusive', 'out-of-hypotheses': '➖ out of hypotheses' };

const cell = (s: unknown) => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function figureFile(f: RenderedFigure): string {
  return `figures/${f.id}.svg`;
}

/** The figure's Vega-Lite spec with its data inline, beside the SVG. */
export function specFile(f: { id: string }): string {
  return `figures/${f.id}.vl.json`;
}

export function renderMarkdown(report: Report, figures: RenderedFigure[]): string {
  const m = report.meta;
  const s = report.summary;
  const L: string[] = [];
  L.push('# Conformance report', '');
  L.push(`transfer-theory-checker ${m.packageVersion} · seed ${m.seed} · budget ${m.budget} · git ${m.gitSha.slice(0, 12)} · code ${m.codeVersion} · node ${m.node} · tfjs ${m.tfjsBackend}${m.shard ? ` · shard ${m.shard} (partial)` : ''}`, '');
  const found = findings(report);
  L.push('## Findings', '');
  if (found.length === 0) L.push('No printed statement failed in this run, and nothing was unexpected.', '');
  for (const kind of ['deviates', 'not-reproduced', 'mismatch'] as Finding['kind'][]) {
    const fs = found.filter((f) => f.kind === kind);
    if (!fs.length) continue;
    L.push(`### ${FINDING_HEADINGS[kind]}`, '');
    for (const f of fs) {
      L.push(`- **${cell(f.title)}** (\`${f.checkId}\`). ${cell(f.evidence)}${f.effect ? ` Effect: ${cell(f.effect)}.` : ''}${f.where ? ` Visible where: ${cell(f.where)}.` : ''}`);
      if (f.assumptions?.length) L.push(`  Assumptions: ${f.assumptions.map(cell).join('; ')}.`);
      if (f.replay) L.push(`  Replay: \`${f.replay}\``);
    }
    L.push('');
  }
  L.push('## Summary', '');
  L.push(`${s.checks} checks over ${report.claims.length} claims (${s.records} regimes): ${(Object.keys(MARK) as Verdict[]).map((v) => `${MARK[v]} ${s.byVerdict[v]}`).join(' · ')}. Exit status ${s.exitCode}.`, '');
  L.push('| claim | source | checks | verdict |', '|---|---|---|---|');
  for (const c of report.claims) {
    const checks = report.checks.filter((k) => k.claimId === c.id);
    // `$…$` stays as written: GitHub typesets it in Markdown, and the text stays readable elsewhere.
    L.push(`| \`${c.id}\` ${cell(c.title)}${c.source.statement ? `<br>${cell(c.source.statement)}` : ''} | ${cell(c.source.ref)} | ${checks.map((k) => `\`${k.checkId}\` ${MARK[k.verdict]} (${k.regimes})`).join('<br>')} | ${MARK[c.verdict]} |`);
  }
  L.push('');
  for (const paper of [...new Set(report.checks.map((c) => c.paper))]) {
    L.push(`## ${paper}`, '');
    for (const f of figures.filter((x) => x.paper === paper && x.kind === 'paper')) L.push(`### ${f.title}`, '', `![${f.title}](${figureFile(f)})`, '', `${f.caption} Data: [${specFile(f)}](${specFile(f)}).`, '');
    const devs = report.checks.filter((k) => k.paper === paper && (k.deviation || k.verdict === 'mismatch'));
    if (devs.length) {
      L.push('### Deviations and mismatches', '');
      for (const k of devs) {
        L.push(`- ${MARK[k.verdict]} \`${k.checkId}\`${k.deviation ? ` — **${k.deviation.title}**` : ` — ${k.summary}`}`);
        if (k.deviation) L.push(`  ${k.deviation.explanation}`);
        if (k.counterexample) L.push(`  Counterexample${k.counterexample.shrunk ? ' (shrunk)' : ''}: ${fmtParams(k.counterexample.params)}. ${k.counterexample.evidence}. Replay: \`${k.counterexample.replay}\``);
      }
      L.push('');
    }
    L.push('### Checks', '', '| check | verdict | regimes | summary | statistics |', '|---|---|---|---|---|');
    for (const k of report.checks.filter((x) => x.paper === paper)) L.push(`| \`${k.checkId}\` | ${MARK[k.verdict]} | ${k.regimes} | ${cell(k.summary)} | ${cell(k.stats.test)}; α = ${k.stats.alpha}${k.stats.power ? `; ${cell(k.stats.power)}` : ''} |`);
    L.push('');
    for (const f of figures.filter((x) => x.paper === paper && x.kind === 'check')) L.push(`![${f.title}](${figureFile(f)})`);
    L.push('');
  }
  L.push('---', '', 'Every regime (parameters, prediction, measurement ± standard error, test, α, power, top-up batches, seed, replay command) is in `report.json`.', '');
  return L.join('\n');
}
