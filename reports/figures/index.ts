import { allPapers } from '../../papers/registry.ts';
import type { PaperFigures } from './types.ts';

/** The figure modules of the registered papers (a paper's `figures`). */
export function paperFigureModules(): Promise<PaperFigures[]> {
  return Promise.resolve(allPapers().flatMap((p) => (p.figures ? [p.figures] : [])));
}
