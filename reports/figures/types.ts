import type { Budget } from '../../properties/check.ts';
import type { FigureData, Report } from '../types.ts';

/** A Vega-Lite specification (kept as plain JSON: the report never needs its full types). */
export type VlSpec = Record<string, unknown>;

export interface Figure {
  /** File-name-safe id, e.g. "fate-phase-lt-sigma0.2". */
  id: string;
  paper: string;
  title: string;
  /** What is drawn and how to read it (shown under the figure). */
  caption: string;
  spec: VlSpec;
}

/** Extra simulations for a paper's figures; results land in report.json `figureData[id]`. */
export interface FigureJob {
  id: string;
  paper: string;
  title: string;
  /** Reads inputs other than the code (e.g. files of a long reproduction run): never served from the cache (per budget when a function). */
  volatile?: boolean | ((budget: Budget) => boolean);
  run(ctx: { seed: number; budget: Budget }): Promise<FigureData>;
}

/**
 * What a paper contributes to the report beyond the generic per-check plots. Another paper's module
 * in a paper folder exports `PaperFigures`, listed in reports/figures/index.ts.
 */
export interface PaperFigures {
  paper: string;
  jobs: FigureJob[];
  figures(report: Report): Figure[];
}
