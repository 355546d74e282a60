import { estimate } from '../../../core/measurement.ts';
import type { CellParams } from '../sim/cell.ts';
import { cellSim } from '../sim/index.ts';
import { asParams, fmt, mean } from './shared.ts';

/** Per-replicate results of one cell (the registered 'ptransfer.cell', replicates 0 … R − 1 of the seed). */
export interface CellDraws {
  errT: number[];
  errB: number[];
  lossUp: number[];
  lossT: number[];
  lossB: number[];
}

export async function cells(p: CellParams, seed: number, R: number): Promise<CellDraws> {
  const m = await cellSim.run(asParams(p), { seed, draws: R });
  const x = m.extra!;
  return { errT: m.values, errB: x.errBaseline!.values!, lossUp: x.trainLossUp!.values!, lossT: x.trainLossTransfer!.values!, lossB: x.trainLossBaseline!.values! };
}

/** Paired err_T − err_B over R replicates (negative transfer: predicted > 0). */
export async function transferMinusBaseline(p: CellParams, seed: number, R: number) {
  const c = await cells(p, seed, R);
  return estimate(c.errT.map((e, i) => e - c.errB[i]!), `err_T ${fmt(mean(c.errT))}, err_B ${fmt(mean(c.errB))}`);
}

/** Paired err_B − err_T over R replicates (transfer helps: predicted > 0). */
export async function baselineMinusTransfer(p: CellParams, seed: number, R: number) {
  const c = await cells(p, seed, R);
  return estimate(c.errB.map((e, i) => e - c.errT[i]!), `err_T ${fmt(mean(c.errT))}, err_B ${fmt(mean(c.errB))}`);
}

/** max(err_T, err_B) − level over R replicates (Prop 4.4 "both near-optimal": predicted < 0). */
export async function worseArmAbove(level: number, p: CellParams, seed: number, R: number) {
  const c = await cells(p, seed, R);
  return estimate(c.errT.map((e, i) => Math.max(e, c.errB[i]!) - level), `err_T ${fmt(mean(c.errT))}, err_B ${fmt(mean(c.errB))}`);
}
