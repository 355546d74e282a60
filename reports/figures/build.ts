import type { Report } from '../types.ts';
import { genericFigure } from './generic.ts';
import { paperFigureModules } from './index.ts';
import { renderSvg } from './render.ts';
import type { Figure } from './types.ts';

export interface RenderedFigure extends Figure {
  svg: string;
  /** 'paper' figures reproduce the paper's plots; 'check' ones are the generic per-check plots. */
  kind: 'paper' | 'check';
}

/** All figures of a report, rendered to SVG: each paper's own figures, then one per check. */
export async function buildFigures(report: Report): Promise<RenderedFigure[]> {
  const papers = [...new Set(report.checks.map((c) => c.paper))];
  const out: RenderedFigure[] = [];
  for (const mod of await paperFigureModules()) {
    if (!papers.includes(mod.paper)) continue;
    let figs: Figure[] = [];
    try {
      figs = mod.figures(report);
    } catch (e) {
      process.stderr.write(`ttc report: ${mod.paper} figures failed: ${(e as Error).message}\n`);
    }
    for (const f of figs) out.push({ ...f, kind: 'paper', svg: await safeRender(f) });
  }
  for (const c of report.checks) {
    const f = genericFigure(report, c);
    if (f) out.push({ ...f, kind: 'check', svg: await safeRender(f) });
  }
  return out;
}

async function safeRender(f: Figure): Promise<string> {
  try {
    return await renderSvg(f.spec, f.id);
  } catch (e) {
    const msg = (e as Error).message.replace(/[<&>]/g, ' ');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40"><text x="8" y="24" font-family="sans-serif" font-size="13" fill="#c62828">figure ${f.id} could not be rendered: ${msg}</text></svg>`;
  }
}
