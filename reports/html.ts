import type { Verdict } from '../properties/check.ts';
import type { RenderedFigure } from './figures/build.ts';
import type { CheckEntry, ClaimEntry, Report } from './types.ts';
import { findings, FINDING_HEADINGS, type Finding } from './findings.ts';
import { allClaims } from '../papers/registry.ts';
import { hasTex, katexCss, texToHtml } from './latex.ts';

/** The self-contained HTML page: inline CSS and inline SVG figures, no scripts, no external requests. */

export const esc = (s: unknown): string => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const LABEL: Record<Verdict, string> = { conforms: 'conforms', deviates: 'deviates (error of the paper)', 'not-reproduced': 'not reproduced (our reading)', mismatch: 'MISMATCH', inconclusive: 'inconclusive', 'out-of-hypotheses': 'out of hypotheses' };

export function badge(v: Verdict): string {
  return `<span class="v v-${v}">${esc(LABEL[v])}</span>`;
}

export function fmtParams(p: Record<string, unknown>): string {
  return Object.entries(p)
    .map(([k, v]) => `${k} = ${typeof v === 'number' ? (Number.isInteger(v) ? v : Number(v.toPrecision(5))) : JSON.stringify(v)}`)
    .join(', ');
}

const PAPER_NAMES: Record<string, string> = {
  fate: 'fate — transfer learning in deep linear networks (linear transfer, fine-tuning, ridge)',
  ptransfer: 'ptransfer',
  kou: 'kou',
  uowq: 'uowq — optimal weighting of source samples',
  universality: 'universality',
};

export function renderHtml(report: Report, figures: RenderedFigure[]): string {
  const m = report.meta;
  const s = report.summary;
  const papers = [...new Set(report.checks.map((c) => c.paper))];
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  const math = report.claims.some((c) => hasTex(c.source.statement) || hypothesesOf(c).some((h) => hasTex(h)));
  parts.push(`<title>Conformance report — transfer-theory-checker</title><style>${CSS}</style>${math ? `<style>${katexCss()}</style>` : ''}</head><body><main>`);
  parts.push(`<header><h1>Conformance report</h1><p class="sub">Published transfer-learning theorems against faithful simulations — transfer-theory-checker ${esc(m.packageVersion)}</p>`);
  parts.push(
    `<p class="meta">seed <b>${m.seed}</b> · budget <b>${esc(m.budget)}</b> · papers ${esc(m.selection.papers.join(', ') || 'all')}${m.selection.claims ? ` · claims ${esc(m.selection.claims.join(', '))}` : ''}${m.shard ? ` · <b>shard ${esc(m.shard)} (partial)</b>` : ''} · git ${esc(m.gitSha.slice(0, 12))} · code ${esc(m.codeVersion)} · node ${esc(m.node)} · tfjs ${esc(m.tfjsBackend)}</p></header>`,
  );

  // Findings first (issue 12 item 6): errors of the papers, then non-reproductions under our reading, then mismatches.
  const found = findings(report);
  parts.push(`<section id="findings"><h2>Findings</h2>`);
  if (found.length === 0) parts.push(`<p>No printed statement failed in this run, and nothing was unexpected.</p>`);
  for (const kind of ['deviates', 'not-reproduced', 'mismatch'] as Finding['kind'][]) {
    const fs = found.filter((f) => f.kind === kind);
    if (!fs.length) continue;
    parts.push(`<h3>${badge(kind)} ${esc(FINDING_HEADINGS[kind])}</h3><ul class="findings">`);
    for (const f of fs) {
      parts.push(
        `<li><b>${esc(f.title)}</b> <a href="#${anchor(f.checkId)}">${esc(f.checkId)}</a>. ${esc(f.evidence)}` +
          `${f.effect ? ` <span class="eff">Effect: ${esc(f.effect)}.</span>` : ''}${f.where ? ` Visible where: ${esc(f.where)}.` : ''}` +
          `${f.assumptions?.length ? `<div class="n">Assumptions: ${f.assumptions.map(esc).join('; ')}.</div>` : ''}${f.replay ? `<div class="n"><code>${esc(f.replay)}</code></div>` : ''}</li>`,
      );
    }
    parts.push(`</ul>`);
  }
  parts.push(`</section>`);

  // Summary
  const overall = s.byVerdict.mismatch ? 'mismatch' : s.byVerdict.inconclusive ? 'inconclusive' : 'conforms';
  parts.push(`<section id="summary"><h2>Summary</h2><div class="overall o-${overall}">${s.ok ? '✔' : '✘'} ${s.checks} checks over ${report.claims.length} claims, ${s.records} regimes: `);
  parts.push((['conforms', 'deviates', 'not-reproduced', 'mismatch', 'inconclusive', 'out-of-hypotheses'] as Verdict[]).map((v) => `${badge(v)}&nbsp;${s.byVerdict[v]}`).join(' &nbsp; '));
  parts.push(`<div class="exit">exit status ${s.exitCode}: ${s.ok ? 'no unexpected mismatch (every check conforms, is inconclusive, or deviates / does not reproduce as recorded)' : 'unexpected mismatch'}</div></div>`);
  parts.push(`<table class="summary"><thead><tr><th>claim</th><th>source</th><th>regime</th><th>checks</th><th>verdict</th></tr></thead><tbody>`);
  for (const c of report.claims) {
    const checks = report.checks.filter((k) => k.claimId === c.id);
    const reg = c.regime as { kind: string; limit?: string };
    parts.push(
      `<tr><td><b>${esc(c.id)}</b><div class="t">${esc(c.title)}</div>${statementHtml(c)}</td><td>${esc(c.source.ref)}</td><td>${esc(reg.kind === 'asymptotic' ? `asymptotic: ${reg.limit}` : reg.kind)}</td>` +
        `<td>${checks.map((k) => `<div class="ck">${badge(k.verdict)} <a href="#${anchor(k.checkId)}">${esc(k.checkId)}</a> <span class="n">${k.regimes} regimes</span></div>`).join('')}</td><td>${badge(c.verdict)}</td></tr>`,
    );
  }
  parts.push(`</tbody></table></section>`);

  for (const paper of papers) {
    parts.push(`<section class="paper" id="paper-${esc(paper)}"><h2>${esc(PAPER_NAMES[paper] ?? paper)}</h2>`);
    const own = figures.filter((f) => f.paper === paper && f.kind === 'paper');
    if (own.length) {
      parts.push(`<h3>Figures: theory with simulation on top</h3><div class="figs">`);
      for (const f of own) parts.push(figureHtml(f, 'wide'));
      parts.push(`</div>`);
    }
    const devs = report.checks.filter((k) => k.paper === paper && (k.deviation || k.verdict === 'mismatch'));
    if (devs.length) {
      parts.push(`<h3>Deviations and mismatches, with counterexamples</h3>`);
      for (const k of devs) parts.push(deviationHtml(k));
    }
    parts.push(`<h3>Checks: prediction against measurement</h3><div class="grid">`);
    for (const k of report.checks.filter((x) => x.paper === paper)) {
      const f = figures.find((x) => x.kind === 'check' && x.id === `check-${k.checkId.replace(/[^A-Za-z0-9._-]/g, '_')}`);
      parts.push(`<div class="card" id="${anchor(k.checkId)}"><div class="ch">${badge(k.verdict)} <b>${esc(k.checkId)}</b></div><div class="t">${esc(k.title)}</div><div class="s">${esc(k.summary)}</div>`);
      parts.push(`<div class="st">${esc(k.stats.test)}; α = ${k.stats.alpha} (${esc(k.stats.correction)})${k.stats.power ? `; ${esc(k.stats.power)}` : ''}</div>`);
      if (k.coverage) parts.push(`<div class="st">coverage: ${esc(Object.entries(k.coverage).map(([a, b]) => `${a} ${b}`).join(', '))}</div>`);
      if (f) parts.push(`<div class="svg">${f.svg}</div>`);
      parts.push(`<div class="rp">re-run: <code>${esc(k.replay)}</code></div></div>`);
    }
    parts.push(`</div></section>`);
  }

  parts.push(`<section id="meta"><h2>Run</h2><table class="kv"><tbody>`);
  const t = report.timings;
  const kv: [string, string][] = [
    ['package', `${m.tool} ${m.packageVersion}`],
    ['git sha', m.gitSha],
    ['code version', m.codeVersion],
    ['node', m.node],
    ['tfjs backend', m.tfjsBackend],
    ['seed / budget', `${m.seed} / ${m.budget}`],
    ['started', t.startedAt],
    ['wall time', `${(t.totalMs / 1000).toFixed(1)} s (checks ${(Object.values(t.checksMs).reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s, figure simulations ${(Object.values(t.figureDataMs).reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s)`],
  ];
  if (t.cached.length) kv.push(['from the resume cache', t.cached.join(', ')]);
  if (t.mergedFrom) kv.push(['merged from', t.mergedFrom.join(', ')]);
  for (const [k, v] of kv) parts.push(`<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`);
  parts.push(`</tbody></table><p class="n">The full record of every regime (parameters, prediction, measurement with its standard error, test, α, power, top-up batches, seed and replay command) is in report.json beside this page.</p></section>`);
  parts.push(`</main></body></html>\n`);
  return parts.join('\n');
}

/** The claim's hypotheses as the registry holds them (a report merged from elsewhere may name claims it does not know). */
function hypothesesOf(c: ClaimEntry): string[] {
  return allClaims().find((x) => x.id === c.id)?.hypotheses.map((h) => h.text) ?? [];
}

/** The printed statement and its hypotheses, with `$…$` typeset by KaTeX (reports/latex.ts). */
export function statementHtml(c: ClaimEntry): string {
  const st = c.source.statement ? `<div class="stmt">${texToHtml(c.source.statement)}</div>` : '';
  const hyp = hypothesesOf(c);
  return st + (hyp.length ? `<ul class="hyp">${hyp.map((h) => `<li>${texToHtml(h)}</li>`).join('')}</ul>` : '');
}

function anchor(id: string): string {
  return `check-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function figureHtml(f: RenderedFigure, cls: string): string {
  return `<figure class="${cls}" id="fig-${esc(f.id)}"><div class="svg">${f.svg}</div><figcaption><b>${esc(f.title)}.</b> ${esc(f.caption)}</figcaption></figure>`;
}

function deviationHtml(k: CheckEntry): string {
  const out = [`<div class="dev">${badge(k.verdict)} <b>${esc(k.checkId)}</b>${k.deviation ? ` — ${esc(k.deviation.title)}` : ` — ${esc(k.summary)}`}`];
  if (k.deviation) out.push(`<p>${esc(k.deviation.explanation)}</p><p class="n">recorded counterexample: ${esc(fmtParams(k.deviation.counterexample.params))}</p>`);
  if (k.counterexample) {
    out.push(`<p><b>counterexample found in this run</b>${k.counterexample.shrunk ? ' (shrunk)' : ''}: ${esc(fmtParams(k.counterexample.params))}</p><p class="n">${esc(k.counterexample.evidence)}</p>`);
    out.push(`<p>replay: <code>${esc(k.counterexample.replay)}</code></p>`);
  } else out.push(`<p>re-run: <code>${esc(k.replay)}</code></p>`);
  out.push(`</div>`);
  return out.join('');
}

const CSS = `
body{margin:0;background:#f4f5f7;color:#1d2330;font:15px/1.45 Helvetica,Arial,sans-serif}
main{max-width:1320px;margin:0 auto;padding:24px 28px 60px}
h1{font-size:28px;margin:0}h2{font-size:22px;margin:34px 0 10px;border-bottom:2px solid #d0d4dc;padding-bottom:4px}h3{font-size:17px;margin:22px 0 8px}
.sub{margin:4px 0;color:#444}.meta{color:#555;font-size:13px}
.overall{background:#fff;border-left:6px solid #2e7d32;padding:10px 14px;margin:8px 0 14px;font-size:15px}.o-mismatch{border-color:#c62828}.o-inconclusive{border-color:#757575}
.exit{color:#555;font-size:13px;margin-top:4px}
table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid #d9dde3;padding:6px 8px;text-align:left;vertical-align:top;font-size:14px}th{background:#eceff3}
.t{color:#555;font-size:13px}.n{color:#666;font-size:12px}.ck{margin:2px 0;white-space:nowrap}
.v{display:inline-block;padding:1px 7px;border-radius:10px;font-size:12px;font-weight:bold;color:#fff;white-space:nowrap}
.v-conforms{background:#2e7d32}.v-deviates{background:#ef6c00}ul.findings li{margin:.4em 0}.eff{font-variant-numeric:tabular-nums}.v-not-reproduced{background:#b8860b}.v-mismatch{background:#c62828}.v-inconclusive{background:#757575}.v-out-of-hypotheses{background:#5c6bc0}
.figs{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;background:#fff;border:1px solid #d9dde3;padding:10px;max-width:100%}
figure.wide{flex:1 1 600px}figcaption{font-size:13px;color:#333;max-width:760px;margin-top:6px}
.svg svg{max-width:100%;height:auto;display:block}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(410px,1fr));gap:14px}
.card{background:#fff;border:1px solid #d9dde3;padding:10px}.ch{font-size:14px}.s{font-size:13px;margin:3px 0}.st{font-size:12px;color:#555}.rp{font-size:11px;color:#555;word-break:break-all;margin-top:4px}
.dev{background:#fff8f0;border:1px solid #f0c9a0;border-left:5px solid #ef6c00;padding:8px 12px;margin:8px 0;font-size:14px}.dev p{margin:5px 0}
code{font-size:12px;background:#eef0f3;padding:1px 4px;word-break:break-all}
.kv th{width:200px}
.stmt{font-size:13px;margin-top:4px;max-width:520px}.hyp{font-size:12px;color:#444;margin:3px 0 0 16px;padding:0;max-width:500px}.stmt .katex,.hyp .katex{font-size:1.08em}
`;
