import type { Report } from './types.ts';
import { fmtParams } from './html.ts';

/**
 * junit.xml: one <testsuite> per claim, one <testcase> per check. A mismatch is a <failure> (with the
 * replay command); inconclusive and out-of-hypotheses checks are <skipped>; a recorded deviation that
 * still reproduces passes, with the deviation in <system-out>.
 */
export const xmlEsc = (s: unknown): string =>
  String(s ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export function renderJunit(report: Report): string {
  const secs = (id: string) => ((report.timings.checksMs[id] ?? 0) / 1000).toFixed(3);
  const L: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const count = (v: string) => report.checks.filter((k) => k.verdict === v).length;
  const skipped = count('inconclusive') + count('out-of-hypotheses');
  const total = (Object.values(report.timings.checksMs).reduce((a, b) => a + b, 0) / 1000).toFixed(3);
  L.push(`<testsuites name="transfer-theory-checker" tests="${report.checks.length}" failures="${count('mismatch')}" errors="0" skipped="${skipped}" time="${total}">`);
  for (const c of report.claims) {
    const ks = report.checks.filter((k) => k.claimId === c.id);
    const t = ks.reduce((a, k) => a + Number(secs(k.checkId)), 0).toFixed(3);
    L.push(
      `  <testsuite name="${xmlEsc(c.id)}" tests="${ks.length}" failures="${ks.filter((k) => k.verdict === 'mismatch').length}" errors="0" skipped="${ks.filter((k) => k.verdict === 'inconclusive' || k.verdict === 'out-of-hypotheses').length}" time="${t}">`,
    );
    L.push(`    <properties><property name="source" value="${xmlEsc(c.source.ref)}"/><property name="seed" value="${report.meta.seed}"/><property name="budget" value="${xmlEsc(report.meta.budget)}"/></properties>`);
    for (const k of ks) {
      L.push(`    <testcase classname="${xmlEsc(k.claimId)}" name="${xmlEsc(k.checkId)}" time="${secs(k.checkId)}">`);
      if (k.verdict === 'mismatch') {
        const ce = k.counterexample;
        const body = [k.summary, ce ? `counterexample: ${fmtParams(ce.params)}` : '', ce ? ce.evidence : '', `replay: ${ce?.replay ?? k.replay}`].filter(Boolean).join('\n');
        L.push(`      <failure message="${xmlEsc(k.summary)}" type="mismatch">${xmlEsc(body)}</failure>`);
      } else if (k.verdict === 'inconclusive' || k.verdict === 'out-of-hypotheses') {
        L.push(`      <skipped message="${xmlEsc(`${k.verdict}: ${k.summary}`)}"/>`);
      }
      const out = [`${k.verdict}: ${k.summary}`, k.deviation ? `recorded deviation: ${k.deviation.title}` : '', `re-run: ${k.replay}`].filter(Boolean).join('\n');
      L.push(`      <system-out>${xmlEsc(out)}</system-out>`);
      L.push('    </testcase>');
    }
    L.push('  </testsuite>');
  }
  L.push('</testsuites>', '');
  return L.join('\n');
}
