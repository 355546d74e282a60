import type { VlSpec } from './types.ts';

/**
 * Vega-Lite → SVG, headless: compile with vega-lite, run a vega View with the 'none' renderer and
 * serialise the scenegraph to SVG (no browser, no canvas; text widths are estimated by vega).
 * Element ids are prefixed so that several SVGs can be inlined in one page without their clip paths
 * and gradients colliding.
 */
export async function renderSvg(spec: VlSpec, idPrefix: string): Promise<string> {
  const vl = await import('vega-lite');
  const vega = await import('vega');
  const compiled = vl.compile({ ...BASE, ...spec, config: { ...CONFIG, ...((spec.config as object | undefined) ?? {}) } } as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return prefixIds(compact(svg), idPrefix);
  } finally {
    view.finalize();
  }
}

export function prefixIds(svg: string, prefix: string): string {
  const p = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  return svg.replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${p}-${id}"`).replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${p}-${id})`).replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${p}-${id}"`);
}

const BASE = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', background: 'white', padding: 8 };

const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', grid: true, gridOpacity: 0.35 },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 320 },
  title: { fontSize: 14, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 12, subtitleColor: '#444' },
  header: { labelFontSize: 13, titleFontSize: 13 },
  view: { stroke: '#888' },
};

/** Rounds path coordinates to 2 decimals (sub-pixel digits only make the file larger). */
export function compact(svg: string): string {
  return svg.replace(/ d="([^"]*)"/g, (_m, d: string) => ` d="${d.replace(/(\d+\.\d\d)\d+/g, '$1')}"`).replace(/transform="translate\(([^)]*)\)"/g, (_m, t: string) => `transform="translate(${t.replace(/(\d+\.\d\d)\d+/g, '$1')})"`);
}
