import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../meta.ts';
import { fateFigures } from './fate.ts';
import { ptransferFigures } from './ptransfer.ts';
import type { PaperFigures } from './types.ts';

let mods: Promise<PaperFigures[]> | undefined;

/**
 * Paper figure modules: any reports/repro/*.ts module (written per paper) that exports
 * `reportFigures: PaperFigures`, then the built-in ones (fate, ptransfer) for papers not covered. A module that fails to load is skipped with a warning, never fatal.
 */
export function paperFigureModules(): Promise<PaperFigures[]> {
  mods ??= (async () => {
    const out: PaperFigures[] = [];
    let files: string[] = [];
    try {
      files = readdirSync(join(ROOT, 'reports', 'repro'))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .sort();
    } catch {
      files = [];
    }
    for (const f of files) {
      // Only modules that declare report figures are imported (others may be long-running scripts).
      if (!readFileSync(join(ROOT, 'reports', 'repro', f), 'utf8').includes('reportFigures')) continue;
      try {
        const m = (await import(pathToFileURL(join(ROOT, 'reports', 'repro', f)).href)) as { reportFigures?: PaperFigures };
        if (m.reportFigures && typeof m.reportFigures.figures === 'function' && m.reportFigures.paper && !out.some((x) => x.paper === m.reportFigures!.paper)) out.push(m.reportFigures);
      } catch (e) {
        process.stderr.write(`ttc report: skipping reports/repro/${f}: ${(e as Error).message.split('\n')[0]}\n`);
      }
    }
    // Built-in modules for papers whose own module does not (yet) declare figures.
    for (const m of [fateFigures, ptransferFigures]) if (!out.some((x) => x.paper === m.paper)) out.push(m);
    return out;
  })();
  return mods;
}
