import { definePaper } from '../define.ts';
import { kouClaimList } from '../ptransfer/theory/claims.ts';
import { ptransferSims } from '../ptransfer/sim/index.ts';
import { ptransferChecks } from '../ptransfer/checks/index.ts';

/** Kou, Chen, Chen, Gu — benign overfitting in two-layer ReLU CNNs: the no-transfer baseline ptransfer's Thm 4.3 cites. */
export const kou = definePaper({
  id: 'kou',
  title: 'Benign Overfitting in Two-layer ReLU Convolutional Neural Networks',
  source: { authors: 'Y. Kou, Z. Chen, Y. Chen, Q. Gu', title: 'Benign Overfitting in Two-layer ReLU Convolutional Neural Networks', reference: 'ICML 2023 (cited as Thm 4.3 of ptransfer)' },
  claims: kouClaimList,
  simulations: ptransferSims.filter((s) => s.paper === 'kou'),
  checks: ptransferChecks.filter((k) => k.claimId.startsWith('kou.')),
});
