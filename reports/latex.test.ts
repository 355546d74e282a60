import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { allClaims } from '../papers/registry.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { balancedDollars, splitTex, texToHtml } from './latex.ts';
import type { Report } from './types.ts';

const OLS = 'For $n > d + 1$ the expected excess risk of OLS is $\\sigma^2 d/(n-d-1)$ <b>& not more</b>.';

function fakeReport(statement: string): Report {
  return {
    meta: { tool: 'ttc', packageVersion: '0', gitSha: '0'.repeat(40), codeVersion: 'x', node: 'v20', tfjsBackend: 'cpu', seed: 1, budget: 'test', selection: { papers: ['demo'], claims: null } },
    summary: { checks: 0, records: 0, byVerdict: { conforms: 0, deviates: 0, 'not-reproduced': 0, mismatch: 0, inconclusive: 0, 'out-of-hypotheses': 0 }, exitCode: 0, ok: true },
    claims: [{ id: 'demo.ols', paper: 'demo', title: 'OLS risk', source: { paper: 'demo', ref: 'eq 1', statement, provenance: 'printed' }, regime: { kind: 'exact' }, verdict: 'conforms', checks: [] }],
    checks: [],
    records: [],
    timings: { startedAt: '', totalMs: 0, checksMs: {}, figureDataMs: {}, cached: [] },
  } as unknown as Report;
}

describe('statements in LaTeX', () => {
  it('typesets $…$ with KaTeX in the page and escapes the text around it', () => {
    const html = renderHtml(fakeReport(OLS), []);
    expect(html).toContain('class="katex"');
    expect(html).toContain(katex.renderToString('\\sigma^2 d/(n-d-1)', { output: 'html', throwOnError: false, strict: 'ignore' }));
    expect(html).toContain('&lt;b&gt;&amp; not more&lt;/b&gt;');
    expect(html).not.toContain('<b>& not more');
    // KaTeX's stylesheet is inline and the page fetches nothing: no url() other than data: URLs.
    expect(html).toContain('.katex{');
    expect(html.match(/url\((?!data:)[^)]*\)/g) ?? []).toEqual([]);
  });

  it('an invalid TeX span does not throw: it renders as an error mark', () => {
    expect(() => texToHtml('bad $\\frac{1}{$ here')).not.toThrow();
    expect(texToHtml('bad $\\frac{1}$ here')).toContain('katex-error');
    expect(() => renderHtml(fakeReport('bad $\\undefinedmacro{x}$'), [])).not.toThrow();
  });

  it('splits inline, display and escaped dollars; leaves an unbalanced $ as text', () => {
    expect(splitTex('a $x$ b $$y$$ \\$5')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'inline', text: 'x' },
      { kind: 'text', text: ' b ' },
      { kind: 'display', text: 'y' },
      { kind: 'text', text: ' $5' },
    ]);
    expect(balancedDollars('a $x$ and $y')).toBe(false);
    expect(texToHtml('costs $5')).toBe('costs $5');
  });

  it('the Markdown report keeps $…$ as written', () => {
    expect(renderMarkdown(fakeReport(OLS), [])).toContain('$\\sigma^2 d/(n-d-1)$');
  });

  it('every built-in claim statement and hypothesis has balanced $ and renders without a KaTeX error', () => {
    const texts = allClaims().flatMap((c) => [
      [c.id, c.source.statement],
      ...c.hypotheses.map((h) => [`${c.id}#${h.id}`, h.text]),
    ]);
    expect(texts.length).toBeGreaterThan(30);
    for (const [id, s] of texts) {
      expect(balancedDollars(s!), `${id}: unbalanced $ in ${s}`).toBe(true);
      expect(() => texToHtml(s!, { throwOnError: true }), `${id}: ${s}`).not.toThrow();
    }
  });
});
