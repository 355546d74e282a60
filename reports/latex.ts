import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';

/**
 * Statements in the theorist's own notation: `$…$` (inline) and `$$…$$` (display) spans are typeset server-side
 * with KaTeX, so the page needs no script and no browser at build time. Text between the spans is HTML-escaped.
 * `\$` is a literal dollar sign. An unbalanced `$` leaves the rest of the text as plain (escaped) text.
 */

export interface Span {
  kind: 'text' | 'inline' | 'display';
  text: string;
}

/** Splits a statement into text and TeX spans. */
export function splitTex(s: string): Span[] {
  const out: Span[] = [];
  let buf = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] === '\\' && s[i + 1] === '$') {
      buf += '$';
      i += 2;
      continue;
    }
    if (s[i] !== '$') {
      buf += s[i++];
      continue;
    }
    const display = s[i + 1] === '$';
    const open = display ? 2 : 1;
    const end = findClose(s, i + open, display);
    if (end < 0) {
      buf += s.slice(i);
      break;
    }
    if (buf) out.push({ kind: 'text', text: buf });
    buf = '';
    out.push({ kind: display ? 'display' : 'inline', text: s.slice(i + open, end) });
    i = end + open;
  }
  if (buf) out.push({ kind: 'text', text: buf });
  return out;
}

function findClose(s: string, from: number, display: boolean): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '$' && (!display || s[j + 1] === '$')) return j;
  }
  return -1;
}

/** True when every `$` (not `\$`) opens or closes a span. */
export function balancedDollars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] !== '$') continue;
    const display = s[i + 1] === '$';
    const end = findClose(s, i + (display ? 2 : 1), display);
    if (end < 0) return false;
    i = end + (display ? 1 : 0);
  }
  return true;
}

const escHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML for a statement: escaped text with its TeX spans typeset. A bad span renders in red source, never throws. */
export function texToHtml(s: string, opts: { throwOnError?: boolean } = {}): string {
  return splitTex(s)
    .map((sp) =>
      sp.kind === 'text'
        ? escHtml(sp.text)
        : katex.renderToString(sp.text, { throwOnError: opts.throwOnError ?? false, output: 'html', displayMode: sp.kind === 'display', strict: 'ignore' }),
    )
    .join('');
}

/** Whether a statement contains any TeX span (the page carries KaTeX's stylesheet only then). */
export function hasTex(s: string): boolean {
  return splitTex(s).some((sp) => sp.kind !== 'text');
}

/**
 * KaTeX's stylesheet, inline. Its @font-face rules point at font files beside the CSS, which a self-contained page
 * cannot fetch; they are replaced by the four faces that ordinary formulas use (upright, math italic, two delimiter
 * sizes: ≈ 55 kB of woff2) as data: URLs. Other faces (bold, blackboard, script …) fall back to the serif font
 * named in KaTeX's CSS, which stays legible.
 */
let cssCache: string | undefined;
export function katexCss(): string {
  if (cssCache !== undefined) return cssCache;
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('katex/dist/katex.min.css'));
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8').replace(/@font-face\{[^}]*\}/g, '');
  const faces: [string, string, string, string][] = [
    ['KaTeX_Main', 'normal', '400', 'KaTeX_Main-Regular'],
    ['KaTeX_Math', 'italic', '400', 'KaTeX_Math-Italic'],
    ['KaTeX_Size1', 'normal', '400', 'KaTeX_Size1-Regular'],
    ['KaTeX_Size2', 'normal', '400', 'KaTeX_Size2-Regular'],
  ];
  const fontCss = faces
    .map(([family, style, weight, file]) => {
      const b64 = readFileSync(join(dist, 'fonts', `${file}.woff2`)).toString('base64');
      return `@font-face{font-family:${family};font-style:${style};font-weight:${weight};src:url(data:font/woff2;base64,${b64}) format("woff2")}`;
    })
    .join('');
  cssCache = fontCss + css;
  return cssCache;
}
