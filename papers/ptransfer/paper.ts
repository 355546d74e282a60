import { definePaper } from '../define.ts';
import { fig1a, fig1b, fig1c, fig2 } from './theory/figures.ts';
import { negative } from './theory/negative.ts';
import { prop44 } from './theory/prop4_4.ts';
import { table1 } from './theory/table1.ts';
import { thm42 } from './theory/thm4_2.ts';
import { thm43 } from './theory/thm4_3.ts';
import { thm42Consistency } from './theory/consistency.ts';
import { consistencyExponent, consistencyTime } from './checks/consistency.ts';
import { baselineSim, cellSim, cellTfSim } from './sim/index.ts';
import { table1Sim, twoLayerSim } from './sim/mnist/sims.ts';
import { thm42AlphaWeight } from './checks/alphaWeight.ts';
import { thm42Alpha0, thm42Constants, thm42Loss, thm42Monotone, thm42MonotonePaper } from './checks/thm4_2.ts';
import { thm43Constants, thm43Monotone } from './checks/thm4_3.ts';
import { prop44Both, prop44BothLiteral, prop44Gamma } from './checks/prop4_4.ts';
import { negativeBoundary, negativeInside, negativePaper, negativeWeakBaseline } from './checks/negative.ts';
import { fig1aDirection, fig1aWeak, fig1bDirection, fig1bWeak, fig1cDirection } from './checks/fig1.ts';
import { fig2Level } from './checks/fig2.ts';
import { noiseSweep, transferHelps } from './checks/table1.ts';
import { ptransferFigures } from './figures/ptransfer.ts';

/** Yuan et al. — partial parameter transfer in two-layer ReLU CNNs (its baseline Kou et al. is the paper 'kou'). */
export const ptransfer = definePaper({
  id: 'ptransfer',
  title: 'Towards Understanding Feature Learning in Parameter Transfer',
  source: { authors: 'Yuan et al.', title: 'Towards Understanding Feature Learning in Parameter Transfer', reference: 'arXiv 2509.22056' },
  claims: [thm42, thm43, prop44, negative, fig1a, fig1b, fig1c, fig2, table1, thm42Consistency],
  simulations: [cellSim, cellTfSim, baselineSim, table1Sim, twoLayerSim],
  checks: [
    thm42Loss,
    thm42Monotone,
    thm42MonotonePaper,
    thm42Constants,
    thm42AlphaWeight,
    thm42Alpha0,
    thm43Monotone,
    thm43Constants,
    prop44Gamma,
    prop44Both,
    prop44BothLiteral,
    negativeInside,
    negativePaper,
    negativeBoundary,
    negativeWeakBaseline,
    fig1aDirection,
    fig1bDirection,
    fig1cDirection,
    fig1aWeak,
    fig1bWeak,
    fig2Level,
    transferHelps,
    noiseSweep,
    consistencyExponent,
    consistencyTime,
  ],
  figures: ptransferFigures,
});
