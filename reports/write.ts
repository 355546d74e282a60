import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../core/params.ts';
import { buildFigures } from './figures/build.ts';
import { renderHtml } from './html.ts';
import { canonicalJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { figureFile, renderMarkdown, specFile } from './markdown.ts';
import type { Report } from './types.ts';

export const REPORT_FILES = ['report.json', 'index.html', 'report.md', 'junit.xml', 'figures'];

export interface WriteOptions {
  /** Test hook, called when every file is written but before the new report replaces the old one. */
  beforeCommit?: (tmpDir: string) => void | Promise<void>;
}

/**
 * Writes the report directory atomically: everything goes into a sibling temp directory, which then
 * replaces DIR by rename. An interrupted or failed run leaves DIR as it was (a killed run may leave a
 * `DIR.partial-*` sibling, never a half-written DIR). Refuses to replace a directory that holds
 * anything but a report.
 */
/** Throws (bad usage) if DIR exists and holds anything but a report: checked before a long run starts. */
export function checkOutDir(outDir: string): void {
  const dir = resolve(outDir);
  if (!existsSync(dir)) return;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    throw new InputError(`--out ${outDir} exists and is not a directory`);
  }
  const foreign = entries.filter((f) => !REPORT_FILES.includes(f));
  if (foreign.length) throw new InputError(`--out ${outDir} exists and holds other files (${foreign.slice(0, 3).join(', ')}); choose an empty or report directory`);
}

export async function writeReport(report: Report, outDir: string, opts: WriteOptions = {}): Promise<string[]> {
  const dir = resolve(outDir);
  checkOutDir(outDir);
  const r0 = Date.now();
  const figures = await buildFigures(report);
  report.timings.renderMs = Date.now() - r0;
  mkdirSync(dirname(dir), { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(dirname(dir), `.${basename(dir)}.partial-${stamp}`);
  try {
    mkdirSync(join(tmp, 'figures'), { recursive: true });
    for (const f of figures) {
      writeFileSync(join(tmp, figureFile(f)), f.svg.startsWith('<?xml') ? f.svg : `<?xml version="1.0" encoding="UTF-8"?>\n${f.svg}\n`);
      // The data beside the figure: its Vega-Lite spec with the plotted values inline (re-renderable, citable).
      writeFileSync(join(tmp, specFile(f)), canonicalJson({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', ...f.spec }));
    }
    writeFileSync(join(tmp, 'report.md'), renderMarkdown(report, figures));
    writeFileSync(join(tmp, 'index.html'), renderHtml(report, figures));
    writeFileSync(join(tmp, 'junit.xml'), renderJunit(report));
    writeFileSync(join(tmp, 'report.json'), canonicalJson(report));
    await opts.beforeCommit?.(tmp);
    if (existsSync(dir)) {
      const old = join(dirname(dir), `.${basename(dir)}.old-${stamp}`);
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return ['index.html', 'report.md', 'report.json', 'junit.xml', ...figures.flatMap((f) => [figureFile(f), specFile(f)])].map((f) => join(dir, f));
}
