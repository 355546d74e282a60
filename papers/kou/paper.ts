import { definePaper } from '../define.ts';
import { kouThm } from './theory/thm.ts';
import { kouSim } from './sim/index.ts';
import { kouConstants, kouLoss, kouMonotone, kouPaper } from './checks/thm.ts';
import { kouBenignBelowLevel } from './checks/benign.ts';

/** Kou, Chen, Chen, Gu — benign overfitting in two-layer ReLU CNNs: the no-transfer baseline ptransfer's Thm 4.3 cites. */
export const kou = definePaper({
  id: 'kou',
  title: 'Benign Overfitting in Two-layer ReLU Convolutional Neural Networks',
  source: { authors: 'Y. Kou, Z. Chen, Y. Chen, Q. Gu', title: 'Benign Overfitting in Two-layer ReLU Convolutional Neural Networks', reference: 'ICML 2023 (cited as Thm 4.3 of ptransfer)' },
  claims: [kouThm],
  simulations: [kouSim],
  checks: [kouLoss, kouMonotone, kouConstants, kouPaper, kouBenignBelowLevel],
});
